import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileReplies, loadReplies } from '../../src/agent/models/offline/replies.js';

const LANG = path.resolve(import.meta.dirname, '../../src/agent/models/offline/lang');
type Tree = { [key: string]: string | Tree };
/** A fresh copy of the English reply file, to break on purpose. */
const english = (): Tree => JSON.parse(readFileSync(path.join(LANG, 'en', 'replies.json'), 'utf8')) as Tree;

describe('offline replies', () => {
  const say = loadReplies('en');

  it('says a template with its placeholders filled in', () => {
    expect(say('ask.tooMany', { n: 20 })).toBe('I can add at most 20 of one item — how many would you like?');
    expect(say('orders.first', { order: '#1001' })).toBe('#1001 is your first order with us.');
  });

  it('prints money as the tools formatted it, and lists without a serial comma', () => {
    const price = { amount: 8900, currency: 'EUR', formatted: '€89.00' };
    expect(say('shown.cheapest', { title: 'A', price })).toBe('A is the cheapest, at €89.00.');
    // A value the data leaves empty leaves no double space.
    expect(say('orders.tracking', { carrier: '', number: '5813' })).toBe('Tracking: 5813');
    expect(say.list(['a', 'b', 'c'])).toBe('a, b and c');
    expect(say.list(['a', 'b', 'c'], 'comma')).toBe('a, b, c');
    expect(say.eachAnd(['a', 'b', 'c'])).toBe('a and b and c');
    // Another language writes money its own way.
    expect(loadReplies('de').money(price)).toMatch(/^89,00\s€$/);
  });

  it('chooses the plural form by the language', () => {
    expect(say('format.cartSummary', { count: 1, subtotal: '€5.00' })).toBe('Your cart: 1 item, subtotal €5.00.');
    expect(say('format.cartSummary', { count: 3, subtotal: '€15.00' })).toBe('Your cart: 3 items, subtotal €15.00.');
    const tree = english();
    (tree.format as Tree).cartSummary =
      '{count, plural, zero {Z} one {O} two {T} few {F#} many {M#} other {X#}} {subtotal}';
    const ar = compileReplies('ar', tree);
    const forms = [0, 1, 2, 3, 11, 100].map((count) => ar('format.cartSummary', { count, subtotal: '' }).trim());
    // `#` prints the count in the language's own digits, as Intl has them.
    const digits = (n: number) => new Intl.NumberFormat('ar').format(n);
    expect(forms).toEqual(['Z', 'O', 'T', `F${digits(3)}`, `M${digits(11)}`, `X${digits(100)}`]);
  });

  it('fails at load on a missing key, naming it', () => {
    const tree = english();
    delete (tree.chat as Tree).thanks;
    expect(() => compileReplies('de', tree)).toThrow(/missing key "chat\.thanks"/);
  });

  it('fails at load when a translation changes the placeholders', () => {
    const tree = english();
    (tree.ask as Tree).tooMany = 'Höchstens {count} Stück.';
    expect(() => compileReplies('de', tree)).toThrow(/"ask\.tooMany" has placeholders \{count\}, English has \{n\}/);
  });

  it('fails at load on an unknown key, a malformed template or a wrong shape', () => {
    const extra = english();
    (extra.chat as Tree).hello = 'Hallo';
    expect(() => compileReplies('de', extra)).toThrow(/unknown key "chat\.hello"/);
    const broken = english();
    (broken.format as Tree).cartSummary = '{count, plural, one {# Artikel}} {subtotal}';
    expect(() => compileReplies('de', broken)).toThrow(/"format\.cartSummary": a plural needs an "other" branch/);
    expect(() => compileReplies('de', { chat: 3 })).toThrow(/lang\/de\/replies\.json/);
  });

  it('throws on a reply said without one of its placeholders', () => {
    expect(() => say('ask.tooMany')).toThrow(/needs \{n\}/);
  });

  it('has every language file in step with English', () => {
    const codes = readdirSync(LANG).filter((code) => existsSync(path.join(LANG, code, 'replies.json')));
    expect(codes).toEqual(expect.arrayContaining(['en', 'de', 'fa', 'ar']));
    for (const code of codes) expect(() => loadReplies(code), code).not.toThrow();
  });

  it('keeps the keys typed, so a misspelt key fails the typecheck', () => {
    // @ts-expect-error: no such reply
    expect(() => say('chat.greetnig')).toThrow();
  });
});
