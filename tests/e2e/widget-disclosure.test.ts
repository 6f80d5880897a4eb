import { createLogger } from '../../src/logger.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { ChatModel } from '../../src/agent/model.js';
import { createOfflineModel } from '../../src/agent/models/offline-model.js';
import { widgetRoutes } from '../../src/http/routes/widget-routes.js';
import { seedTestShop, startTestApp, TEST_CONFIG } from '../helpers/test-app.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { describeBrowser, launchBrowser, openChat, say } from './browser.js';

const LINKS_PLEASE = 'Any useful links?';
/** The shop's own page, on another origin than the Concierge server (as most real shops are). */
let shopPage: Server;
let pageOrigin = '';
let server = '';
let close: () => Promise<void> = async () => {};
let browser: Awaited<ReturnType<typeof launchBrowser>>;

/** The offline model, except that it answers LINKS_PLEASE with links to the page, the server and elsewhere. */
function modelWithLinks(): ChatModel {
  const offline = createOfflineModel();
  return {
    id: 'test:offline-with-links',
    async *stream(request) {
      const last = request.messages.filter((m) => m.role === 'user').pop();
      if (!last?.content?.includes(LINKS_PLEASE)) return yield* offline.stream(request);
      const text = `See [sizes](${pageOrigin}/sizes), [your order](${server}/orders/1), [reviews](https://reviews.example/x) and [returns](http://${new URL(pageOrigin).host}@evil.example/returns).`;
      yield { type: 'text_delta', text };
      yield { type: 'finish', reason: 'stop' };
    },
  };
}

/**
 * Signs the test agent in and returns what authenticates its REST calls. The one place that knows
 * how agents log in: today `POST /api/agent/sessions` answers `{ token, agent }`.
 */
async function agentAuth(url: string): Promise<{ headers: Record<string, string>; name: string }> {
  const { email, password } = TEST_CONFIG.consoleAgents[0];
  const res = await fetch(`${url}/api/agent/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { token: string; agent: { name: string } };
  return { headers: { authorization: `Bearer ${body.token}` }, name: body.agent.name };
}

async function agentPost(auth: { headers: Record<string, string> }, path: string, body: unknown = {}) {
  const res = await fetch(`${server}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth.headers },
    body: JSON.stringify(body),
  });
  expect(res.ok, `${path}: ${res.status}`).toBe(true);
}

const conversationIdOf = (page: Page) =>
  page.evaluate(
    () => new Promise<string>((resolve) => window.Concierge!.on('ready', (r) => resolve(r.conversationId))),
  );

/** True when the whole element is on screen and its text is not cut off. */
const fullyShown = (l: Locator) =>
  l.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.left >= 0 && r.right <= innerWidth && el.scrollWidth <= el.clientWidth;
  });

/** The last finished message from the assistant or from an agent: its label, then its text. */
const lastFrom = (chat: FrameLocator, role: 'assistant' | 'agent') =>
  chat.locator(`.msg-${role}:not(.streaming)`).last();

describeBrowser('the chat widget says who is answering', () => {
  beforeAll(async () => {
    shopPage = createServer((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<!doctype html><title>Shop</title><h1>Shop</h1><script src="${server}/widget.js" async></script>`),
    );
    await new Promise<void>((resolve) => shopPage.listen(0, '127.0.0.1', resolve));
    pageOrigin = `http://127.0.0.1:${(shopPage.address() as AddressInfo).port}`;
    const db = await openTestDatabase('pglite');
    await seedTestShop(db);
    // The shop lets its own page frame the chat, as ALLOWED_ORIGINS does in production.
    const app = await startTestApp(db, {
      model: modelWithLinks(),
      config: { allowedOrigins: [pageOrigin] },
      extraRouters: [
        await widgetRoutes({ minify: true, allowedOrigins: [pageOrigin], logger: createLogger('silent') }),
      ],
    });
    server = app.url;
    close = async () => {
      await app.close();
      await db.close();
    };
  });
  // A fresh profile (so a new conversation) for each test, on a phone-sized screen where the panel fills
  // the screen and the header is at its narrowest.
  beforeEach(async () => {
    browser = await launchBrowser({ width: 360, height: 740 });
  });
  afterEach(async () => {
    await browser?.close();
  });
  afterAll(async () => {
    await close();
    await new Promise((resolve) => shopPage?.close(resolve));
  });

  it('tells the shopper they are talking with an AI, then that a person answers, then the AI again', async () => {
    const { page, chat } = await openChat(browser.context, server);
    const header = chat.getByRole('banner');
    const aiLabel = header.getByText('AI assistant', { exact: true });
    await aiLabel.waitFor();
    expect(await fullyShown(aiLabel)).toBe(true);
    const notice = chat.getByText("You're chatting with an AI assistant. You can ask for a person at any time.");
    await notice.waitFor();
    expect(await fullyShown(notice)).toBe(true);

    const conversationId = await conversationIdOf(page);
    await say(chat, 'I want to talk to a person');
    await header.getByText(/^Waiting for our team/).waitFor();
    await expect
      .poll(() => lastFrom(chat, 'assistant').getByRole('paragraph').first().innerText())
      .toBe('AI assistant');

    const agent = await agentAuth(server);
    await agentPost(agent, `/api/agent/conversations/${conversationId}/claim`);
    const personLabel = header.getByText('Team member', { exact: true });
    await personLabel.waitFor();
    expect(await fullyShown(personLabel)).toBe(true);
    await header.getByText(`You're chatting with ${agent.name}`).waitFor();
    expect(await aiLabel.count()).toBe(0);

    await agentPost(agent, `/api/agent/conversations/${conversationId}/messages`, { text: 'Hi, how can I help?' });
    await chat.getByText('Hi, how can I help?').waitFor();
    const reply = lastFrom(chat, 'agent');
    expect(await reply.getByRole('paragraph').allInnerTexts()).toEqual([
      `${agent.name} (team member)`,
      'Hi, how can I help?',
    ]);

    await agentPost(agent, `/api/agent/conversations/${conversationId}/release`);
    await aiLabel.waitFor();
    expect(await personLabel.count()).toBe(0);
    expect(await header.getByText(`You're chatting with ${agent.name}`).count()).toBe(0);
    await page.close();
  });

  it("keeps the assistant's links to the shop's page and server clickable and shows the host of any other", async () => {
    const { page, chat } = await openChat(browser.context, pageOrigin);
    await say(chat, LINKS_PLEASE);
    const reply = chat.locator('.msg-assistant:not(.streaming) .bubble', { hasText: 'reviews' });
    await reply.waitFor();
    expect(await reply.innerText()).toBe(
      'See sizes, your order, reviews (reviews.example) and returns (evil.example).',
    );
    const links = reply.getByRole('link');
    expect(await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).toEqual([
      `${pageOrigin}/sizes`,
      `${server}/orders/1`,
    ]);
    expect(await links.first().getAttribute('rel')).toBe('noopener noreferrer');
    await page.close();
  });
});
