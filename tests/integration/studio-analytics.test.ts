import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../../src/conversations/event-types.js';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { createRetentionJob } from '../../src/privacy/retention.js';
import { callJson, MERCHANDISER, startStudioApp } from '../helpers/studio-client.js';
import {
  connectShopper,
  newSession,
  request,
  signedIn,
  startTestApp,
  TEST_CONFIG,
  turnsSettled,
  waitFor,
  type ShopperClient,
} from '../helpers/test-app.js';

let db: Database;
let app: Awaited<ReturnType<typeof startStudioApp>>['app'];
const tokens: Record<'merchandiser' | 'admin' | 'agent', string> = { merchandiser: '', admin: '', agent: '' };

const call = (method: string, route: string, token: string | null, body?: unknown) =>
  callJson(app.url, method, route, token, body);
const checkout = (token: string | null) => call('POST', '/api/storefront/checkout', token, {});
const completed = (events: ConversationEvent[]) => events.filter((e) => e.type === 'message.completed');

/** Sends a shopper message over the socket and waits for the assistant's answer. */
async function say(
  shopper: { socket: ShopperClient; events: ConversationEvent[] },
  conversationId: string,
  text: string,
) {
  const before = completed(shopper.events).length;
  const sent = await request(shopper.socket, 'message:send', {
    conversationId,
    clientMessageId: `msg-${before}-${conversationId}`,
    text,
  });
  expect(sent.ok).toBe(true);
  return waitFor(() => completed(shopper.events)[before]);
}

let shopper: { token: string; conversationId: string };
let orderId = '';

