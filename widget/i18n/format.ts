import type { Language } from '../../src/shared/language.js';

/** The Intl locale of each language: Persian writes Persian digits; Arabic takes what Intl gives for `ar`. */
export const LOCALES: Record<Language, string> = { en: 'en', fa: 'fa-IR', ar: 'ar', de: 'de-DE' };

export type MessageVars = Record<string, string | number>;

/**
 * Fills an ICU-style message: `{name}` is a value (numbers formatted for the locale) and
 * `{count, plural, one {# item} other {# items}}` picks a branch by `Intl.PluralRules`
 * (`=0` matches exactly); `#` in a branch is the number, formatted.
 */
export function formatMessage(language: Language, pattern: string, vars: MessageVars = {}): string {
  const locale = LOCALES[language];
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const open = pattern.indexOf('{', i);
    if (open < 0) break;
    const close = matchingBrace(pattern, open);
    out += pattern.slice(i, open) + argument(locale, language, pattern.slice(open + 1, close), vars);
    i = close + 1;
  }
  return out + pattern.slice(i);
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces in message: ${text}`);
}

function argument(locale: string, language: Language, body: string, vars: MessageVars): string {
  const [name, kind] = body.split(',', 2).map((s) => s.trim());
  const value = vars[name];
  if (kind !== 'plural') return typeof value === 'number' ? formatNumber(language, value) : String(value ?? '');
  const count = Number(value ?? 0);
  const branches = pluralBranches(body.slice(body.indexOf('plural') + 'plural'.length + 1));
  const category = new Intl.PluralRules(locale).select(count);
  const chosen = branches.get(`=${count}`) ?? branches.get(category) ?? branches.get('other') ?? '';
  return formatMessage(language, chosen.replace(/#/g, formatNumber(language, count)), vars);
}

/** `one {# item} other {# items}` → { one: '# item', other: '# items' }. */
export function pluralBranches(text: string): Map<string, string> {
  const branches = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const close = matchingBrace(text, open);
    branches.set(text.slice(i, open).trim(), text.slice(open + 1, close));
    i = close + 1;
  }
  return branches;
}

export function formatNumber(language: Language, n: number): string {
  return new Intl.NumberFormat(LOCALES[language]).format(n);
}

/** An amount in minor units (cents) as money, the locale's way: "€1,234.50", "۱٬۲۳۴٫۵۰ €", "1.234,50 €". */
export function formatMoney(language: Language, minor: number, currency: string): string {
  const f = new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency });
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  return f.format(minor / 10 ** digits);
}

export function formatDate(language: Language, iso: string, style: 'date' | 'dateTime' | 'time' = 'dateTime'): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const opts: Intl.DateTimeFormatOptions =
    style === 'date'
      ? { dateStyle: 'medium' }
      : style === 'time'
        ? { timeStyle: 'short' }
        : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(LOCALES[language], opts).format(at);
}
