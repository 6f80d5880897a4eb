import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeShopifyStore } from '../fakes/fake-shopify-store.js';
import { startFakeWooStore } from '../fakes/fake-woocommerce-store.js';

/** The documented wire shapes of the two fake shops, seen from Node with plain `fetch`. */
describe('the fake Shopify storefront', () => {
  let store: Awaited<ReturnType<typeof startFakeShopifyStore>>;
  let cookie = '';
  const call = async (path: string, body?: unknown, form = false) => {
    const res = await fetch(store.url + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        cookie,
        'Content-Type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      },
      body:
        body === undefined
          ? undefined
          : form
            ? new URLSearchParams(body as Record<string, string>)
            : JSON.stringify(body),
    });
    cookie = res.headers.get('set-cookie')?.split(';')[0] ?? cookie;
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    const variants = [
      { id: 1001, sku: 'A-S', title: 'S', price: 2500, inventory: 3 },
      { id: 1002, sku: 'A-M', title: 'M', price: 2500, available: false },
    ];
    store = await startFakeShopifyStore({ products: [{ productId: 10, handle: 'tee', title: 'Tee', variants }] });
  });
  afterAll(() => store?.close());

  it('answers /cart.js in the documented shape and keeps one cart per cart cookie', async () => {
    const { body } = await call('/cart.js');
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(['token', 'note', 'attributes', 'original_total_price', 'total_price', 'total_discount']),
    );
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(['total_weight', 'item_count', 'items', 'requires_shipping', 'currency']),
    );
    expect(cookie).toBe(`cart=${body.token}`);
    expect((await call('/cart.js')).body.token).toBe(body.token);
  });

  it('adds from a form body (one line back) and from JSON items ({items} back), then changes and updates', async () => {
    const single = await call('/cart/add.js', { id: '1001', quantity: '1' }, true);
    expect(single.body).toMatchObject({ variant_id: 1001, quantity: 1, key: expect.stringMatching(/^1001:/) });
    expect(single.body).toMatchObject({ price: 2500, line_price: 2500, final_price: 2500, product_title: 'Tee' });
    const items = await call('/cart/add.js', { items: [{ id: 1001, quantity: 1 }] });
    expect(items.body.items).toMatchObject([{ variant_id: 1001, quantity: 2, line_price: 5000 }]);
    const changed = await call('/cart/change.js', { line: 1, quantity: 3 });
    expect(changed.body).toMatchObject({ item_count: 3, total_price: 7500 });
    const updated = await call('/cart/update.js', { updates: { 1001: 1 }, attributes: { gift: 'yes' } });
    expect(updated.body).toMatchObject({ item_count: 1, attributes: { gift: 'yes' } });
    expect((await call('/cart/change.js', { id: 999, quantity: 1 })).status).toBe(400);
  });

  it("refuses a sold-out variant with Shopify's 422 Cart Error, and renders sections by id", async () => {
    expect(await call('/cart/add.js', { items: [{ id: 1002, quantity: 1 }] })).toEqual({
      status: 422,
      body: { status: 422, message: 'Cart Error', description: "The product 'Tee' is already sold out." },
    });
    const sections = await call('/?sections=cart-icon-bubble,unknown');
    expect(sections.body['cart-icon-bubble']).toContain('<span class="cart-count">1</span>');
    expect(sections.body.unknown).toBeNull();
  });
});

describe('the fake WooCommerce Store API', () => {
  let store: Awaited<ReturnType<typeof startFakeWooStore>>;
  const api = (path: string) => `${store.url}/wp-json/wc/store/v1/${path}`;
  const post = (path: string, body: unknown, headers: Record<string, string>) =>
    fetch(api(path), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    store = await startFakeWooStore({ products: [{ id: 7, name: 'Beanie', sku: 'B-1', price: 1800, stock: 2 }] });
  });
  afterAll(() => store?.close());

  it('answers the cart in the documented shape, with Nonce and Cart-Token headers', async () => {
    const res = await fetch(api('cart'));
    const body = await res.json();
    expect(body).toMatchObject({ items: [], items_count: 0, totals: { total_price: '0', currency_minor_unit: 2 } });
    expect(res.headers.get('Nonce')).toMatch(/^[0-9a-f]{10}$/);
    expect(res.headers.get('Cart-Token')).toBeTruthy();
  });

  it('refuses writes without a nonce (401) or with a wrong one (403)', async () => {
    const missing = await post('cart/add-item', { id: 7, quantity: 1 }, {});
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      code: 'woocommerce_rest_missing_nonce',
      message: 'Missing the Nonce header. This endpoint requires a valid nonce.',
      data: { status: 401 },
    });
    const wrong = await post('cart/add-item', { id: 7, quantity: 1 }, { Nonce: 'nope' });
    expect((await wrong.json()).code).toBe('woocommerce_rest_invalid_nonce');
  });

  it('keeps the cart of a Cart-Token without nonce or cookie, with the line shapes and errors of the Store API', async () => {
    const token = (await fetch(api('cart'))).headers.get('Cart-Token')!;
    const added = await post('cart/add-item', { id: 7, quantity: 2 }, { 'Cart-Token': token });
    expect(added.status).toBe(201);
    const cart = await (await fetch(api('cart'), { headers: { 'Cart-Token': token } })).json();
    expect(cart.items).toMatchObject([
      {
        id: 7,
        quantity: 2,
        name: 'Beanie',
        sku: 'B-1',
        prices: { price: '1800', currency_code: 'EUR', currency_minor_unit: 2 },
      },
    ]);
    expect(cart).toMatchObject({ items_count: 2, totals: { total_items: '3600', total_price: '3600' } });
    expect((await (await fetch(api('cart'))).json()).items).toEqual([]);
    const more = await post('cart/add-item', { id: 7, quantity: 1 }, { 'Cart-Token': token });
    expect(more.status).toBe(400);
    expect((await more.json()).code).toBe('woocommerce_rest_product_partially_out_of_stock');
    const gone = await post('cart/remove-item', { key: 'no-such-key' }, { 'Cart-Token': token });
    expect(gone.status).toBe(409);
  });
});
