import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { identityHash } from '../../src/identity/session-tokens.js';
import { createChatScript, LOCAL_SERVER_ONLY, setupOpenAIMockServer, streamReply } from '../msw/openai-chat.js';
import {
  connectShopper,
  mswModel,
  newSession,
  request,
  seedTestShop,
  signedIn,
  startTestApp,
  waitFor,
} from '../helpers/test-app.js';
import { openTestDatabase } from '../helpers/test-database.js';

const script = createChatScript();
const mock = setupOpenAIMockServer(script.handler);

let db: Database;
let app: Awaited<ReturnType<typeof startTestApp>>;
let scripted: Awaited<ReturnType<typeof startTestApp>>;

beforeAll(async () => {
  mock.listen(LOCAL_SERVER_ONLY);
  db = await openTestDatabase('pglite');
  await seedTestShop(db);
  app = await startTestApp(db);
  scripted = await startTestApp(db, { model: mswModel() });
});
afterAll(async () => {
  await scripted?.close();
  await app?.close();
  await db?.close();
  mock.close();
});

const api = (url: string, token: string) => ({
  get: (path: string) => fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } }),
  post: (path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
});

async function say(url: string, token: string, conversationId: string, text: string) {
  const res = await api(url, token).post(`/api/conversations/${conversationId}/messages`, { text });
  return { status: res.status, body: (await res.json()) as { messages: { role: string; text: string }[] } };
}

describe('signing in and out', () => {
  it('moves the conversation and cart to a new session; the old anonymous token keeps nothing', async () => {
    const anon = await newSession(app.url);
    const old = api(app.url, anon.body.token);
    expect((await old.post('/api/cart/items', { sku: 'SOCK-1', quantity: 2 })).status).toBe(200);
    expect((await say(app.url, anon.body.token, anon.body.conversationId, 'hello')).status).toBe(200);
    const { socket: oldSocket, events: heardByOld } = await connectShopper(app.url, anon.body.token);
    expect((await request(oldSocket, 'conversation:join', { conversationId: anon.body.conversationId })).ok).toBe(true);
    const disconnected = new Promise<string>((resolve) => oldSocket.once('disconnect', resolve));

    const signIn = await newSession(app.url, { ...signedIn('cus_1'), token: anon.body.token });
    expect(signIn.status).toBe(201);
    expect(signIn.body.token).not.toBe(anon.body.token);
    expect(signIn.body.conversationId).toBe(anon.body.conversationId);
    expect(await disconnected).toBe('io server disconnect');
    const heardBefore = heardByOld.length;

    // The signed-in session has the conversation and the cart.
    const now = api(app.url, signIn.body.token);
    const cart = (await (await now.get('/api/cart')).json()) as { items: { sku: string; quantity: number }[] };
    expect(cart.items).toEqual([expect.objectContaining({ sku: 'SOCK-1', quantity: 2 })]);
    const reply = await say(app.url, signIn.body.token, signIn.body.conversationId, 'where is my order?');
    expect(reply.body.messages.at(-1)?.text).toMatch(/AP-1001/);

    // The old token: no conversation, an empty cart, and nothing of the customer.
    expect((await old.get(`/api/conversations/${anon.body.conversationId}/messages`)).status).toBe(404);
    expect((await say(app.url, anon.body.token, anon.body.conversationId, 'where is my order?')).status).toBe(404);
    const oldCart = (await (await old.get('/api/cart')).json()) as { items: unknown[] };
    expect(oldCart.items).toEqual([]);
    const fresh = await newSession(app.url, { token: anon.body.token });
    expect(fresh.body.conversationId).not.toBe(anon.body.conversationId);
    expect(fresh.body.customer).toBeNull();
    const asked = await say(app.url, fresh.body.token, fresh.body.conversationId, 'where is my order?');
    const answer = asked.body.messages.map((m) => m.text).join('\n');
    expect(answer).toMatch(/sign in/i);
    expect(answer).not.toMatch(/AP-1001|JD0001|Tempo/);
    // The socket opened with the old token heard nothing after the sign-in.
    expect(heardByOld.length).toBe(heardBefore);
    const rejoin = await connectShopper(app.url, anon.body.token);
    const join = await request(rejoin.socket, 'conversation:join', { conversationId: anon.body.conversationId });
    expect(join).toMatchObject({ ok: false, error: { code: 'conversation:not_found' } });
    rejoin.socket.close();
  });

  it('ends the signed-in session on sign-out: its token is refused and its sockets are disconnected', async () => {
    const s = await newSession(app.url, signedIn('cus_2'));
    const { socket } = await connectShopper(app.url, s.body.token);
    const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));
    const out = await newSession(app.url, { token: s.body.token });
    expect(out.status).toBe(201);
    expect(out.body.customer).toBeNull();
    expect(out.body.conversationId).not.toBe(s.body.conversationId);
    await disconnected;
    expect((await api(app.url, s.body.token).get('/api/cart')).status).toBe(401);
    const again = await connectShopper(app.url, s.body.token).catch((err: Error) => err);
    expect(again).toBeInstanceOf(Error);
    expect((again as Error & { data?: { code: string } }).data?.code).toBe('auth:bad_session');
  });

  it('refuses a customer hash made with another secret', async () => {
    const forged = await newSession(app.url, {
      customerId: 'cus_1',
      customerHash: identityHash('x'.repeat(40), 'cus_1'),
    });
    expect(forged.status).toBe(401);
    expect(forged.body.error?.code).toBe('auth:bad_identity');
  });
});

describe('the customer a tool acts for', () => {
  it('comes from the session that sent the message: a session signed out before its turn ran reads no orders', async () => {
    const s = await newSession(scripted.url, signedIn('cus_1'));
    // A message stored by this session, waiting for its turn, when the session is signed out.
    await db.query(
      `INSERT INTO messages (conversation_id, role, content, epoch, client_message_id, turn_state, session_id)
       SELECT id, 'user', 'where is my order?', epoch, 'queued-before-signout', 'pending', session_id
       FROM conversations WHERE id = $1`,
      [s.body.conversationId],
    );
    const signout = await newSession(scripted.url, { token: s.body.token });
    expect(signout.status).toBe(201);
    script.reply(
      streamReply({ toolCalls: [{ id: 'call_orders', name: 'get_orders', arguments: '{}' }] }),
      streamReply({ text: 'Please sign in.' }),
    );
    await scripted.chat.recover();
    const tool = await waitFor(async () => {
      const r = await db.query<{ content: string }>(
        `SELECT content FROM messages WHERE conversation_id = $1 AND role = 'tool' AND tool_name = 'get_orders'`,
        [s.body.conversationId],
      );
      return r.rows[0];
    }, 5_000);
    expect(JSON.parse(tool.content)).toMatchObject({ signInRequired: true });
    expect(tool.content).not.toMatch(/AP-1001/);
  });
});
