import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { ConversationEvent } from '../../src/chat/protocol.js';
import { createChatScript, setupOpenAIMockServer, streamReply, LOCAL_SERVER_ONLY } from '../msw/openai-chat.js';
import { openTestDatabase } from '../helpers/test-database.js';
import {
  connectShopper,
  mswModel,
  newSession,
  request,
  seedTestShop,
  startTestApp,
  waitFor,
} from '../helpers/test-app.js';

const script = createChatScript();
const mock = setupOpenAIMockServer(script.handler);
let db: Database;

beforeAll(async () => {
  mock.listen(LOCAL_SERVER_ONLY);
  db = await openTestDatabase('pg-wire');
  await seedTestShop(db);
});
afterAll(async () => {
  await db?.close();
  mock.close();
});

const completions = (events: ConversationEvent[]) =>
  events.filter((e): e is Extract<ConversationEvent, { type: 'message.completed' }> => e.type === 'message.completed');

describe('a second instance starting mid-turn', () => {
  it("leaves the first instance's running turn alone: it completes once, not as interrupted", async () => {
    const first = await startTestApp(db, { model: mswModel() });
    let second: Awaited<ReturnType<typeof startTestApp>> | undefined;
    try {
      const s = await newSession(first.url);
      const a = await connectShopper(first.url, s.body.token);
      await request(a.socket, 'conversation:join', { conversationId: s.body.conversationId, afterSeq: 0 });
      const text = 'this answer streams slowly while another instance starts next to this one';
      script.reply(streamReply({ text }, { delayMs: 150 }));
      await request(a.socket, 'message:send', {
        conversationId: s.body.conversationId,
        clientMessageId: 'second-instance-1',
        text: 'hello',
      });
      await waitFor(() => a.events.some((e) => e.type === 'message.delta'));

      second = await startTestApp(db, { model: mswModel() });
      const states = await db.query<{ turn_state: string }>(
        `SELECT turn_state FROM messages WHERE conversation_id = $1 AND role = 'user'`,
        [s.body.conversationId],
      );
      // The second instance recovered while the turn was still running on the first.
      expect(states.rows).toEqual([{ turn_state: 'running' }]);

      await waitFor(() => completions(a.events).length === 1, 10_000);
      expect(completions(a.events)[0]).toMatchObject({ text });
      expect(completions(a.events)[0].failed).toBeUndefined();
      a.socket.close();
    } finally {
      await second?.close();
      await first.close();
    }
  });
});

