import { minorDigits } from '../../../catalog/money.js';
import type { Money } from '../../../catalog/types.js';

/**
 * How a language prints the values a reply template is filled with: numbers, money and lists. English
 * prints them as the replies always have (numbers bare, the tools' own formatted prices); another
 * language may use its own digits and list words.
 */
export interface ReplyFormats {
  language: string;
  number: (n: number) => string;
  money: (m: Money) => string;
  /** "a, b and c" (`and`), "a, b, c" (`comma`). */
  list: (items: readonly string[], style?: 'and' | 'comma') => string;
  plural: (n: number) => Intl.LDMLPluralRule;
}

/** English lists have no serial comma ("a, b and c"), as British English writes them. */
const LIST_LOCALE: Record<string, string> = { en: 'en-GB' };

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** "89,00 €" in German, "€۸۹٫۰۰" in Persian: the amount in the language's own way of writing money. */
function localMoney(language: string, m: Money): string {
  const digits = minorDigits(m.currency);
  const key = `${language}:${m.currency}`;
  let f = moneyFormats.get(key);
  if (!f) {
    const opts: Intl.NumberFormatOptions = {
      style: 'currency',
      currency: m.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    };
    f = new Intl.NumberFormat(language, opts);
    moneyFormats.set(key, f);
  }
  return f.format(m.amount / 10 ** digits);
}

export function createReplyFormats(language: string): ReplyFormats {
  const listLocale = LIST_LOCALE[language] ?? language;
  const and = new Intl.ListFormat(listLocale, { type: 'conjunction' });
  const comma = new Intl.ListFormat(listLocale, { type: 'unit', style: 'short' });
  const plural = new Intl.PluralRules(language);
  const digits = new Intl.NumberFormat(language, { useGrouping: false, maximumFractionDigits: 20 });
  const english = language === 'en';
  const number = (n: number) => (english ? String(n) : digits.format(n));
  return {
    language,
    number,
    // The tools format money as the shop shows it; another language prints it its own way.
    money: (m) => (english ? m.formatted : localMoney(language, m)),
    list: (items, style = 'and') => (style === 'and' ? and : comma).format(items),
    plural: (n) => plural.select(n),
  };
}
