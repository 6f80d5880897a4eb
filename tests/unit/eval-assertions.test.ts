import { describe, expect, it } from 'vitest';
import { checkAssertion, matchesSubset, type TurnObservation } from '../../src/evals/assertions.js';
import { assertionSchema } from '../../src/evals/suite-schema.js';
import { money } from '../../src/catalog/money.js';
import type { ProductSummary } from '../../src/catalog/types.js';
import type { CartLine } from '../../src/carts/types.js';

const product = (handle: string, priceMinor: number) => ({ handle, price: money(priceMinor, 'EUR') }) as ProductSummary;

const line = (sku: string, handle: string, quantity: number, options: Record<string, string>) =>
  ({ sku, handle, quantity, options }) as CartLine;

const observed: TurnObservation = {
  reply: 'Here are two lamps. (Source: Shipping — Shipping costs)',
  products: [product('lamp-a', 2500), product('lamp-b', 3999)],
  calls: [{ name: 'search_products', args: { query: 'Lamp', maxPrice: 40, filters: { colors: ['Black', 'Red'] } } }],
  cart: {
    id: 'c1',
    version: 2,
    items: [line('LAMP-A-BLK', 'lamp-a', 2, { Color: 'Black', Size: 'M' })],
    itemCount: 2,
    subtotal: money(5000, 'EUR'),
    checkoutUrl: null,
  },
  status: 'bot',
};

/** Parses an assertion as a suite file would, then checks it against the observed turn. */
const check = (raw: unknown) => {
  const a = assertionSchema.parse(raw);
  if (a.type === 'llm-rubric') throw new Error('needs a grader');
  return checkAssertion(a, observed);
};

describe('eval assertion matchers', () => {
  it('matches argument subsets: strings without case, numbers to the cent, nested objects and lists', () => {
    expect(matchesSubset({ q: 'Lamp', n: 40.001 }, { q: 'lamp', n: 40 })).toBe(true);
    expect(matchesSubset({ f: { colors: ['Black', 'Red'] } }, { f: { colors: ['red'] } })).toBe(true);
    expect(matchesSubset({ q: 'lamp' }, { q: 'lamp', n: 40 })).toBe(false);
    expect(matchesSubset({ n: '40' }, { n: 40 })).toBe(false);
  });

  it('tool-called passes on a name, or a name with an argument subset, and says what was called', () => {
    expect(check({ type: 'tool-called', value: 'search_products' })).toEqual({ outcome: 'pass' });
    expect(check({ type: 'tool-called', value: { name: 'search_products', args: { maxPrice: 40 } } })).toEqual({
      outcome: 'pass',
    });
    const wrongArgs = check({ type: 'tool-called', value: { name: 'search_products', args: { maxPrice: 30 } } });
    expect(wrongArgs).toMatchObject({ outcome: 'fail', message: expect.stringContaining('"maxPrice":30') });
    expect(check({ type: 'tool-called', value: 'add_to_cart' })).toMatchObject({
      outcome: 'fail',
      message: expect.stringMatching(/expected a call to add_to_cart; calls: search_products/),
    });
    expect(check({ type: 'tool-not-called', value: 'search_products' }).outcome).toBe('fail');
  });

  it('products-include needs every handle shown; products-all-under compares in major units', () => {
    expect(check({ type: 'products-include', value: 'lamp-b' }).outcome).toBe('pass');
    expect(check({ type: 'products-include', value: ['lamp-a', 'lamp-c'] })).toMatchObject({
      outcome: 'fail',
      message: 'products not shown: lamp-c (shown: lamp-a, lamp-b)',
    });
    expect(check({ type: 'products-all-under', value: 39.99 }).outcome).toBe('pass');
    expect(check({ type: 'products-all-under', value: 30 })).toMatchObject({
      outcome: 'fail',
      message: expect.stringContaining('lamp-b'),
    });
  });

  it('cart-has checks handle or sku, options and quantity; cart-lacks names what is still there', () => {
    expect(
      check({ type: 'cart-has', value: { handle: 'lamp-a', quantity: 2, options: { Color: 'black' } } }).outcome,
    ).toBe('pass');
    expect(check({ type: 'cart-has', value: { sku: 'LAMP-A-BLK', quantity: 3 } })).toMatchObject({
      outcome: 'fail',
      message: expect.stringContaining('cart has 2 × LAMP-A-BLK, expected 3'),
    });
    expect(check({ type: 'cart-has', value: 'lamp-b' }).outcome).toBe('fail');
    expect(check({ type: 'cart-lacks', value: ['lamp-b'] }).outcome).toBe('pass');
    expect(check({ type: 'cart-lacks', value: 'LAMP-A-BLK' })).toMatchObject({
      outcome: 'fail',
      message: expect.stringContaining('cart still has LAMP-A-BLK'),
    });
  });

  it('text-matches and text-lacks are case-insensitive regular expressions', () => {
    expect(check({ type: 'text-matches', value: ['two LAMPS', 'Shipping costs'] }).outcome).toBe('pass');
    expect(check({ type: 'text-matches', value: 'free' })).toMatchObject({ message: 'reply does not match /free/i' });
    expect(check({ type: 'text-lacks', value: 'source: \\w+' })).toMatchObject({ outcome: 'fail' });
    expect(check({ type: 'text-lacks', value: 'discount' }).outcome).toBe('pass');
  });

  it('status compares the conversation status', () => {
    expect(check({ type: 'status', value: 'bot' }).outcome).toBe('pass');
    expect(check({ type: 'status', value: 'queued' })).toMatchObject({
      message: 'conversation status is bot, expected queued',
    });
  });
});