describe('a REST message sent to one instance while another answers the conversation', () => {
  it('is answered by the instance running the conversation, and the REST call returns once it is', async () => {
    const a = await startTestApp(db, { model: mswModel() });
    const b = await startTestApp(db, { model: mswModel() });
    try {
      const s = await newSession(a.url);
      const shopper = await connectShopper(a.url, s.body.token);
      await request(shopper.socket, 'conversation:join', { conversationId: s.body.conversationId, afterSeq: 0 });
      script.reply(
        streamReply({ text: 'a first answer, streamed slowly on instance A' }, { delayMs: 100 }),
        streamReply({ text: 'The second answer.' }),
      );
      await request(shopper.socket, 'message:send', {
        conversationId: s.body.conversationId,
        clientMessageId: 'two-instances-1',
        text: 'hello',
      });
      await waitFor(() => shopper.events.some((e) => e.type === 'message.delta'));

      const started = Date.now();
      const res = await fetch(`${b.url}/api/conversations/${s.body.conversationId}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.body.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'and another thing' }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { messages: { role: string; text: string }[] };
      expect(body.messages.at(-1)).toMatchObject({ role: 'assistant', text: 'The second answer.' });
      // Well before the REST wait's timeout (10 s here): the end of a turn run elsewhere is seen.
      expect(Date.now() - started).toBeLessThan(6_000);
      await waitFor(() => completions(shopper.events).length === 2);
      expect(completions(shopper.events).map((e) => e.failed)).toEqual([undefined, undefined]);
      shopper.socket.close();
    } finally {
      await b.close();
      await a.close();
    }
  });
});

describe('a server restart mid-turn', () => {
  it('ends the interrupted answer once as a clear failure, and Retry gives a complete one', async () => {
    const first = await startTestApp(db, { model: mswModel() });
    const s = await newSession(first.url);
    const a = await connectShopper(first.url, s.body.token);
    await request(a.socket, 'conversation:join', { conversationId: s.body.conversationId, afterSeq: 0 });
    script.reply(streamReply({ text: 'this answer will be cut off by the restart' }, { delayMs: 30, hangAfter: 4 }));
    await request(a.socket, 'message:send', {
      conversationId: s.body.conversationId,
      clientMessageId: 'restart-msg-1',
      text: 'hello',
    });
    await waitFor(() => a.events.some((e) => e.type === 'message.delta'));
    a.socket.close();
    await first.close();

    // Another process over the same database: it recovers the half-done turn.
    const second = await startTestApp(db, { model: mswModel() });
    try {
      const b = await connectShopper(second.url, s.body.token);
      const join = await request<{ events: ConversationEvent[] }>(b.socket, 'conversation:join', {
        conversationId: s.body.conversationId,
        afterSeq: 0,
      });
      const history = join.data!.events;
      const done = completions(history);
      expect(done).toHaveLength(1);
      expect(done[0]).toMatchObject({ failed: true, retryable: true });
      expect(done[0].text).toMatch(/interrupted/i);
      expect(history.map((e) => e.seq)).toEqual(history.map((_, i) => i + 1));

      script.reply(streamReply({ text: 'Here is the complete answer.' }));
      const retry = await request(b.socket, 'turn:retry', {
        conversationId: s.body.conversationId,
        messageId: done[0].messageId,
      });
      expect(retry.ok).toBe(true);
      await waitFor(() => completions(b.events).length === 1);
      expect(completions(b.events)[0]).toMatchObject({ text: 'Here is the complete answer.' });
      expect(completions(b.events)[0].failed).toBeUndefined();
      b.socket.close();
    } finally {
      await second.close();
    }
  });
});

describe('the channel REST API', () => {
  it('answers a message after the turn, with cards, cart and status; replays with ?after=', async () => {
    const app = await startTestApp(db, { model: mswModel() });
    try {
      const s = await newSession(app.url);
      const auth = { authorization: `Bearer ${s.body.token}`, 'content-type': 'application/json' };
      script.reply(
        streamReply({
          toolCalls: [
            { id: 't1', name: 'search_products', arguments: JSON.stringify({ query: 'running shoes', maxPrice: 80 }) },
          ],
        }),
        streamReply({ text: 'The Cloud Dash is €74.00.' }),
      );
      const res = await fetch(`${app.url}/api/conversations/${s.body.conversationId}/messages`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ text: 'running shoes under 80' }),
      });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.status).toBe('bot');
      expect(body.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant']);
      const card = body.messages[1].products[0];
      expect(card).toMatchObject({
        handle: 'runner-2',
        title: 'Cloud Dash Running Shoe',
        price: { formatted: '€74.00' },
      });
      expect(card.variants[0]).toEqual(
        expect.objectContaining({ sku: 'RUN-2-41', options: { Size: '41', Color: 'Black' }, inStock: true }),
      );
      expect(body.cart).toMatchObject({ itemCount: 0 });

      const add = await fetch(`${app.url}/api/cart/items`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ sku: 'RUN-2-42', quantity: 1 }),
      });
      expect((await add.json()).itemCount).toBe(1);
      const patch = await fetch(`${app.url}/api/cart/items/RUN-2-42`, {
        method: 'PATCH',
        headers: auth,
        body: JSON.stringify({ quantity: 3 }),
      });
      expect((await patch.json()).items[0].quantity).toBe(3);
      const del = await fetch(`${app.url}/api/cart/items/RUN-2-42`, { method: 'DELETE', headers: auth });
      expect((await del.json()).itemCount).toBe(0);

      const replay = await (
        await fetch(`${app.url}/api/conversations/${s.body.conversationId}/messages?after=1`, { headers: auth })
      ).json();
      expect(replay.messages.map((m: { seq: number }) => m.seq).every((n: number) => n > 1)).toBe(true);
      expect(replay.messages.some((m: { role: string }) => m.role === 'assistant')).toBe(true);

      const other = await newSession(app.url);
      const foreign = await fetch(`${app.url}/api/conversations/${s.body.conversationId}/messages`, {
        headers: { authorization: `Bearer ${other.body.token}` },
      });
      expect(foreign.status).toBe(404);
      const noAuth = await fetch(`${app.url}/api/cart`);
      expect(noAuth.status).toBe(401);
      const bad = await fetch(`${app.url}/api/conversations/${s.body.conversationId}/messages`, {
        method: 'POST',
        headers: auth,
        body: '{"text": ',
      });
      expect(bad.status).toBe(400);
      const huge = await fetch(`${app.url}/api/conversations/${s.body.conversationId}/messages`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ text: 'x'.repeat(40_000) }),
      });
      expect(huge.status).toBe(413);
      const health = await fetch(`${app.url}/healthz`);
      expect(await health.json()).toEqual({ ok: true });
    } finally {
      await app.close();
    }
  });

  it('refuses API calls from an origin that is not allowed', async () => {
    const app = await startTestApp(db, { config: { allowedOrigins: ['https://shop.example'] } });
    try {
      const denied = await fetch(`${app.url}/api/sessions`, {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
        body: '{}',
      });
      expect(denied.status).toBe(403);
      const allowed = await fetch(`${app.url}/api/sessions`, {
        method: 'POST',
        headers: { origin: 'https://shop.example', 'content-type': 'application/json' },
        body: '{}',
      });
      expect(allowed.status).toBe(201);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    } finally {
      await app.close();
    }
  });
});
