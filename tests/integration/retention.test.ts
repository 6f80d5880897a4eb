import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { createRetentionJob } from '../../src/privacy/retention.js';
import { agentLogin } from '../helpers/agent-client.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { connectShopper, newSession, request, seedTestShop, signedIn, startTestApp } from '../helpers/test-app.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

let db: Database;
let app: Awaited<ReturnType<typeof startTestApp>>;

beforeAll(async () => {
  db = await openTestDatabase('pglite');
  await seedTestShop(db);
  app = await startTestApp(db);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

/** The job as it would run `aheadMs` from now, so nothing has to be back-dated. */
const runAt = (aheadMs: number, retentionDays = 30) =>
  createRetentionJob({
    db,
    retentionDays,
    logger: createLogger('silent'),
    now: () => new Date(Date.now() + aheadMs),
  }).runOnce();

const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

async function count(sql: string, params: unknown[]): Promise<number> {
  const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return r.rows[0].n;
}

/** A shopper session as the server stored it: its token, conversation, session and cart ids. */
async function shopper(body: Record<string, unknown> = {}) {
  const s = await newSession(app.url, body);
  expect(s.status).toBe(201);
  const row = await db.query<{ session_id: string; cart_id: string }>(
    'SELECT session_id, cart_id FROM conversations WHERE id = $1',
    [s.body.conversationId],
  );
  return {
    token: s.body.token,
    conversationId: s.body.conversationId,
    sessionId: row.rows[0].session_id,
    cartId: row.rows[0].cart_id,
  };
}

type Shopper = Awaited<ReturnType<typeof shopper>>;

async function say(s: Shopper, text: string) {
  const res = await fetch(`${app.url}/api/conversations/${s.conversationId}/messages`, {
    method: 'POST',
    headers: bearer(s.token),
    body: JSON.stringify({ text }),
  });
  expect(res.status).toBe(200);
}

/** What is left of a shopper's session, conversation and cart. */
async function remains(s: Shopper) {
  return {
    session: await count('shopper_sessions WHERE id = $1', [s.sessionId]),
    conversation: await count('conversations WHERE id = $1', [s.conversationId]),
    cart: await count('carts WHERE id = $1', [s.cartId]),
  };
}
const everything = { session: 1, conversation: 1, cart: 1 };
const nothing = { session: 0, conversation: 0, cart: 0 };

describe('the retention job', () => {
  it('deletes an anonymous session that never wrote once it is a day old, with its empty conversation and cart', async () => {
    const idle = await shopper();
    const signedInIdle = await shopper(signedIn('cus_1'));

    expect(await runAt(0)).toEqual({
      idleSessions: 0,
      conversations: 0,
      carts: 0,
      sessions: 0,
      agentSessions: 0,
      auditEntries: 0,
    });
    expect(await remains(idle)).toEqual(everything);
    expect((await fetch(`${app.url}/api/cart`, { headers: bearer(idle.token) })).status).toBe(200);

    expect(await runAt(25 * HOUR_MS)).toMatchObject({ idleSessions: 1, carts: 1 });
    expect(await remains(idle)).toEqual(nothing);
    expect(await count('conversation_events WHERE conversation_id = $1', [idle.conversationId])).toBe(0);
    expect((await fetch(`${app.url}/api/cart`, { headers: bearer(idle.token) })).status).toBe(401);
    // A signed-in customer's session is not anonymous: it stays for the retention period.
    expect(await remains(signedInIdle)).toEqual(everything);
  });

  it('keeps a day-old anonymous session that sent a message or added to its cart', async () => {
    const writer = await shopper();
    await say(writer, 'do you sell running socks?');
    const buyer = await shopper();
    const added = await fetch(`${app.url}/api/cart/items`, {
      method: 'POST',
      headers: bearer(buyer.token),
      body: JSON.stringify({ sku: 'SOCK-1', quantity: 1 }),
    });
    expect(added.status).toBe(200);
    const emptied = await shopper();
    const socket = await connectShopper(app.url, emptied.token);
    expect((await request(socket.socket, 'cart:add', { sku: 'MUG-X', quantity: 1 })).ok).toBe(true);
    expect((await request(socket.socket, 'cart:remove', { sku: 'MUG-X' })).ok).toBe(true);
    socket.socket.close();
    // A message stored before messages carried their session still counts as the session's.
    const legacy = await shopper();
    await say(legacy, 'hello there');
    await db.query('UPDATE messages SET session_id = NULL WHERE conversation_id = $1', [legacy.conversationId]);

    // A shopper who wrote, then signed in: the conversation moved on, the old session still wrote it.
    const before = await shopper();
    await say(before, 'do you have size 42?');
    const after = await newSession(app.url, { ...signedIn('cus_1'), token: before.token });
    expect(after.body.conversationId).toBe(before.conversationId);

    expect(await runAt(25 * HOUR_MS)).toMatchObject({ idleSessions: 0 });
    for (const s of [writer, buyer, emptied, legacy]) expect(await remains(s)).toEqual(everything);
    expect(await count('shopper_sessions WHERE id = $1', [before.sessionId])).toBe(1);
    expect(await count('conversations WHERE id = $1', [before.conversationId])).toBe(1);
    expect(await count("messages WHERE conversation_id = $1 AND role = 'user'", [writer.conversationId])).toBe(1);
    const cart = await fetch(`${app.url}/api/cart`, { headers: bearer(buyer.token) });
    expect(cart.status).toBe(200);
    expect(await cart.json()).toMatchObject({ itemCount: 1, items: [expect.objectContaining({ sku: 'SOCK-1' })] });
  });

  it('deletes a conversation idle for longer than the retention period, and keeps one with a recent event', async () => {
    const old = await shopper(signedIn('cus_2'));
    await say(old, 'where is my order AP-2001?');
    const rater = await connectShopper(app.url, old.token);
    expect(
      (await request(rater.socket, 'conversation:rate', { conversationId: old.conversationId, rating: 2 })).ok,
    ).toBe(true);
    rater.socket.close();
    const recent = await shopper();
    await say(recent, 'do you sell running socks?');
    // The shopper wrote again on day 30: the conversation row itself was not touched since day 0.
    await db.query(
      `UPDATE conversation_events SET created_at = created_at + interval '30 days'
       WHERE conversation_id = $1 AND seq = (SELECT last_seq FROM conversations WHERE id = $1)`,
      [recent.conversationId],
    );
    const recentMessages = await count('messages WHERE conversation_id = $1', [recent.conversationId]);
    const recentEvents = await count('conversation_events WHERE conversation_id = $1', [recent.conversationId]);
    expect(await count('messages WHERE conversation_id = $1', [old.conversationId])).toBeGreaterThan(0);

    expect(await runAt(29 * DAY_MS)).toMatchObject({ conversations: 0 });
    expect(await remains(old)).toEqual(everything);

    const report = await runAt(31 * DAY_MS);
    expect(report.conversations).toBeGreaterThanOrEqual(1);
    expect(await remains(old)).toEqual(nothing);
    expect(await count('messages WHERE conversation_id = $1', [old.conversationId])).toBe(0);
    expect(await count('conversation_events WHERE conversation_id = $1', [old.conversationId])).toBe(0);
    expect(await count('ratings WHERE conversation_id = $1', [old.conversationId])).toBe(0);
    // The shop's own records outlive the conversation.
    expect(await count('customers WHERE id = $1', ['cus_2'])).toBe(1);
    expect(await count('orders WHERE id = $1', ['AP-2001'])).toBe(1);

    expect(await remains(recent)).toEqual(everything);
    expect(await count('messages WHERE conversation_id = $1', [recent.conversationId])).toBe(recentMessages);
    expect(await count('conversation_events WHERE conversation_id = $1', [recent.conversationId])).toBe(recentEvents);
  });

  it('deletes expired console sessions, old audit entries and old daily usage', async () => {
    const login = await agentLogin(app.url, 'sam@example.com', 'agent-password-2');
    const queue = () => fetch(`${app.url}/api/agent/queue`, { headers: bearer(login.token!) });
    await db.query(
      `INSERT INTO audit_log (actor, action, subject, at) VALUES
         ('retention-test', 'customer.export', 'old', now() - interval '31 days'),
         ('retention-test', 'customer.export', 'fresh', now() - interval '29 days')`,
    );
    await db.query(
      `INSERT INTO model_usage_daily (day, tokens) VALUES (current_date - 40, 100), (current_date - 1, 100)
       ON CONFLICT (day) DO NOTHING`,
    );

    expect(await runAt(0)).toMatchObject({ agentSessions: 0, auditEntries: 1 });
    expect((await queue()).status).toBe(200);
    const audit = await db.query('SELECT subject FROM audit_log WHERE actor = $1', ['retention-test']);
    expect(audit.rows).toEqual([{ subject: 'fresh' }]);
    expect(await count('model_usage_daily WHERE day = current_date - 40', [])).toBe(0);
    expect(await count('model_usage_daily WHERE day = current_date - 1', [])).toBe(1);

    // Console sessions last 12 hours in the test config.
    expect(await runAt(13 * HOUR_MS)).toMatchObject({ agentSessions: 1 });
    expect(await count('agent_sessions WHERE agent_email = $1', ['sam@example.com'])).toBe(0);
    expect((await queue()).status).toBe(401);
  });

  it("deletes an outside agent's cart after 7 days without a change, and nobody else's", async () => {
    await db.query(
      `INSERT INTO carts (id, currency, channel) VALUES ('cart_agent_idle', 'EUR', 'mcp'), ('cart_idle', 'EUR', NULL)`,
    );
    const runWithAgentCarts = (aheadMs: number) =>
      createRetentionJob({
        db,
        retentionDays: 30,
        agentCartIdleDays: 7,
        logger: createLogger('silent'),
        now: () => new Date(Date.now() + aheadMs),
      }).runOnce();
    expect(await runWithAgentCarts(6 * DAY_MS)).toMatchObject({ carts: 0 });
    expect(await runWithAgentCarts(8 * DAY_MS)).toMatchObject({ carts: 1 });
    expect(await count('carts WHERE id = ANY($1)', [['cart_agent_idle', 'cart_idle']])).toBe(1);
    await db.query(`DELETE FROM carts WHERE id = 'cart_idle'`);
  });
});
