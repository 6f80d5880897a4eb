import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/shared/language.js';
import { CATALOGS } from '../../widget/i18n/catalogs.js';
import { formatMessage } from '../../widget/i18n/format.js';

const html = readFileSync(path.resolve(import.meta.dirname, '../../widget/storefront/index.html'), 'utf8');
const body = html.slice(html.indexOf('<body'), html.indexOf('<script'));
const SHOP = 'Alder & Pine';
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();

/** Each tag of the page (title and body) with its attributes and the text right after it. */
const tags = [...html.matchAll(/<(\/?[a-z0-9]+)([^>]*)>([^<]*)/g)];
const attribute = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

describe("the demo storefront's own words", () => {
  it('names messages every catalog has, and writes them in the HTML as en.json does (the page without scripts)', () => {
    const named = tags.filter((m) => attribute(m[2], 'data-i18n'));
    expect(named.length).toBeGreaterThan(8);
    for (const [, , attrs, text] of named) {
      const key = attribute(attrs, 'data-i18n') as keyof typeof CATALOGS.en;
      for (const language of LANGUAGES) expect(CATALOGS[language][key], `${language} ${key}`).toBeTruthy();
      expect(unescape(text), key).toBe(formatMessage('en', CATALOGS.en[key], { shop: SHOP }));
    }
    for (const [name, data] of [
      ['placeholder', 'data-i18n-placeholder'],
      ['aria-label', 'data-i18n-label'],
    ]) {
      for (const [, , attrs] of tags.filter((m) => attribute(m[2], data))) {
        const key = attribute(attrs, data) as keyof typeof CATALOGS.en;
        expect(attribute(attrs, name), key).toBe(CATALOGS.en[key]);
      }
    }
  });

  it('leaves no text, placeholder or label of the body without its message, but the shop’s name', () => {
    const unnamed = [...body.matchAll(/<(\/?[a-z0-9]+)([^>]*)>([^<]*)/g)]
      .filter(([, , attrs, text]) => /\p{L}/u.test(text) && !attribute(attrs, 'data-i18n'))
      .map(([, , , text]) => unescape(text))
      .filter((text) => !['Alder', '&', 'Pine'].includes(text));
    expect(unnamed).toEqual([]);
    const labelled = [...body.matchAll(/<[a-z]+([^>]*)>/g)].map((m) => m[1]);
    for (const attrs of labelled) {
      if (attribute(attrs, 'placeholder')) expect(attribute(attrs, 'data-i18n-placeholder'), attrs).toBeTruthy();
      // The cart button's label counts its items: the script writes it.
      if (attribute(attrs, 'aria-label') && attribute(attrs, 'id') !== 'cart-toggle')
        expect(attribute(attrs, 'data-i18n-label'), attrs).toBeTruthy();
    }
  });
});
