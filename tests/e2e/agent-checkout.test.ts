import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser, startShop } from './browser.js';

let shop: Awaited<ReturnType<typeof startShop>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let client: Client;

describeBrowser("an outside agent's checkout_url on the storefront", () => {
  beforeAll(async () => {
    shop = await startShop();
    browser = await launchBrowser();
    client = new Client({ name: 'checkout-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${shop.url}/api/mcp`)));
  });
  afterAll(async () => {
    await client?.close();
    await browser?.close();
    await shop?.close();
  });

  it('opens the storefront with the cart the agent built, once', async () => {
    const made = (await client.callTool({
      name: 'update_cart',
      arguments: {
        add_items: [
          { product_variant_id: 'SOCK-1', quantity: 2 },
          { product_variant_id: 'MUG-X', quantity: 1 },
        ],
      },
    })) as CallToolResult;
    const { cart } = made.structuredContent as { cart: { checkout_url: string; lines: { title: string }[] } };
    expect(cart.checkout_url).toMatch(new RegExp(`^${shop.url}/\\?cart=cart_`));

    const page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(cart.checkout_url);
    await expect.poll(() => page.locator('#cart-count').innerText()).toBe('3');
    const body = await page.locator('#cart-body').innerText();
    for (const line of cart.lines) expect(body).toContain(line.title);
    expect(await page.locator('#cart-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(new URL(page.url()).searchParams.has('cart')).toBe(false);

    // A reload shows the shopper's cart as it is: the agent's lines are not added again.
    await page.reload();
    await expect.poll(() => page.locator('#cart-body').innerText()).toContain(cart.lines[0].title);
    expect(await page.locator('#cart-count').innerText()).toBe('3');
    await page.close();
  });

  it('says so when the cart is unknown or expired', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${shop.url}/?cart=cart_unknown`);
    await expect.poll(() => page.locator('#toast').innerText()).toMatch(/Could not load that cart: There is no cart/);
    await page.close();
  });
});
