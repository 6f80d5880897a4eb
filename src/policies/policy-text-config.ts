import { textSearchConfig } from '../catalog/text-search-config.js';
import { foldArabicScript } from '../shared/language.js';

/** The Postgres full-text configuration for policy text in a language (the catalog's choice, see textSearchConfig). */
export const policyTextConfig = (language: string) => textSearchConfig(language).name;

/**
 * Text as it is indexed and searched in a language: Arabic-script text with its spelling variants
 * folded (ي/ی، ك/ک، digits, zero-width non-joiners), so a shopper's spelling meets the
 * translator's; other text as it is.
 */
export function searchableText(language: string, text: string): string {
  return language === 'fa' || language === 'ar' ? foldArabicScript(text.normalize('NFKC')) : text;
}
