import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/app/build-app.js';
import type { Database } from '../../src/db/database.js';
import { startFakeShopifyStore, type FakeShopifyStore } from '../fakes/fake-shopify-store.js';
import { agentLogin, ask, connectAgent } from '../helpers/agent-client.js';
import { waitFor } from '../helpers/test-app.js';
import { describeBrowser, launchBrowser, openChat, say, startShop } from './browser.js';

/** The test shop's variants as a Shopify store has them (a catalog sync stores these ids). */
const SOCKS = 4001;
const SHOE_41 = 4002;

let shop: { app: App; db: Database; url: string; close(): Promise<void> };
let store: FakeShopifyStore;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

describeBrowser('Concierge on a Shopify theme: the assistant works on the store’s own cart', () => {
  beforeAll(async () => {
    // The store first (its origin may frame the chat), then Concierge, then the theme's script tag.
    const storeOptions = {
      products: [
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
      ],
      extraHead: '',
    };
    store = await startFakeShopifyStore(storeOptions);
    shop = await startShop({
      config: {
        shop: { name: 'Test Shop', currency: 'EUR', platform: 'shopify' },
        allowedOrigins: [store.url],
      },
    });
    await shop.db.query(`UPDATE variants SET platform_id = '${SOCKS}' WHERE sku = 'SOCK-1'`);
    await shop.db.query(`UPDATE variants SET platform_id = '${SHOE_41}' WHERE sku = 'RUN-1-41'`);
    storeOptions.extraHead = `<script src="${shop.url}/widget.js" data-platform="shopify" defer></script>`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await store?.close();
    await shop?.close();
  });

  it('adds to the Shopify cart, sees the theme’s own adds, and follows an agent’s change', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(store.url);
    const { chat } = await openChat(browser.context, store.url, { page });

    await say(chat, 'add the merino running socks to my cart');
    const tagged = await waitFor(() => {
      const cart = store.carts().find((c) => c.items.some((i) => i.variant_id === SOCKS));
      return cart?.attributes._concierge_conversation ? cart : undefined;
    }, 10_000);
    const conversationId = tagged.attributes._concierge_conversation;
    await chat.getByText('Added Merino Running Socks to your cart.').waitFor();
    // The theme's cart count shows the add the assistant made.
    await page.locator('#cart-icon-bubble .cart-count').filter({ hasText: '1' }).waitFor();

    // The shopper adds a shoe with the theme's own button; the assistant sees the shop's cart.
    await page
      .locator('form.product-form[data-handle="runner-1"]')
      .getByRole('button', { name: 'Add to cart' })
      .click();
    await page.locator('#cart-icon-bubble .cart-count').filter({ hasText: '2' }).waitFor();
    const { cartId } = (await shop.app.services.conversations.get(conversationId))!;
    await expect.poll(async () => (await shop.app.services.carts.view(cartId)).itemCount).toBe(2);
    await say(chat, "what's in my cart?");
    const reply = chat.locator('.msg-assistant').last();
    await reply.getByText(/Tempo Glide Running Shoe/).waitFor();
    expect(await reply.innerText()).toContain('Merino Running Socks');
    const checkout = chat.getByRole('link', { name: 'Checkout' });
    expect(await checkout.getAttribute('href')).toBe(`${store.url}/checkout`);

    // An agent sets the socks to 3 from the console; the store's cart follows.
    const token = (await agentLogin(shop.url, 'alex@example.com', 'agent-password-1')).token!;
    const agent = await connectAgent(shop.url, token);
    const set = await ask(agent.socket, 'cart:set', { conversationId, sku: 'SOCK-1', quantity: 3 });
    expect(set.ok).toBe(true);
    expect(store.cart(tagged.token)!.items.find((i) => i.variant_id === SOCKS)?.quantity).toBe(3);
    agent.socket.close();
    await page.close();
  });
});
