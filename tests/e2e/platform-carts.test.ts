import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startFakeShopifyStore } from '../fakes/fake-shopify-store.js';
import { RUNNER_42, RUNNER_43, SOCKS, shopifyProducts as products } from '../fakes/platform-fixtures.js';
import { describeBrowser, launchBrowser } from './browser.js';
import { BUNDLE_PATH, failureOf, openShopPage, platformBundle, settle, type CartWindow } from './platform-cart-page.js';

let store: Awaited<ReturnType<typeof startFakeShopifyStore>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let bundle: Awaited<ReturnType<typeof platformBundle>>;

describeBrowser("the Shopify adapter on a theme's page, against a fake of the AJAX Cart API", () => {
  beforeAll(async () => {
    bundle = await platformBundle();
    store = await startFakeShopifyStore({
      products,
      root: '/fr/',
      extraHead: `<script src="${BUNDLE_PATH}" data-platform="shopify"></script>`,
      assets: { [BUNDLE_PATH]: bundle },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await store?.close();
  });

  // A browser without the `cart` cookie: each test starts with a new, empty cart.
  beforeEach(() => browser.context.clearCookies());

  async function cartToken(): Promise<string> {
    const cookie = (await browser.context.cookies(store.url)).find((c) => c.name === 'cart');
    return cookie!.value;
  }

  it('adds under the locale root, and the theme shows the new cart after refreshTheme()', async () => {
    const page = await browser.context.newPage();
    expect(await openShopPage(page, `${store.url}/fr/`)).toBe('shopify');
    const snapshot = await page.evaluate((id) => (window as unknown as CartWindow).cart.add(id, 2), RUNNER_42);
    expect(snapshot).toEqual({
      platform: 'shopify',
      lines: [{ variantId: RUNNER_42, quantity: 2, sku: 'TR-42', title: 'Trail Runner - 42', unitPriceMinor: 8900 }],
      currency: 'EUR',
      itemCount: 2,
      checkoutUrl: `${store.url}/fr/checkout`,
    });
    const held = store.cart(await cartToken())!;
    expect(held.items.map((i) => [String(i.variant_id), i.quantity])).toEqual([[RUNNER_42, 2]]);
    expect(store.requests).toContain('POST /fr/cart/add.js');
    // The theme does not know yet: nothing on the page has changed.
    expect(await page.locator('.cart-count').innerText()).toBe('0');

    await page.evaluate(() => (window as unknown as CartWindow).cart.refreshTheme());
    expect(await page.locator('.cart-count').innerText()).toBe('2');
    expect(await page.locator('#CartDrawer').innerText()).toBe('Trail Runner (42) × 2');
    const events = await page.evaluate(() => (window as unknown as CartWindow).themeEvents);
    expect(events).toEqual(expect.arrayContaining(['cart:refresh', 'cart:updated']));
    expect(store.requests).toContain('GET /fr/?sections=cart-icon-bubble,cart-drawer');
    await page.close();
  });

  it("refreshes Dawn's bubble, kept in the header section, from the bubble's own section", async () => {
    const dawn = await startFakeShopifyStore({
      products,
      bubbleLayout: 'dawn',
      extraHead: `<script src="${BUNDLE_PATH}" data-platform="shopify"></script>`,
      assets: { [BUNDLE_PATH]: bundle },
    });
    try {
      const page = await browser.context.newPage();
      await openShopPage(page, dawn.url);
      await page.evaluate(async (id) => {
        const { cart } = window as unknown as CartWindow;
        await cart.add(id, 1);
        await cart.refreshTheme();
      }, SOCKS);
      expect(await page.locator('#shopify-section-header a#cart-icon-bubble').innerText()).toBe('Cart 1');
      expect(await page.locator('#cart-icon-bubble a').count()).toBe(0);
      expect(dawn.requests).toContain('GET /?sections=cart-icon-bubble,cart-drawer');
      await page.close();
    } finally {
      await dawn.close();
    }
  });

  it('tags the cart with the conversation as a cart attribute', async () => {
    const page = await browser.context.newPage();
    await openShopPage(page, `${store.url}/fr/`);
    await page.evaluate(() => (window as unknown as CartWindow).cart.tagConversation('conv-7f3a'));
    expect(store.cart(await cartToken())!.attributes).toEqual({ _concierge_conversation: 'conv-7f3a' });
    await page.close();
  });

  it("notices the theme's own add to cart, lists both lines, and follows quantity changes", async () => {
    const page = await browser.context.newPage();
    await openShopPage(page, `${store.url}/fr/products/wool-socks`);
    const changes = () => page.evaluate(() => (window as unknown as CartWindow).changes);
    // Its own requests are not the page's: no notification, so no loop.
    await page.evaluate((id) => (window as unknown as CartWindow).cart.add(id, 2), RUNNER_42);
    await settle(page);
    expect(await changes()).toBe(0);

    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.waitForFunction(() => (window as unknown as CartWindow).changes === 1);
    const both = await page.evaluate(() => (window as unknown as CartWindow).cart.read());
    expect(both.lines.map((l) => [l.variantId, l.quantity])).toEqual([
      [RUNNER_42, 2],
      [SOCKS, 1],
    ]);

    const set = await page.evaluate((id) => (window as unknown as CartWindow).cart.setQuantity(id, 3), SOCKS);
    expect(set.lines.find((l) => l.variantId === SOCKS)?.quantity).toBe(3);
    await settle(page);
    expect(await changes()).toBe(1);
    const held = store.cart(await cartToken())!;
    expect(held.items.find((i) => String(i.variant_id) === SOCKS)?.quantity).toBe(3);

    // A theme's XHR to change.js (jQuery themes) and regaining focus both count.
    await page.evaluate(() => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/fr/cart/change.js');
      xhr.setRequestHeader('Content-Type', 'application/json');
      xhr.send(JSON.stringify({ line: 2, quantity: 0 }));
    });
    await page.waitForFunction(() => (window as unknown as CartWindow).changes === 2);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.waitForFunction(() => (window as unknown as CartWindow).changes === 3);
    // A theme on Shopify's standard storefront events: counted once the change's promise settles.
    await page.evaluate(() => {
      const w = window as unknown as CartWindow & { finishChange: () => void };
      const promise = new Promise<void>((resolve) => (w.finishChange = resolve));
      const event = Object.assign(new Event('shopify:cart:lines-update', { bubbles: true }), {
        action: 'add',
        context: 'product',
        lines: [],
        promise,
      });
      document.body.dispatchEvent(event);
    });
    await settle(page);
    expect(await changes()).toBe(3);
    await page.evaluate(() => (window as unknown as { finishChange: () => void }).finishChange());
    await page.waitForFunction(() => (window as unknown as CartWindow).changes === 4);
    const after = await page.evaluate(() => (window as unknown as CartWindow).cart.read());
    expect(after.lines.map((l) => l.variantId)).toEqual([RUNNER_42]);

    // Unwatching puts the page's fetch back.
    const restored = await page.evaluate(() => {
      (window as unknown as CartWindow).stopWatching();
      return String(window.fetch).includes('[native code]');
    });
    expect(restored).toBe(true);
    await page.close();
  });

  it('runs concurrent changes one after another, and an adapter made after watch() started is not counted', async () => {
    const page = await browser.context.newPage();
    await openShopPage(page, `${store.url}/fr/`);
    const from = store.requests.length;
    const lines = await page.evaluate(
      async ([runner, socks]) => {
        // Made after the page's adapter wrapped fetch: its requests pass through that wrapper.
        const later = window.conciergePlatforms!.createShopifyCart();
        await Promise.all([later.add(runner, 1), later.add(runner, 1), later.add(socks, 1)]);
        return (await later.read()).lines.map((l) => [l.variantId, l.quantity]);
      },
      [RUNNER_42, SOCKS] as const,
    );
    expect(lines).toEqual([
      [RUNNER_42, 2],
      [SOCKS, 1],
    ]);
    // Each add is followed by its read before the next add starts.
    const own = store.requests.slice(from).filter((r) => r.includes('/cart'));
    expect(own).toEqual([...Array(3).fill(['POST /fr/cart/add.js', 'GET /fr/cart.js']).flat(), 'GET /fr/cart.js']);
    await settle(page);
    expect(await page.evaluate(() => (window as unknown as CartWindow).changes)).toBe(0);
    await page.close();
  });

  it('refuses a sold-out or unknown variant as unavailable and leaves the cart as it was', async () => {
    const page = await browser.context.newPage();
    await openShopPage(page, `${store.url}/fr/`);
    await page.evaluate((id) => (window as unknown as CartWindow).cart.add(id, 4), RUNNER_42);
    const before = store.cart(await cartToken())!;
    expect(await failureOf(page, RUNNER_43, 1)).toEqual({
      isPlatformError: true,
      kind: 'unavailable',
      status: 422,
      message: "The product 'Trail Runner' is already sold out.",
    });
    expect(await failureOf(page, '999', 1)).toMatchObject({ kind: 'unavailable', message: 'Cannot find variant' });
    expect(store.cart(await cartToken())).toEqual(before);
    await page.close();
  });

  it('reports a partial add past the stock as unavailable, as Shopify answers it', async () => {
    const page = await browser.context.newPage();
    await openShopPage(page, `${store.url}/fr/`);
    await page.evaluate((id) => (window as unknown as CartWindow).cart.add(id, 4), RUNNER_42);
    // Five in stock: Shopify adds the one left and still answers 422.
    expect(await failureOf(page, RUNNER_42, 3)).toMatchObject({
      kind: 'unavailable',
      message: 'Only 1 items were added to your cart.',
    });
    expect(await failureOf(page, RUNNER_42, 1)).toMatchObject({
      kind: 'unavailable',
      message: 'The maximum quantity of this item is already in your cart.',
    });
    const lines = await page.evaluate(() => (window as unknown as CartWindow).cart.read());
    expect(lines.lines.map((l) => [l.variantId, l.quantity])).toEqual([[RUNNER_42, 5]]);
    await page.close();
  });
});
