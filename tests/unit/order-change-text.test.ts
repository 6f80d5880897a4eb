import { describe, expect, it } from 'vitest';
import { refusalInEnglish, summaryInEnglish } from '../../src/orders/order-words.js';
import { LANGUAGES } from '../../src/shared/language.js';
import { orderChangeText, refusalText } from '../../widget/chat/order-change-text.js';
import { lateReturn, SAMPLE_CHANGES, SAMPLE_REFUSALS } from '../fixtures/order-change-samples.js';

const [cancel, twoRefunds, , , payment, , ret] = SAMPLE_CHANGES;
const refusal = (code: string) => SAMPLE_REFUSALS.find((r) => r.code === code)!;
/** Without the direction marks and no-break spaces Intl puts in. */
const plain = (text: string) => text.replace(/[\u200e\u200f]/g, '').replace(/\u00a0/g, ' ');

describe('the confirm card’s words in the widget’s language', () => {
  it('says a change and a refusal in English as the server does (the order domain’s words)', () => {
    // The widget writes a date as the locale does, where the server's English keeps the ISO day.
    const sameInEnglish = SAMPLE_REFUSALS.filter((r) => r.code !== 'return_window_passed');
    for (const d of SAMPLE_CHANGES) expect(orderChangeText(d, 'en')).toBe(summaryInEnglish(d));
    for (const r of sameInEnglish) expect(refusalText(r, 'en')).toBe(refusalInEnglish(r));
  });

  it('says them in Persian, with Persian digits, money and calendar', () => {
    expect(plain(orderChangeText(cancel, 'fa'))).toBe(
      'لغو سفارش AP-1042 (دلیل: دیگر لازم نیست). بازپرداخت: €۴۵٫۰۰ به کارت Visa با شمارهٔ پایانی 4242.',
    );
    expect(plain(orderChangeText(twoRefunds, 'fa'))).toContain(
      'بازپرداخت: €۳۰٫۰۰ به کارت Visa با شمارهٔ پایانی 4242 و €۱۲٫۵۰ به کارت هدیه.',
    );
    expect(plain(orderChangeText(ret, 'fa'))).toContain(
      'مرجوع کردن ۲ عدد Merino Running Socks، Trail Cap از سفارش AP-1048',
    );
    expect(plain(refusalText(refusal('return_window_passed'), 'fa'))).toContain(
      'در ۱۵ دی ۱۴۰۲ تحویل شده، یعنی بیش از ۳۰ روز پیش',
    );
    expect(plain(refusalText(refusal('wrong_status'), 'fa'))).toBe(
      'سفارش AP-1042 در وضعیت «ارسال‌شده» است و فقط سفارش‌های «در انتظار پردازش» را می‌توان لغو کرد (Orders, returns and exchanges).',
    );
  });

  it('says them in Arabic and German, with the locale’s money and plurals', () => {
    expect(plain(orderChangeText(payment, 'ar'))).toMatch(
      /^دفع الطلب AP-1046 \(.*89[.,٫]00.*\) بواسطة PayPal، ويُعاد المبلغ إلى بطاقة Visa المنتهية بـ 4242\.$/,
    );
    expect(plain(refusalText(lateReturn(2), 'ar'))).toContain('قبل أكثر من يومين');
    expect(plain(refusalText(refusal('item_not_in_order'), 'ar'))).toBe('لا يحتوي الطلب AP-1042 على المنتج HAT-9.');
    expect(plain(orderChangeText(cancel, 'de'))).toBe(
      'Bestellung AP-1042 stornieren (Grund: nicht mehr benötigt). Erstattung von 45,00 € auf Visa mit Endziffern 4242.',
    );
    expect(plain(refusalText(lateReturn(1), 'de'))).toContain('am 05.01.2024 zugestellt, vor mehr als 1 Tag');
  });

  it('says every change and refusal in every language, with no placeholder left unfilled', () => {
    for (const language of LANGUAGES) {
      const texts = [
        ...SAMPLE_CHANGES.map((d) => orderChangeText(d, language)),
        ...SAMPLE_REFUSALS.map((r) => refusalText(r, language)),
      ];
      for (const text of texts) expect(text, `${language}: ${text}`).not.toMatch(/[{}]|undefined/);
    }
  });
});
