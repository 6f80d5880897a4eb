import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_AGENTS } from '../../src/config.js';
import type { QueueItem } from '../../src/handoff/agent-protocol.js';
import { agentLogin, ask, connectAgent } from '../helpers/agent-client.js';
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
