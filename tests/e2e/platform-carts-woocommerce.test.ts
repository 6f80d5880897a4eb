import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startFakeWooStore } from '../fakes/fake-woocommerce-store.js';
import { JACKET, SHIRT_M, WOO_SOCKS as SOCKS, wooProducts as products } from '../fakes/platform-fixtures.js';
import { describeBrowser, launchBrowser } from './browser.js';
import { BUNDLE_PATH, failureOf, openShopPage, platformBundle, settle, type CartWindow } from './platform-cart-page.js';

let store: Awaited<ReturnType<typeof startFakeWooStore>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

const lineIds = (lines: { variantId: string; quantity: number }[]) => lines.map((l) => [l.variantId, l.quantity]);

describeBrowser("the WooCommerce adapter on a shop's page, against a fake of the Store API", () => {
  beforeAll(async () => {
    store = await startFakeWooStore({
      products,
      // No data-platform: the adapter is chosen from WooCommerce's globals on the page.
      extraHead: `<script src="${BUNDLE_PATH}"></script>`,
      assets: { [BUNDLE_PATH]: await platformBundle() },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await store?.close();
  });
  // A browser without WooCommerce's session cookie: each test starts as a new guest.
  beforeEach(() => browser.context.clearCookies());

  /** The one cart the store holds for this test's guest (sessions of earlier tests are left out). */
  const cartOf = (before: string[]) => store.carts().filter((c) => !before.includes(c.session));
  const sessionsNow = () => store.carts().map((c) => c.session);

  it("adds with the page's nonce, and the mini-cart shows the new cart after refreshTheme()", async () => {
    const page = await browser.context.newPage();
    const earlier = sessionsNow();
    expect(await openShopPage(page, store.url)).toBe('woocommerce');
    const snapshot = await page.evaluate((id) => (window as unknown as CartWindow).cart.add(id, 2), SHIRT_M);
    expect(snapshot).toEqual({
      platform: 'woocommerce',
      lines: [{ variantId: SHIRT_M, quantity: 2, sku: 'LS-M', title: 'Linen Shirt - M', unitPriceMinor: 4500 }],
      currency: 'EUR',
      itemCount: 2,
      checkoutUrl: `${store.url}/checkout/`,
    });
    expect(cartOf(earlier).map((c) => c.items.map((i) => [i.id, i.quantity]))).toEqual([[[301, 2]]]);
    expect(await page.locator('.wc-block-mini-cart__badge').innerText()).toBe('0');

    const events = await page.evaluate(async () => {
      const w = window as unknown as CartWindow & { jQuery: unknown };
      // A classic theme's jQuery, reduced to what refreshTheme() uses.
      w.jQuery = () => ({ trigger: (name: string) => w.themeEvents.push(`jQuery ${name}`) });
      await w.cart.refreshTheme();
      return w.themeEvents;
    });
    expect(events).toEqual(['wc-blocks_added_to_cart', 'jQuery wc_fragment_refresh']);
    await expect.poll(() => page.locator('.wc-block-mini-cart__badge').innerText()).toBe('2');
    await page.close();
  });

  it('needs a nonce to write, and takes the new one when the shop starts the session', async () => {
    const page = await browser.context.newPage();
    await openShopPage(page, store.url);
    const bare = await page.evaluate(async () => {
      const res = await fetch('/wp-json/wc/store/v1/cart/add-item', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: 410, quantity: 1 }),
      });
      return { status: res.status, body: await res.json() };
    });
    expect(bare).toMatchObject({ status: 401, body: { code: 'woocommerce_rest_missing_nonce' } });
    // Any completed cart request of the page counts (a Shopify 422 can still have added some).
    await page.waitForFunction(() => (window as unknown as CartWindow).changes === 1);

    // The adapter reads first (keeping the guest nonce); the theme's add then starts the session.
    await page.evaluate(() => (window as unknown as CartWindow).cart.read());
    await page.getByRole('button', { name: 'Add Wool Socks to cart' }).click();
    await page.waitForFunction(() => (window as unknown as CartWindow).changes === 2);
    const adds = () => store.requests.filter((r) => r === 'POST /wp-json/wc/store/v1/cart/add-item').length;
    const addsBefore = adds();
    const both = await page.evaluate((id) => (window as unknown as CartWindow).cart.add(id, 1), SHIRT_M);
    expect(lineIds(both.lines)).toEqual([
      [SOCKS, 1],
      [SHIRT_M, 1],
    ]);
    // Refused once with the stale nonce (403), then sent again with the session's.
    expect(adds() - addsBefore).toBe(2);
    await page.close();
  });

  it("without a nonce anywhere, writes with the Cart-Token of the shopper's session", async () => {
    const page = await browser.context.newPage();
    await openShopPage(page, store.url);
    await page.getByRole('button', { name: 'Add Wool Socks to cart' }).click();
    await page.waitForFunction(() => (window as unknown as CartWindow).changes === 1);
    const lines = await page.evaluate(async (id) => {
      const w = window as unknown as CartWindow & { wcBlocksMiddlewareConfig?: unknown };
      delete w.wcBlocksMiddlewareConfig;
      // A shop whose responses carry no Nonce header: only the Cart-Token is left to send.
      const withoutNonce: typeof fetch = async (input, init) => {
        const res = await fetch(input, init);
        const headers = new Headers(res.headers);
        headers.delete('Nonce');
        return new Response(res.body, { status: res.status, headers });
      };
      await window.conciergePlatforms!.createWooCart({ fetch: withoutNonce }).add(id, 1);
      return (await w.cart.read()).lines;
    }, SHIRT_M);
    // The token was issued for the cookie's session, so the theme's cart holds both.
    expect(lineIds(lines)).toEqual([
      [SOCKS, 1],
      [SHIRT_M, 1],
    ]);
    await page.close();
  });

  it("notices the theme's Store API and classic AJAX adds, and follows quantity changes", async () => {
    const page = await browser.context.newPage();
    const earlier = sessionsNow();
    await openShopPage(page, store.url);
    const changes = () => page.evaluate(() => (window as unknown as CartWindow).changes);
    await page.evaluate((id) => (window as unknown as CartWindow).cart.add(id, 1), SHIRT_M);
    await settle(page);
    expect(await changes()).toBe(0);

    // jQuery themes post the classic AJAX add through XMLHttpRequest.
    await page.evaluate(() => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/?wc-ajax=add_to_cart');
      xhr.send(new URLSearchParams({ product_id: '410', quantity: '2' }));
    });
    await page.waitForFunction(() => (window as unknown as CartWindow).changes === 1);
    const read = await page.evaluate(() => (window as unknown as CartWindow).cart.read());
    expect(lineIds(read.lines)).toEqual([
      [SHIRT_M, 1],
      [SOCKS, 2],
    ]);

    const set = await page.evaluate(
      async ([shirt, socks]) => {
        const { cart } = window as unknown as CartWindow;
        await cart.setQuantity(shirt, 3);
        return cart.setQuantity(socks, 0);
      },
      [SHIRT_M, SOCKS] as const,
    );
    expect(lineIds(set.lines)).toEqual([[SHIRT_M, 3]]);
    expect(cartOf(earlier).map((c) => c.items.map((i) => [i.id, i.quantity]))).toEqual([[[301, 3]]]);
    await settle(page);
    expect(await changes()).toBe(1);
    await page.close();
  });

  it('refuses an out-of-stock product, or more than the stock, as unavailable and leaves the cart as it was', async () => {
    const page = await browser.context.newPage();
    await openShopPage(page, store.url);
    await page.evaluate((id) => (window as unknown as CartWindow).cart.add(id, 4), SHIRT_M);
    expect(await failureOf(page, JACKET, 1)).toEqual({
      isPlatformError: true,
      kind: 'unavailable',
      status: 400,
      message: 'You cannot add "Rain Jacket" to the cart because the product is out of stock.',
    });
    expect(await failureOf(page, SHIRT_M, 2)).toMatchObject({
      kind: 'unavailable',
      message:
        'You cannot add that amount of "Linen Shirt - M" to the cart because there is not enough stock (5 remaining).',
    });
    const after = await page.evaluate(() => (window as unknown as CartWindow).cart.read());
    expect(lineIds(after.lines)).toEqual([[SHIRT_M, 4]]);
    await page.close();
  });

  it('tags the conversation with a first-party cookie the shop reads at checkout', async () => {
    const page = await browser.context.newPage();
    const earlier = sessionsNow();
    await openShopPage(page, store.url);
    await page.evaluate(async (id) => {
      const { cart } = window as unknown as CartWindow;
      await cart.add(id, 1);
      await cart.tagConversation('conv-9b2e');
      // The next request to the shop carries it, as the checkout request will.
      await cart.read();
    }, SOCKS);
    expect(cartOf(earlier).map((c) => c.conversation)).toEqual(['conv-9b2e']);
    await page.close();
  });
});
