import { foldArabicScript } from '../shared/language.js';

/**
 * The Postgres full-text configuration for policy text in a language: its stemmer where Postgres
 * has one (english, german), else `simple` (Persian and Arabic have none; their text is folded
 * first, see searchableText).
 */
export function policyTextConfig(language: string): 'english' | 'german' | 'simple' {
  if (language === 'en') return 'english';
  if (language === 'de') return 'german';
  return 'simple';
}

/**
 * Text as it is indexed and searched in a language: Arabic-script text with its spelling variants
 * folded (ي/ی، ك/ک، digits, zero-width non-joiners), so a shopper's spelling meets the
 * translator's; other text as it is.
 */
export function searchableText(language: string, text: string): string {
  return language === 'fa' || language === 'ar' ? foldArabicScript(text.normalize('NFKC')) : text;
}
