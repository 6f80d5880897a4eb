import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/shared/language.js';
import { CATALOGS } from '../../widget/i18n/catalogs.js';
import { formatDate, formatMessage, formatMoney, LOCALES, pluralBranches } from '../../widget/i18n/format.js';
import { ORDER_CHANGE_CATALOGS } from '../../widget/i18n/order-change-catalogs.js';

type Catalogs = Record<(typeof LANGUAGES)[number], Record<string, string>>;

/** The argument names a message uses: `{name}` and `{count, plural, …}`, nested ones included. */
function placeholders(pattern: string): string[] {
  const names = new Set<string>();
  for (const m of pattern.matchAll(/\{\s*(\w+)\s*(?:\}|,\s*plural\s*,)/g)) names.add(m[1]);
  return [...names].sort();
}

/** The plural messages' branch names, by argument. */
function pluralArguments(pattern: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of pattern.matchAll(/\{\s*(\w+)\s*,\s*plural\s*,/g)) {
    const start = m.index + m[0].length;
    let depth = 1;
    let end = start;
    for (; end < pattern.length && depth > 0; end++) {
      if (pattern[end] === '{') depth++;
      if (pattern[end] === '}') depth--;
    }
    out.set(m[1], [...pluralBranches(pattern.slice(start, end - 1)).keys()]);
  }
  return out;
}

// The main catalogs (widget, console, storefront) and the chat's order-change words.
describe.each([
  ['widget/i18n', CATALOGS as Catalogs],
  ['widget/i18n/order-changes', ORDER_CHANGE_CATALOGS as Catalogs],
])('message catalogs in %s', (_folder, catalogs) => {
  const en = catalogs.en;
  const keys = Object.keys(en).sort();

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has exactly the keys of en.json', (language) => {
    const theirs = Object.keys(catalogs[language]).sort();
    expect(
      keys.filter((k) => !theirs.includes(k)),
      'missing',
    ).toEqual([]);
    expect(
      theirs.filter((k) => !keys.includes(k)),
      'not in en.json',
    ).toEqual([]);
  });

  it.each(LANGUAGES)('%s uses the same placeholders as en.json in every message', (language) => {
    const differ = keys.filter((k) => placeholders(catalogs[language][k]).join() !== placeholders(en[k]).join());
    expect(differ).toEqual([]);
  });

  it.each(LANGUAGES)("%s's plural messages have an other branch and only the locale's categories", (language) => {
    const categories = new Intl.PluralRules(LOCALES[language]).resolvedOptions().pluralCategories as string[];
    for (const key of keys) {
      for (const [, branches] of pluralArguments(catalogs[language][key])) {
        expect(branches, key).toContain('other');
        expect(
          branches.filter((b) => !b.startsWith('=') && !categories.includes(b)),
          key,
        ).toEqual([]);
      }
    }
  });

  it('has no empty message', () => {
    for (const language of LANGUAGES) expect(keys.filter((k) => !catalogs[language][k].trim())).toEqual([]);
  });
});

describe('formatting for the locale', () => {
  it('picks plural branches by Intl.PluralRules and writes # in the locale digits', () => {
    const cart = (language: 'en' | 'fa' | 'ar' | 'de', count: number) =>
      formatMessage(language, CATALOGS[language]['chat.cart.label'], { count });
    expect(cart('en', 1)).toBe('Cart: 1 item');
    expect(cart('en', 3)).toBe('Cart: 3 items');
    expect(cart('fa', 3)).toBe('سبد خرید: ۳ کالا');
    expect(cart('ar', 2)).toBe('السلة: منتجان');
    expect(cart('ar', 3)).toBe(`السلة: ${new Intl.NumberFormat('ar').format(3)} منتجات`);
    expect(cart('de', 1)).toBe('Warenkorb: 1 Artikel');
  });

  it("writes money the locale way: Persian digits in fa, Intl's own in ar, comma decimals in de", () => {
    expect(formatMoney('en', 123450, 'EUR')).toBe('€1,234.50');
    const fa = formatMoney('fa', 123450, 'EUR');
    expect(fa).toMatch(/۱.?۲۳۴.۵۰/);
    expect(fa).not.toMatch(/[0-9]/);
    expect(formatMoney('ar', 123450, 'EUR')).toBe(
      new Intl.NumberFormat('ar', { style: 'currency', currency: 'EUR' }).format(1234.5),
    );
    expect(formatMoney('de', 123450, 'EUR')).toBe('1.234,50\u00a0€');
    expect(formatMoney('en', 1200, 'JPY')).toBe('¥1,200');
  });

  it('writes dates with the locale calendar and digits', () => {
    const at = '2026-03-14T10:00:00Z';
    expect(formatDate('de', at, 'date')).toBe('14.03.2026');
    expect(formatDate('fa', at, 'date')).not.toMatch(/[0-9]/);
  });

  it('leaves a value that is a number in the locale digits and a string as it is', () => {
    expect(formatMessage('fa', 'نوبت {position} · {name}', { position: 12, name: 'W1042' })).toBe('نوبت ۱۲ · W1042');
  });
});
