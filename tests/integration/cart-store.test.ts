import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCartStore, type CartStore } from '../../src/carts/cart-store.js';
import { upsertProduct } from '../../src/catalog/product-store.js';
import type { Database } from '../../src/db/database.js';
import { ENGINES, openTestDatabase } from '../helpers/test-database.js';
import { product } from '../helpers/product-fixtures.js';

describe.each(ENGINES)('carts with concurrent writers on %s', (engine) => {
  let db: Database;
  let carts: CartStore;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    carts = createCartStore({ db });
    await db.transaction((tx) =>
      upsertProduct(
        tx,
        product({
          handle: 'wool-socks',
          title: 'Merino Wool Socks',
          optionNames: ['Size'],
          variants: [
            { sku: 'SOCK-M', options: { Size: 'M' }, priceMinor: 1495, currency: 'EUR', stock: 100 },
            { sku: 'SOCK-L', options: { Size: 'L' }, priceMinor: 1495, currency: 'EUR', stock: 2 },
            { sku: 'SOCK-XL', options: { Size: 'XL' }, priceMinor: 1495, currency: 'EUR', stock: 0 },
          ],
        }),
      ),
    );
  });
  afterAll(() => db?.close());

  it('loses no update when shopper, assistant and agent add at once', async () => {
    await carts.ensure('cart-race', { currency: 'EUR' });
    const actors = (['shopper', 'assistant', 'agent'] as const).flatMap((kind) =>
      Array.from({ length: 5 }, () => ({ kind })),
    );
    await Promise.all(actors.map((a) => carts.add('cart-race', 'SOCK-M', 1, a)));
    const view = await carts.view('cart-race');
    expect(view.items).toHaveLength(1);
    expect(view.items[0].quantity).toBe(15);
    expect(view.subtotal.formatted).toBe('€224.25');
    expect(view.version).toBe(15);
    const history = await carts.history('cart-race');
    expect(history.map((h) => h.version)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(new Set(history.map((h) => h.actor))).toEqual(new Set(['shopper', 'assistant', 'agent']));
  });

  it('refuses more than the stock and leaves the cart unchanged', async () => {
    await carts.ensure('cart-stock', { currency: 'EUR' });
    await carts.add('cart-stock', 'SOCK-L', 2, { kind: 'shopper' });
    await expect(carts.add('cart-stock', 'SOCK-L', 1, { kind: 'assistant' })).rejects.toMatchObject({
      reason: 'out_of_stock',
      available: 2,
    });
    await expect(carts.add('cart-stock', 'SOCK-XL', 1, { kind: 'assistant' })).rejects.toMatchObject({
      reason: 'out_of_stock',
    });
    await expect(carts.add('cart-stock', 'NOPE', 1, { kind: 'assistant' })).rejects.toMatchObject({
      reason: 'unknown_variant',
    });
    const view = await carts.view('cart-stock');
    expect(view.items.map((i) => [i.sku, i.quantity])).toEqual([['SOCK-L', 2]]);
    expect(view.version).toBe(1);
  });

  it('sets, bounds and removes quantities', async () => {
    await carts.ensure('cart-set', { currency: 'EUR' });
    await carts.add('cart-set', 'SOCK-M', 1, { kind: 'shopper' });
    expect(
      (await carts.setQuantity('cart-set', 'SOCK-M', 4, { kind: 'agent', id: 'alex@example.com' })).items[0].quantity,
    ).toBe(4);
    await expect(carts.setQuantity('cart-set', 'SOCK-M', 21, { kind: 'assistant' })).rejects.toMatchObject({
      reason: 'quantity_limit',
    });
    await expect(carts.setQuantity('cart-set', 'SOCK-M', -1, { kind: 'assistant' })).rejects.toMatchObject({
      code: 'cart:bad_quantity',
    });
    expect((await carts.setQuantity('cart-set', 'SOCK-M', 0, { kind: 'shopper' })).items).toEqual([]);
    await expect(carts.remove('cart-set', 'SOCK-M', { kind: 'shopper' })).rejects.toMatchObject({
      reason: 'not_in_cart',
    });
    const h = await carts.history('cart-set');
    expect(h.find((e) => e.action === 'set')).toMatchObject({
      actor: 'agent',
      actorId: 'alex@example.com',
      quantity: 4,
    });
  });
});
