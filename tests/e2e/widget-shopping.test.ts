import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_IDENTITY_SECRET } from '../../src/config.js';
import { identityHash } from '../../src/identity/session-tokens.js';
import { agentLogin } from '../helpers/agent-client.js';
import { describeBrowser, launchBrowser, openChat, say, startShop, cuttableConnection } from './browser.js';

let shop: Awaited<ReturnType<typeof startShop>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

describeBrowser('shopping with the chat widget on the storefront', () => {
  beforeAll(async () => {
    shop = await startShop();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
  });

  it('shows product cards whose "Add to cart" adds the chosen variant directly, updating the chat and the shop cart', async () => {
    const { page, chat } = await openChat(browser.context, shop.url);
    await say(chat, 'show me running shoes');
    const card = chat.locator('.card', { hasText: 'Tempo Glide Running Shoe' });
    await card.waitFor();
    const size = card.getByLabel('Size');
    expect(await size.locator('option[disabled]').allInnerTexts()).toEqual(['43 (sold out)']);
    await size.selectOption('42');
    const replies = await chat.locator('.msg-assistant').count();

    await card.getByRole('button', { name: 'Add to cart' }).click();
    await card.getByText('Added to your cart.').waitFor();
    await expect.poll(() => chat.locator('.cart-badge').getAttribute('aria-label')).toBe('Cart: 1 item');
    await expect.poll(() => page.locator('#cart-body').innerText()).toMatch(/Tempo Glide Running Shoe\s+42 \/ Black/);
    expect(await page.locator('#cart-count').innerText()).toBe('1');
    // No round trip through the model: no new assistant message.
    await page.waitForTimeout(300);
    expect(await chat.locator('.msg-assistant').count()).toBe(replies);
    await page.close();
  });

  it("shows the server's refusal on a card whose variant sold out after it was shown", async () => {
    const { page, chat } = await openChat(browser.context, shop.url);
    await say(chat, 'show me running shoes');
    const card = chat.locator('.msg-assistant').last().locator('.card', { hasText: 'Cloud Dash Running Shoe' });
    await card.waitFor();
    await card.getByLabel('Size').selectOption('41');
    await shop.db.query(`UPDATE variants SET stock = 0 WHERE sku = 'RUN-2-41'`);
    await card.getByRole('button', { name: 'Add to cart' }).click();
    const note = card.locator('.card-note.error');
    await note.waitFor();
    expect((await note.innerText()).length).toBeGreaterThan(5);
    expect(await page.locator('#cart-body').innerText()).not.toContain('Cloud Dash');
    await page.close();
  });

  it("adds from the shop's grid through window.Concierge and changes quantities from the cart panel", async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(5_000);
    await page.goto(shop.url);
    const socks = page.locator('.product', { hasText: 'Merino Running Socks' });
    await socks.getByRole('button', { name: 'Add to cart' }).click();
    await expect.poll(() => page.locator('#toast').innerText()).toBe('Added Merino Running Socks to your cart');
    await expect.poll(() => page.locator('#cart-body').innerText()).toContain('Merino Running Socks');
    const before = Number(await page.locator('#cart-count').innerText());
    await page.getByRole('button', { name: 'One more Merino Running Socks' }).click();
    await expect.poll(() => page.locator('#cart-count').innerText()).toBe(String(before + 1));
    const { chat } = await openChat(browser.context, shop.url, { page });
    expect(await chat.locator('.cart-badge').getAttribute('aria-label')).toBe(`Cart: ${before + 1} items`);
    await chat.getByRole('button', { name: 'Close chat' }).click();
    await page.getByRole('button', { name: 'Remove Merino Running Socks' }).click();
    await expect.poll(() => page.locator('#cart-body').innerText()).not.toContain('Merino Running Socks');
    await page.close();
  });

  it('restores the conversation on reload and shows it, once per message, in a second tab', async () => {
    const { page, chat } = await openChat(browser.context, shop.url);
    await say(chat, 'do you have socks?');
    await chat.locator('.msg-assistant:not(.streaming)').last().waitFor();
    const texts = (c: typeof chat) => c.locator('.msg .bubble').allInnerTexts();
    const shown = await texts(chat);

    await page.reload();
    const again = await openChat(browser.context, shop.url, { page });
    await expect.poll(() => texts(again.chat)).toEqual(shown);

    const other = await openChat(browser.context, shop.url);
    await expect.poll(() => texts(other.chat)).toEqual(shown);
    await say(other.chat, 'and running shoes?');
    await other.chat.locator('.msg-user', { hasText: 'and running shoes?' }).waitFor();
    await again.chat.locator('.msg-user', { hasText: 'and running shoes?' }).waitFor();
    await expect
      .poll(() => again.chat.locator('.msg-assistant:not(.streaming)').count())
      .toBe(await other.chat.locator('.msg-assistant:not(.streaming)').count());
    expect(await again.chat.locator('.msg-user', { hasText: 'and running shoes?' }).count()).toBe(1);
    expect(await texts(again.chat)).toEqual(await texts(other.chat));
    await Promise.all([page.close(), other.page.close()]);
  });

  it('carries the guest conversation on when the shopper signs in, and refuses a wrong identity hash', async () => {
    const { page, chat } = await openChat(browser.context, shop.url);
    await say(chat, 'hello there');
    await chat.locator('.msg-assistant:not(.streaming)').last().waitFor();
    const before = await chat.locator('.msg-user').allInnerTexts();

    await page.locator('#signin').selectOption({ label: 'Ana Berg' });
    await expect.poll(() => chat.locator('.sub').innerText()).toMatch(/^Hi Ana!/);
    await expect.poll(() => page.locator('#toast').innerText()).toBe('Signed in as Ana');
    expect(await chat.locator('.msg-user').allInnerTexts()).toEqual(before);

    const refused = await page.evaluate(() =>
      window.Concierge!.signIn('cus_2', '0'.repeat(64)).then(
        () => 'signed in',
        (e: Error) => e.message,
      ),
    );
    expect(refused).toMatch(/could not be verified/);
    expect(await chat.locator('.sub').innerText()).toMatch(/^Hi Ana!/);
    await page.close();
  });

  it('sets right-to-left direction on Arabic messages, and on the panel while the conversation is in Arabic', async () => {
    const { page, chat } = await openChat(browser.context, shop.url);
    await say(chat, 'هل لديكم أحذية للجري؟');
    const mine = chat.locator('.msg-user .bubble', { hasText: 'هل لديكم' });
    await expect.poll(() => mine.getAttribute('dir')).toBe('rtl');
    expect(await chat.locator('.panel').getAttribute('dir')).toBe('rtl');
    await say(chat, 'Do you have running shoes?');
    await expect.poll(() => chat.locator('.panel').getAttribute('dir')).toBe('ltr');
    expect(await mine.getAttribute('dir')).toBe('rtl');
    await page.close();
  });

  it('shows "Reconnecting…" while the connection is down, then catches up and sends what was typed meanwhile, once', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    const connection = await cuttableConnection(page);
    await page.goto(shop.url);
    const { chat } = await openChat(browser.context, shop.url, { page });
    await expect.poll(() => chat.locator('.banner').isVisible()).toBe(false);
    const items = Number(await page.locator('#cart-count').innerText());

    await connection.cut();
    await chat.getByText('Reconnecting…').waitFor();
    // Meanwhile the cart changes elsewhere (the REST channel, same session) and the shopper types.
    const frame = page.frames().find((f) => f.url().includes('/widget/chat.html'))!;
    const token = await frame.evaluate(
      () => (JSON.parse(localStorage.getItem(`concierge:session:${location.origin}`)!) as { token: string }).token,
    );
    const res = await fetch(`${shop.url}/api/cart/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ sku: 'SOCK-1', quantity: 2 }),
    });
    expect(res.status).toBe(200);
    await say(chat, 'are you back?');
    await chat.locator('.msg-user.pending', { hasText: 'are you back?' }).waitFor();

    connection.restore();
    await chat.getByText('Reconnecting…').waitFor({ state: 'hidden', timeout: 15_000 });
    await expect.poll(() => page.locator('#cart-count').innerText()).toBe(String(items + 2));
    await chat.locator('.msg-user:not(.pending)', { hasText: 'are you back?' }).waitFor();
    await expect.poll(() => chat.locator('.msg-user', { hasText: 'are you back?' }).count()).toBe(1);
    await page.close();
  });

  it('lets a signed-in shopper cancel a pending order: a card to confirm, the refund said, the 360 updated', async () => {
    const ORDER = 'AP-30001';
    await shop.db.query(
      `INSERT INTO payment_methods (customer_id, id, kind, brand, last4) VALUES ('cus_1', 'card_1', 'credit_card', 'Visa', '4242')`,
    );
    await shop.db.query(
      `INSERT INTO orders (id, customer_id, status, placed_at, currency, subtotal_minor, total_minor, content_hash)
       VALUES ($1, 'cus_1', 'pending', now(), 'EUR', 1500, 1500, 'test')`,
      [ORDER],
    );
    await shop.db.query(
      `INSERT INTO order_lines (order_id, line_no, sku, title, quantity, unit_price_minor)
       VALUES ($1, 1, 'SOCK-1', 'Merino Running Socks', 1, 1500)`,
      [ORDER],
    );
    await shop.db.query(
      `INSERT INTO order_payments (order_id, seq, kind, amount_minor, currency, payment_method_id)
       VALUES ($1, 1, 'payment', 1500, 'EUR', 'card_1')`,
      [ORDER],
    );
    const { page, chat } = await openChat(browser.context, shop.url);
    const hash = identityHash(DEMO_IDENTITY_SECRET, 'cus_1');
    await page.evaluate((h) => window.Concierge!.signIn('cus_1', h), hash);
    await say(chat, `please cancel my order ${ORDER}, I don't need it any more`);

    const card = chat.locator('.action-card');
    await card
      .getByText(`Cancel order ${ORDER} (reason: no longer needed). Refund €15.00 to Visa ending 4242.`)
      .waitFor();
    const status = async () =>
      (await shop.db.query<{ status: string }>('SELECT status FROM orders WHERE id = $1', [ORDER])).rows[0].status;
    expect(await status()).toBe('pending');

    await card.getByRole('button', { name: 'Confirm' }).click();
    await chat
      .locator('.msg-assistant', { hasText: `Order ${ORDER} is cancelled. Refunded €15.00 to Visa ending 4242.` })
      .waitFor();
    await card.getByText('Done').waitFor();
    expect(await card.getByRole('button', { name: 'Confirm' }).count()).toBe(0);
    expect(await status()).toBe('cancelled');

    // The agent API's 360 shows the cancelled order with its refund.
    const conversationId = await page.evaluate(
      () => new Promise<string>((resolve) => window.Concierge!.on('ready', (r) => resolve(r.conversationId))),
    );
    const token = (await agentLogin(shop.url, 'alex@example.com', 'agent-password-1')).token!;
    const res = await fetch(`${shop.url}/api/agent/conversations/${conversationId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const detail = (await res.json()) as {
      customer: {
        orders: { id: string; status: string; refunds: { amountMinor: number; paymentMethodId: string }[] }[];
      };
    };
    const order = detail.customer.orders.find((o) => o.id === ORDER);
    expect(order).toMatchObject({ status: 'cancelled', refunds: [{ amountMinor: 1500, paymentMethodId: 'card_1' }] });
    await page.close();
  });
});