beforeAll(async () => {
  const started = await startStudioApp();
  ({ db, app } = started);
  Object.assign(tokens, started.tokens);
  shopper = (await newSession(app.url, signedIn('cus_2'))).body;
  const live = await connectShopper(app.url, shopper.token);
  await request(live.socket, 'conversation:join', { conversationId: shopper.conversationId, afterSeq: 0 });
  await say(live, shopper.conversationId, 'running shoes');
  await say(live, shopper.conversationId, 'do you sell kayaks?');
  expect((await request(live.socket, 'cart:add', { sku: 'SOCK-1', quantity: 2 })).ok).toBe(true);
  const placed = await checkout(shopper.token);
  expect(placed.status).toBe(201);
  orderId = placed.body.order.id;
  live.socket.close();
  await turnsSettled(db);
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('demo checkout', () => {
  it('places an order for the cart, tagged with its conversation, and empties the cart', async () => {
    expect(orderId).toMatch(/^DEMO-[A-Z0-9]{8}$/);
    const order = await db.query<{ customer_id: string; conversation_id: string; total_minor: number }>(
      'SELECT customer_id, conversation_id, total_minor FROM orders WHERE id = $1',
      [orderId],
    );
    expect(order.rows[0]).toEqual({ customer_id: 'cus_2', conversation_id: shopper.conversationId, total_minor: 3000 });
    const lines = await db.query('SELECT sku, quantity, unit_price_minor FROM order_lines WHERE order_id = $1', [
      orderId,
    ]);
    expect(lines.rows).toEqual([{ sku: 'SOCK-1', quantity: 2, unit_price_minor: 1500 }]);
    const cart = await call('GET', '/api/cart', null);
    expect(cart.status).toBe(401);
    const res = await fetch(`${app.url}/api/cart`, { headers: { authorization: `Bearer ${shopper.token}` } });
    expect(((await res.json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('refuses an empty cart and a request without a session, with clear codes', async () => {
    const empty = await checkout(shopper.token);
    expect(empty.status).toBe(409);
    expect(empty.body.error.code).toBe('checkout:empty_cart');
    expect((await checkout(null)).status).toBe(401);
    const extra = await callJson(app.url, 'POST', '/api/storefront/checkout', shopper.token, { pay: true });
    expect(extra.status).toBe(400);
  });

  it('refuses a cart that lives on the shop platform', async () => {
    // The same accounts, so this second instance keeps the merchandiser's session.
    const consoleAgents = [...TEST_CONFIG.consoleAgents, MERCHANDISER];
    const shop = await startTestApp(db, {
      config: { shop: { ...TEST_CONFIG.shop, platform: 'shopify' }, consoleAgents },
    });
    try {
      const s = (await newSession(shop.url)).body;
      const refused = await callJson(shop.url, 'POST', '/api/storefront/checkout', s.token, {});
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('checkout:platform_cart');
    } finally {
      await shop.close();
    }
  });
});

describe('studio analytics API', () => {
  it('needs a merchandiser or admin login: none is 401, a plain agent 403', async () => {
    expect((await call('GET', '/api/studio/analytics', null)).status).toBe(401);
    const refused = await call('GET', '/api/studio/analytics', tokens.agent);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('auth:merchandiser_required');
    expect((await call('GET', '/api/studio/analytics', tokens.admin)).status).toBe(200);
  });

  it('refuses a bad range with a clear code', async () => {
    const reversed = await call('GET', '/api/studio/analytics?from=2026-11-02&to=2026-11-01', tokens.merchandiser);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.code).toBe('analytics:bad_range');
    const bad = await call('GET', '/api/studio/analytics?from=yesterday', tokens.merchandiser);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('http:bad_request');
    expect(bad.body.error.message).toContain('from');
    const long = await call('GET', '/api/studio/analytics?from=2024-01-01&to=2026-01-01', tokens.merchandiser);
    expect(long.body.error.code).toBe('analytics:range_too_long');
  });

  it('counts the conversation, its searches, its add to cart and its attributed order', async () => {
    const { body } = await call('GET', '/api/studio/analytics', tokens.merchandiser);
    expect(body.conversations).toBe(1);
    expect(body.containment).toEqual({ conversations: 1, rate: 1 });
    expect(body.handoffs).toEqual({ conversations: 0, rate: 0, reasons: [] });
    expect(body.addToCart).toEqual({
      conversations: 1,
      items: 2,
      value: [{ amount: 3000, currency: 'EUR', formatted: expect.any(String) }],
    });
    expect(body.attributedOrders.orders).toBe(1);
    expect(body.attributedOrders.revenue).toEqual([
      { currency: 'EUR', orders: 1, total: { amount: 3000, currency: 'EUR', formatted: expect.any(String) } },
    ]);
    expect(body.searches).toEqual({ total: 2, zeroResult: 1 });
    expect(body.zeroResultSearches).toEqual([
      { query: expect.stringContaining('kayak'), searches: 1, lastAt: expect.any(String) },
    ]);
    const found = body.topSearches.find((s: { query: string }) => s.query.includes('running'));
    expect(found).toMatchObject({ searches: 1, zeroResult: 0 });
    expect(body.productsAskedAbout.map((p: { handle: string }) => p.handle)).toContain('runner-1');
    expect(body.unansweredQuestions).toEqual([]);
  });

  it('draws one row a day and gives the figures per prompt version', async () => {
    const { body } = await call('GET', '/api/studio/analytics', tokens.merchandiser);
    expect(body.daily).toHaveLength(30);
    const today = body.daily.at(-1);
    expect(today).toMatchObject({
      conversations: 1,
      handoffs: 0,
      addToCartConversations: 1,
      attributedOrders: 1,
      attributedRevenueMinor: 3000,
      searches: 2,
      zeroResultSearches: 1,
    });
    const prompts = await call('GET', '/api/studio/prompts', tokens.merchandiser);
    const persona = prompts.body.prompts.find((p: { name: string }) => p.name === 'persona').publishedId;
    expect(body.byPromptVersion).toHaveLength(1);
    expect(body.byPromptVersion[0]).toMatchObject({
      promptVersions: expect.objectContaining({ persona }),
      conversations: 1,
      containmentRate: 1,
      addToCartRate: 1,
      attributedOrders: 1,
      attributedRevenue: { amount: 3000, currency: 'EUR' },
      searches: 2,
      zeroResultSearches: 1,
    });
  });

  it('records storefront searches under their channel, and leaves other days out', async () => {
    await fetch(`${app.url}/api/products/search?q=kayaks`);
    const rows = await db.query<{ channel: string; zero_result: boolean }>(
      `SELECT channel, zero_result FROM search_events WHERE channel = 'storefront'`,
    );
    expect(rows.rows).toEqual([{ channel: 'storefront', zero_result: true }]);
    const past = await call('GET', '/api/studio/analytics?from=2025-01-01&to=2025-01-31', tokens.merchandiser);
    expect(past.body).toMatchObject({ conversations: 0, searches: { total: 0, zeroResult: 0 }, byPromptVersion: [] });
    expect(past.body.daily).toHaveLength(31);
  });
});

describe('search events and privacy', () => {
  const searchesOf = async () =>
    (await db.query<{ channel: string }>('SELECT channel FROM search_events ORDER BY id')).rows.map((r) => r.channel);

  it("erasing a customer erases their conversation's searches; retention deletes the rest", async () => {
    expect(await searchesOf()).toEqual(['assistant', 'assistant', 'storefront']);
    const erased = await call('DELETE', '/api/admin/customers/cus_2', tokens.admin);
    expect(erased.status).toBe(200);
    expect(await searchesOf()).toEqual(['storefront']);
    const later = new Date(Date.now() + 2 * 86_400_000);
    await createRetentionJob({ db, retentionDays: 1, logger: createLogger('silent'), now: () => later }).runOnce();
    expect(await searchesOf()).toEqual([]);
  });
});
