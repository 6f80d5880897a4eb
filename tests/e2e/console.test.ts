import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_AGENTS } from '../../src/config.js';
import type { QueueItem } from '../../src/handoff/agent-protocol.js';
import { ingest } from '../../src/ingest/ingest.js';
import { agentLogin, ask, connectAgent } from '../helpers/agent-client.js';
import { customerWithOrders } from '../helpers/customer-fixtures.js';
import { testEmbedder } from '../helpers/local-embedder.js';
import { newSession, signedIn } from '../helpers/test-app.js';
import { describeBrowser, launchBrowser, openChat, say, startShop } from './browser.js';

const [DEMO_AGENT, SAM] = DEMO_AGENTS;
const waitingNow = async () =>
  (await shop.app.services.desk.queue(DEMO_AGENT, { filter: 'waiting', limit: 200, offset: 0 })).items;
let shop: Awaited<ReturnType<typeof startShop>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

/** The console in its own page, logged in as the demo agent. */
async function openConsole(): Promise<Page> {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${shop.url}/console`);
  await page.getByLabel('Email').fill(DEMO_AGENT.email);
  await page.getByLabel('Password').fill(DEMO_AGENT.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.locator('.conn.online').waitFor();
  return page;
}

/** A new shopper on the storefront: the widget keeps its session in localStorage, so start without one. */
async function newShopper() {
  const page = await browser.context.newPage();
  await page.addInitScript(() => localStorage.clear());
  await page.goto(shop.url);
  return openChat(browser.context, shop.url, { page });
}

/** Waits until a conversation that was not queued in `before` is, and returns its id. */
async function newlyQueued(before: QueueItem[]): Promise<string> {
  let found: QueueItem | undefined;
  await expect
    .poll(
      async () =>
        (found = (await waitingNow()).find(
          (q) =>
            q.status === 'queued' &&
            !before.some((b) => b.conversationId === q.conversationId && b.status === 'queued'),
        )),
      {
        timeout: 10_000,
      },
    )
    .toBeTruthy();
  return found!.conversationId;
}

/** A new shopper who asks the assistant for a person; returns the widget and the conversation id. */
async function shopperAsksForHuman(text = 'I want to talk to a person') {
  const shopper = await newShopper();
  const before = await waitingNow();
  await say(shopper.chat, text);
  return { ...shopper, conversationId: await newlyQueued(before) };
}

/** Refuses new socket.io connections (established ones carry on) until the returned function is called. */
function refuseNewConnections(): () => void {
  type AllowRequest = (req: unknown, cb: (err: string | null | undefined, ok: boolean) => void) => void;
  const opts = (shop.app.io.engine as unknown as { opts: { allowRequest?: AllowRequest } }).opts;
  const original = opts.allowRequest;
  opts.allowRequest = (_req, cb) => cb('outage', false);
  return () => {
    opts.allowRequest = original;
  };
}

describeBrowser('the agent console', () => {
  beforeAll(async () => {
    shop = await startShop({ config: { consoleAgents: [DEMO_AGENT, SAM] } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
  });

  it('shows a shopper who asks for a person live in the queue; the agent takes the conversation and the reply reaches the widget', async () => {
    const agent = await openConsole();
    const { page, chat, conversationId } = await shopperAsksForHuman();

    // Live: no reload, the queue item arrives over the socket.
    const item = agent.locator(`[data-key="q:${conversationId}"]`);
    await item.waitFor();
    expect(await item.innerText()).toMatch(/anonymous[\s\S]*queued/);
    await item.click();
    await agent.getByText('Handoff summary').waitFor();
    await agent.locator('.transcript .msg.user', { hasText: 'I want to talk to a person' }).waitFor();

    await agent.getByRole('button', { name: 'Take conversation' }).click();
    await agent.locator('.conv-header .badge', { hasText: 'with you' }).waitFor();
    await chat.locator('.msg-system', { hasText: /joined/ }).waitFor();

    await agent.getByRole('textbox', { name: 'Message' }).fill('Hi, this is Alex from the shop. How can I help?');
    await agent.getByRole('textbox', { name: 'Message' }).press('Enter');
    await agent.locator('.transcript .msg.agent', { hasText: 'this is Alex from the shop' }).waitFor();
    await chat.locator('.msg-agent', { hasText: 'Hi, this is Alex from the shop. How can I help?' }).waitFor();

    // And back: the shopper's answer shows up in the console.
    await say(chat, 'My order has not arrived');
    await agent.locator('.transcript .msg.user', { hasText: 'My order has not arrived' }).waitFor();
    await Promise.all([agent.close(), page.close()]);
  });

  it('shows the customer’s address and payment methods, and each order’s address, payments, refunds and events, as text; the agent moves a pending order to a new address and cancels it, each after reading the summary', async () => {
    const address = {
      line1: '12 Harbour Lane',
      line2: '',
      city: 'Bristol',
      region: '',
      postalCode: 'BS1 4QA',
      country: 'GB',
    };
    const summary = await ingest(
      { db: shop.db, embedder: await testEmbedder() },
      customerWithOrders({
        id: 'cus_360',
        email: 'ada.360@example.com',
        firstName: 'Ada',
        lastName: 'Ordersson',
        language: 'en',
        address,
        cardId: 'credit_card_7815826',
        giftCardId: 'gift_card_1725971',
        delivered: 'OD-360',
        pending: 'OD-361',
        shippingAddress: { ...address, line1: '1 Market Street' },
      }),
    );
    expect(summary.errors).toEqual([]);
    await shop.db.query(
      `INSERT INTO order_events (order_id, actor, actor_id, action, reason) VALUES ('OD-360', 'shopper', 'cus_360', 'return_requested', '<b>too small</b>')`,
    );
    const session = await newSession(shop.url, signedIn('cus_360'));
    const before = await waitingNow();
    await fetch(`${shop.url}/api/conversations/${session.body.conversationId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.body.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'I want to talk to a person' }),
    });
    const conversationId = await newlyQueued(before);

    const agent = await openConsole();
    await agent.locator(`[data-key="q:${conversationId}"]`).click();
    const panel = agent.getByRole('region', { name: 'Customer' });
    await panel.getByText('Mastercard ending 9212').waitFor();
    const text = await panel.innerText();
    expect(text).toContain('12 Harbour Lane, BS1 4QA Bristol, GB');
    expect(text).toMatch(/Gift card \(€42\.50 left\)/);
    expect(text).toContain('Ship to: 1 Market Street');
    expect(text).toMatch(/Paid: €30\.00 via credit_card_7815826/);
    expect(text).toMatch(/Refunded: €15\.00 via credit_card_7815826/);
    // Shopper text stays text: the reason shows with its angle brackets, no element is made of it.
    expect(text).toContain('return_requested by shopper cus_360 — <b>too small</b>');
    expect(await panel.locator('b').count()).toBe(0);

    // The agent ships the pending order elsewhere: the form starts from its address; Confirm runs it.
    await panel.locator('[data-key="order-address:OD-361"]').click();
    await panel.getByLabel('Street and number').fill('5 Harbour Road');
    await panel.getByRole('button', { name: 'Continue' }).click();
    // OD-361 has no address yet: the server names the missing field, and nothing changes.
    await panel.getByText(/city is required/).waitFor();
    await panel.getByLabel('City').fill('Leeds');
    await panel.getByLabel('Country').fill('GB');
    await panel.getByRole('button', { name: 'Continue' }).click();
    const moved = panel.getByRole('group', { name: 'Confirm the change to order OD-361' });
    await moved.getByText(/^Ship order OD-361 to 5 Harbour Road, /).waitFor();
    await moved.getByRole('button', { name: 'Confirm' }).click();
    await panel.getByText(/address changed by agent alex@example\.com/).waitFor();
    const shipTo = await shop.db.query<{ a: { line1: string } }>(
      `SELECT shipping_address AS a FROM orders WHERE id = 'OD-361'`,
    );
    expect(shipTo.rows[0].a.line1).toBe('5 Harbour Road');

    // The agent cancels the pending order from the 360: a reason, the server's summary, then Confirm.
    expect(await panel.locator('[data-key="order-cancel:OD-360"]').count()).toBe(0);
    await panel.locator('[data-key="order-cancel:OD-361"]').click();
    await panel.getByLabel('Reason').selectOption('ordered by mistake');
    await panel.getByRole('button', { name: 'Continue' }).click();
    const confirm = panel.getByRole('group', { name: 'Confirm the change to order OD-361' });
    await confirm.getByText('Refund €20.00 to Mastercard ending 9212').waitFor();
    const unchanged = await shop.db.query<{ status: string }>(`SELECT status FROM orders WHERE id = 'OD-361'`);
    expect(unchanged.rows[0].status).toBe('pending');
    await confirm.getByRole('button', { name: 'Confirm' }).click();
    await panel.getByText(/Refunded: €20\.00 via credit_card_7815826/).waitFor();
    const after = await panel.innerText();
    expect(after).toMatch(/cancelled by agent alex@example\.com — ordered by mistake/);
    expect(after).toMatch(/Cancel order OD-361 .*\(done, by alex@example\.com/);
    expect(await panel.locator('[data-key="order-cancel:OD-361"]').count()).toBe(0);
    await agent.close();
  });

  it("shows the server's refusal when a colleague took the conversation first", async () => {
    const agent = await openConsole();
    const { page, conversationId } = await shopperAsksForHuman('can I speak to a human please');
    await agent.locator(`[data-key="q:${conversationId}"]`).click();
    await agent.getByText('Handoff summary').waitFor();

    const sam = await connectAgent(shop.url, (await agentLogin(shop.url, SAM.email, SAM.password)).token);
    expect((await ask(sam.socket, 'conversation:claim', { conversationId })).ok).toBe(true);
    await agent.getByRole('button', { name: 'Take conversation' }).click();
    await expect
      .poll(() => agent.locator('.conv-header .banner-error').innerText(), { timeout: 5_000 })
      .toMatch(/Already taken by Sam/);
    await agent.locator('.conv-header .badge', { hasText: 'with Sam' }).waitFor();
    sam.socket.close();
    await Promise.all([agent.close(), page.close()]);
  });

  it('catches up after an outage: what the shopper and colleagues did meanwhile shows once, and the queue is current', async () => {
    const agent = await openConsole();
    const first = await shopperAsksForHuman();
    await agent.locator(`[data-key="q:${first.conversationId}"]`).click();
    await agent.getByRole('button', { name: 'Take conversation' }).click();
    await agent.locator('.conv-header .badge', { hasText: 'with you' }).waitFor();
    const second = await newShopper();
    await say(second.chat, 'hello');
    await second.chat.locator('.msg-assistant:not(.streaming)').last().waitFor();
    const sam = await connectAgent(shop.url, (await agentLogin(shop.url, SAM.email, SAM.password)).token);

    // The console loses its connection and cannot get back until the "outage" ends.
    const restore = refuseNewConnections();
    for (const s of shop.app.io.of('/agent').sockets.values())
      if (s.data.agent?.email === DEMO_AGENT.email) s.conn.close();
    await agent.locator('.offline-banner:not([hidden])').waitFor();
    await say(first.chat, 'Hello? Anyone there?');
    await first.chat.locator('.msg-user', { hasText: 'Hello? Anyone there?' }).waitFor();
    expect(
      (
        await ask(sam.socket, 'note:add', {
          conversationId: first.conversationId,
          text: 'Sam here: she called about this too.',
        })
      ).ok,
    ).toBe(true);
    const before = await waitingNow();
    await say(second.chat, 'I want to talk to a person');
    const newcomer = await newlyQueued(before);
    expect(await agent.locator('.offline-banner').isVisible()).toBe(true);

    restore();
    await agent.locator('.offline-banner').waitFor({ state: 'hidden', timeout: 15_000 });
    const missed = agent.locator('.transcript .msg.user', { hasText: 'Hello? Anyone there?' });
    await missed.waitFor();
    await agent.locator('.transcript .note', { hasText: 'Sam here: she called about this too.' }).waitFor();
    await agent.locator(`[data-key="q:${newcomer}"]`).waitFor();
    expect(await missed.count()).toBe(1);
    sam.socket.close();
    await Promise.all([agent.close(), first.page.close(), second.page.close()]);
  });
});
