import { describe, expect, it } from 'vitest';
import { detectLanguage, foldArabicScript, isRtl, languageOfTag } from '../../src/shared/language.js';

describe('detectLanguage', () => {
  it.each([
    ['یک کاپشن گرم برای زمستان زیر ۲۰۰ یورو می‌خوام', 'fa'],
    ['دومی رو در سایز M می‌خوام', 'fa'],
    ['أريد حذاء للجري', 'ar'],
    ['هل لديكم سترة شتوية بأقل من ٢٠٠ يورو؟', 'ar'],
    // Maghrebi and Egyptian Arabic, with no letter only Arabic writes and "من", a Persian word too.
    ['واش عندو ضمان؟ قداش من عام؟', 'ar'],
    ['ازيك، الاوردر وصل ولا لسه؟', 'ar'],
    // A product name the shop spells in English inside an Arabic sentence, one of its words English's too.
    ['وزيد عليهم الـ Yellow watering can', 'ar'],
    // An Arabic-script product name inside an English sentence.
    ['do you have the كوب Morning in blue?', 'en'],
    ['Ich suche eine warme Jacke unter 200 Euro', 'de'],
    ['Gibt es das auch in Größe M?', 'de'],
    // German words around an English product name: still German.
    ['Dann noch zwei Stück Trail Running Socks in L, Navy', 'de'],
    // Hurried German without umlauts, and a Swiss greeting.
    ['moin, such laufschuhe fuer herren max 80 euro', 'de'],
    ['hoi zaeme', 'de'],
    ['do you have a warm jacket under 200?', 'en'],
    ['show me the blue one please', 'en'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it.each(['#1042', 'ok', 'W1234567', '  ', 'Sacramento'])('%s tells nothing', (text) => {
    expect(detectLanguage(text)).toBeNull();
  });
});

describe('foldArabicScript', () => {
  it('folds letter variants, tatweel, diacritics, digits and the zero-width non-joiner', () => {
    expect(foldArabicScript('كفش‌ها')).toBe('کفش ها');
    expect(foldArabicScript('يـــورو')).toBe('یورو');
    expect(foldArabicScript('سُتْرَة')).toBe('ستره');
    expect(foldArabicScript('۲۰۰ و ٣٥٫٥')).toBe('200 و 35.5');
    expect(foldArabicScript('أحذية إلى')).toBe('احذیه الی');
    expect(foldArabicScript('plain text 12')).toBe('plain text 12');
  });

  it('reads the Arabic question mark as a question mark', () => {
    expect(foldArabicScript('اقدر اغير العنوان؟')).toBe('اقدر اغیر العنوان?');
  });
});

describe('language tags', () => {
  it('reads the base language of a tag and knows which are right to left', () => {
    expect(languageOfTag('fa-IR')).toBe('fa');
    expect(languageOfTag('AR')).toBe('ar');
    expect(languageOfTag('fr')).toBeNull();
    expect(languageOfTag(undefined)).toBeNull();
    expect(isRtl('fa')).toBe(true);
    expect(isRtl('de')).toBe(false);
  });
});
