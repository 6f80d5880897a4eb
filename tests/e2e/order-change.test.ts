import { afterAll, beforeAll, expect, it } from 'vitest';
import { identityHash } from '../../src/identity/session-tokens.js';
import { DEMO_IDENTITY_SECRET } from '../../src/config.js';
import { agentLogin } from '../helpers/agent-client.js';
import { describeBrowser, launchBrowser, openChat, say, startShop } from './browser.js';

const ORDER = 'AP-30001';
let shop: Awaited<ReturnType<typeof startShop>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

describeBrowser('a signed-in shopper cancels a pending order from the chat', () => {
  beforeAll(async () => {
    shop = await startShop();
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
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
  });

  it('shows the change as a card, runs it on Confirm, and the console sees the refund', async () => {
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
