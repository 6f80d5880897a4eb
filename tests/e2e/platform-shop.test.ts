import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeShopifyStore, type FakeShopifyStore } from '../fakes/fake-shopify-store.js';
import { startFakeWooStore, type FakeWooStore } from '../fakes/fake-woocommerce-store.js';
import { agentLogin, ask, connectAgent } from '../helpers/agent-client.js';
import { waitFor } from '../helpers/test-app.js';
import { describeBrowser, launchBrowser, openChat, say, startShop } from './browser.js';

/** The test shop's variants as the platform has them (a catalog sync stores these ids). */
const SOCKS = 4001;
const SHOE_41 = 4002;

type Shop = Awaited<ReturnType<typeof startShop>>;

/** What differs between the platforms: the fake store, where its cart is, and the theme's parts. */
interface Platform {
  name: 'shopify' | 'woocommerce';
  /** Starts the fake store; `head()` is read per page, so the tag can name Concierge once it runs. */
  start(head: () => string): Promise<{ url: string; close(): Promise<void> }>;
  /** The shopper's cart in the store: variant id → quantity, and the conversation it is tagged with. */
  cart(): { lines: Map<number, number>; conversation: string | null } | undefined;
  themeCount: string;
  themeAdd(page: Page): Promise<void>;
  checkout(storeUrl: string): string;
}

let shopify: FakeShopifyStore;
let woo: FakeWooStore;

const PLATFORMS: Platform[] = [
  {
    name: 'shopify',
    async start(head) {
      const products = [
        {
          productId: 7001,
          handle: 'merino-running-socks',
          title: 'Merino Running Socks',
          variants: [{ id: SOCKS, sku: 'SOCK-1', title: 'Default Title', price: 1500, inventory: 40 }],
        },
        {
          productId: 7002,
          handle: 'runner-1',
          title: 'Tempo Glide Running Shoe',
          options: ['Size'],
          variants: [{ id: SHOE_41, sku: 'RUN-1-41', title: '41', price: 8900, inventory: 5 }],
        },
      ];
      const options = {
        products,
        get extraHead() {
          return head();
        },
      };
      shopify = await startFakeShopifyStore(options);
      return shopify;
    },
    cart() {
      const c = shopify.carts().find((x) => x.items.length > 0);
      if (!c) return undefined;
      const lines = new Map(c.items.map((i) => [i.variant_id, i.quantity]));
      return { lines, conversation: c.attributes._concierge_conversation ?? null };
    },
    themeCount: '#cart-icon-bubble .cart-count',
    themeAdd: (page) =>
      page.locator('form.product-form[data-handle="runner-1"]').getByRole('button', { name: 'Add to cart' }).click(),
    checkout: (url) => `${url}/checkout`,
  },
  {
    name: 'woocommerce',
    async start(head) {
      const products = [
        { id: SOCKS, name: 'Merino Running Socks', sku: 'SOCK-1', price: 1500, stock: 40 },
        { id: SHOE_41, name: 'Tempo Glide Running Shoe - 41', sku: 'RUN-1-41', price: 8900, stock: 5 },
      ];
      woo = await startFakeWooStore({
        products,
        get extraHead() {
          return head();
        },
      });
      return woo;
    },
    cart() {
      const c = woo.carts().find((x) => x.items.length > 0);
      if (!c) return undefined;
      return { lines: new Map(c.items.map((i) => [i.id, i.quantity])), conversation: c.conversation };
    },
    themeCount: '.wc-block-mini-cart__badge',
    themeAdd: (page) => page.getByRole('button', { name: 'Add Tempo Glide Running Shoe - 41 to cart' }).click(),
    checkout: (url) => `${url}/checkout/`,
  },
];

/** The last assistant reply that mentions `text`. */
async function replyWith(chat: FrameLocator, text: string): Promise<string> {
  const reply = chat.locator('.msg-assistant', { hasText: text }).last();
  await reply.waitFor();
  return reply.innerText();
}

for (const platform of PLATFORMS) {
  describeBrowser(`Concierge on a ${platform.name} page works on the store's own cart`, () => {
    let shop: Shop;
    let store: { url: string; close(): Promise<void> };
    let browser: Awaited<ReturnType<typeof launchBrowser>>;

    beforeAll(async () => {
      // The store first (its origin frames the chat), then Concierge, whose tag the pages then carry.
      let tag = '';
      store = await platform.start(() => tag);
      shop = await startShop({
        config: {
          shop: { name: 'Test Shop', currency: 'EUR', platform: platform.name },
          allowedOrigins: [store.url],
        },
      });
      await shop.db.query(`UPDATE variants SET platform_id = '${SOCKS}' WHERE sku = 'SOCK-1'`);
      await shop.db.query(`UPDATE variants SET platform_id = '${SHOE_41}' WHERE sku = 'RUN-1-41'`);
      tag = `<script src="${shop.url}/widget.js" data-platform="${platform.name}" defer></script>`;
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await store?.close();
      await shop?.close();
    });

    it("adds to the store's cart, sees the theme's own add, and follows an agent's change", async () => {
      const page = await browser.context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(store.url);
      const { chat } = await openChat(browser.context, store.url, { page });

      await say(chat, 'add the merino running socks to my cart');
      const tagged = await waitFor(() => {
        const cart = platform.cart();
        return cart?.lines.get(SOCKS) === 1 && cart.conversation ? cart : undefined;
      }, 10_000);
      const conversationId = tagged.conversation!;
      expect(await replyWith(chat, 'Added')).toContain('Merino Running Socks');
      await page.locator(platform.themeCount).filter({ hasText: /^1$/ }).waitFor();

      // The shopper adds a shoe with the theme's own button; the assistant sees the store's cart.
      await platform.themeAdd(page);
      await page.locator(platform.themeCount).filter({ hasText: /^2$/ }).waitFor();
      const { cartId } = (await shop.app.services.conversations.get(conversationId))!;
      await expect.poll(async () => (await shop.app.services.carts.view(cartId)).itemCount).toBe(2);
      await say(chat, "what's in my cart?");
      expect(await replyWith(chat, 'Tempo Glide Running Shoe')).toContain('Merino Running Socks');
      expect(await chat.getByRole('link', { name: 'Checkout' }).getAttribute('href')).toBe(
        platform.checkout(store.url),
      );

      // An agent sets the socks to 3 from the console; the store's cart follows.
      const token = (await agentLogin(shop.url, 'alex@example.com', 'agent-password-1')).token!;
      const agent = await connectAgent(shop.url, token);
      const set = await ask(agent.socket, 'cart:set', { conversationId, sku: 'SOCK-1', quantity: 3 });
      expect(set.ok).toBe(true);
      expect(platform.cart()!.lines.get(SOCKS)).toBe(3);
      agent.socket.close();
      await page.close();
    });
  });
}
