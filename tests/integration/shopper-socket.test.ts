import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
  settledEvents,
  signedIn,
  startTestApp,
  TEST_CONFIG,
  waitFor,
} from '../helpers/test-app.js';

const script = createChatScript();
const mock = setupOpenAIMockServer(script.handler);

let db: Database;
let app: Awaited<ReturnType<typeof startTestApp>>;

beforeAll(async () => {
  mock.listen(LOCAL_SERVER_ONLY);
  db = await openTestDatabase('pglite');
  await seedTestShop(db);
  app = await startTestApp(db, { model: mswModel() });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  mock.close();
});
afterEach(() => expect(script.pending).toBe(0));

const completed = (events: ConversationEvent[]) => events.filter((e) => e.type === 'message.completed');
const seqs = (events: ConversationEvent[]) => events.map((e) => e.seq);
const gapless = (events: ConversationEvent[]) => seqs(events).every((s, i, all) => i === 0 || s === all[i - 1] + 1);

describe('shopper socket', () => {
  it('streams a reply in order with gapless sequence numbers, stored before the model is called', async () => {
    const s = await newSession(app.url);
    const { socket, events } = await connectShopper(app.url, s.body.token);
    const join = await request<{ events: ConversationEvent[] }>(socket, 'conversation:join', {
      conversationId: s.body.conversationId,
      afterSeq: 0,
    });
    expect(join.ok).toBe(true);
    script.reply(async () => {
      const stored = await db.query<{ content: string }>(
        "SELECT content FROM messages WHERE role = 'user' AND conversation_id = $1",
        [s.body.conversationId],
      );
      expect(stored.rows.map((r) => r.content)).toEqual(['hello there']);
      return streamReply({ text: 'Hi! How can I help you today?' }, { delayMs: 5 });
    });
    const ack = await request(socket, 'message:send', {
      conversationId: s.body.conversationId,
      clientMessageId: 'client-msg-0001',
      text: 'hello there',
    });
    expect(ack.ok).toBe(true);
    await waitFor(() => completed(events).length === 1);
    expect(
      events.map((e) => e.type).filter((t, i, a) => t !== 'message.delta' || a[i - 1] !== 'message.delta'),
    ).toEqual(['message.created', 'message.started', 'message.delta', 'message.completed']);
    expect(gapless(events)).toBe(true);
    const text = events
      .filter((e) => e.type === 'message.delta')
      .map((e) => (e.type === 'message.delta' ? e.text : ''))
      .join('');
    expect(text).toBe('Hi! How can I help you today?');
    socket.close();
  });

  it('queues a message sent while the assistant is answering, and answers both in order', async () => {
    const s = await newSession(app.url);
    const { socket, events } = await connectShopper(app.url, s.body.token);
    await request(socket, 'conversation:join', { conversationId: s.body.conversationId, afterSeq: 0 });
    script.reply(
      streamReply({ text: 'first answer is slow' }, { delayMs: 30 }),
      streamReply({ text: 'second answer' }),
    );
    const id = s.body.conversationId;
    await request(socket, 'message:send', { conversationId: id, clientMessageId: 'queue-msg-1', text: 'one' });
    const second = await request<{ queued: boolean }>(socket, 'message:send', {
      conversationId: id,
      clientMessageId: 'queue-msg-2',
      text: 'two',
    });
    expect(second.data?.queued).toBe(true);
    await waitFor(() => completed(events).length === 2);
    expect(completed(events).map((e) => (e.type === 'message.completed' ? e.text : ''))).toEqual([
      'first answer is slow',
      'second answer',
    ]);
    expect(
      script.requests[script.requests.length - 1].messages
        .filter((m: { role: string }) => m.role === 'user')
        .map((m: { content: string }) => m.content),
    ).toEqual(['one', 'two']);
    socket.close();
  });

  it('stores a message sent twice with the same client id once', async () => {
    const s = await newSession(app.url);
    const { socket, events } = await connectShopper(app.url, s.body.token);
    await request(socket, 'conversation:join', { conversationId: s.body.conversationId, afterSeq: 0 });
    script.reply(streamReply({ text: 'once' }));
    const a = await request<{ seq: number }>(socket, 'message:send', {
      conversationId: s.body.conversationId,
      clientMessageId: 'dup-msg-01',
      text: 'hi',
    });
    const b = await request<{ seq: number }>(socket, 'message:send', {
      conversationId: s.body.conversationId,
      clientMessageId: 'dup-msg-01',
      text: 'hi',
    });
    expect(b.data?.seq).toBe(a.data?.seq);
    await waitFor(() => completed(events).length === 1);
    expect(events.filter((e) => e.type === 'message.created')).toHaveLength(1);
    socket.close();
  });

  it('stops a running answer', async () => {
    const s = await newSession(app.url);
    const { socket, events } = await connectShopper(app.url, s.body.token);
    await request(socket, 'conversation:join', { conversationId: s.body.conversationId, afterSeq: 0 });
    script.reply(streamReply({ text: 'a b c d e f g h i j k l m n o p q r s t u v w x y z' }, { delayMs: 40 }));
    await request(socket, 'message:send', {
      conversationId: s.body.conversationId,
      clientMessageId: 'stop-msg-01',
      text: 'tell me a long story',
    });
    await waitFor(() => events.some((e) => e.type === 'message.delta'));
    const stop = await request<{ stopped: boolean }>(socket, 'turn:stop', { conversationId: s.body.conversationId });
    expect(stop.data?.stopped).toBe(true);
    const done = await waitFor(() => completed(events)[0]);
    expect(done.type === 'message.completed' && done.text.length).toBeLessThan(40);
    // Once the turn has ended, the socket has had every stored event, and nothing after them.
    const stored = await settledEvents(db, s.body.conversationId);
    await waitFor(() => events.length >= stored.length);
    expect(seqs(events)).toEqual(stored.map((e) => e.seq));
    socket.close();
  });

  it('replays what a client missed while disconnected mid-stream, exactly once', async () => {
    const s = await newSession(app.url);
    const first = await connectShopper(app.url, s.body.token);
    await request(first.socket, 'conversation:join', { conversationId: s.body.conversationId, afterSeq: 0 });
    script.reply(streamReply({ text: 'one two three four five six seven eight nine ten' }, { delayMs: 25 }));
    await request(first.socket, 'message:send', {
      conversationId: s.body.conversationId,
      clientMessageId: 'replay-msg-1',
      text: 'count',
    });
    await waitFor(() => first.events.some((e) => e.type === 'message.delta'));
    first.socket.close();
    const lastSeq = first.events[first.events.length - 1].seq;
    // The answer ends while the client is away.
    await settledEvents(db, s.body.conversationId);
    const second = await connectShopper(app.url, s.body.token);
    const join = await request<{ events: ConversationEvent[] }>(second.socket, 'conversation:join', {
      conversationId: s.body.conversationId,
      afterSeq: lastSeq,
    });
    const all = [
      ...first.events,
      ...join.data!.events,
      ...second.events.filter((e) => e.seq > (join.data!.events.at(-1)?.seq ?? lastSeq)),
    ];
    await waitFor(() => completed([...all, ...second.events]).length >= 1);
    const merged = [...new Map([...all, ...second.events].map((e) => [e.seq, e])).values()].sort(
      (a, b) => a.seq - b.seq,
    );
    expect(gapless(merged)).toBe(true);
    expect(merged[0].seq).toBe(1);
    const text = merged
      .filter((e) => e.type === 'message.delta')
      .map((e) => (e.type === 'message.delta' ? e.text : ''))
      .join('');
    expect(text).toBe('one two three four five six seven eight nine ten');
    second.socket.close();
  });

  it('shows the same conversation live in two tabs of one session', async () => {
    const s = await newSession(app.url);
    const tab1 = await connectShopper(app.url, s.body.token);
    const tab2 = await connectShopper(app.url, s.body.token);
    await request(tab1.socket, 'conversation:join', { conversationId: s.body.conversationId, afterSeq: 0 });
    await request(tab2.socket, 'conversation:join', { conversationId: s.body.conversationId, afterSeq: 0 });
    script.reply(streamReply({ text: 'seen twice' }));
    await request(tab1.socket, 'message:send', {
      conversationId: s.body.conversationId,
      clientMessageId: 'tabs-msg-01',
      text: 'hi',
    });
    await waitFor(() => completed(tab2.events).length === 1);
    expect(seqs(tab2.events)).toEqual(seqs(tab1.events));
    tab1.socket.close();
    tab2.socket.close();
  });

  it('refuses a wrong identity hash with a clear error, and verifies a right one', async () => {
    const bad = await newSession(app.url, { customerId: 'cus_1', customerHash: 'a'.repeat(64) });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toMatchObject({ code: 'auth:bad_identity' });
    const good = await newSession(app.url, signedIn('cus_1'));
    expect(good.status).toBe(201);
    expect(good.body.customer).toMatchObject({ id: 'cus_1' });
  });

  it('keeps an anonymous conversation when the shopper signs in', async () => {
    const anon = await newSession(app.url);
    const after = await newSession(app.url, { ...signedIn('cus_2'), token: anon.body.token });
    expect(after.body.conversationId).toBe(anon.body.conversationId);
    expect(after.body.customer).toMatchObject({ id: 'cus_2' });
  });

  it('answers malformed events with an error ack and keeps the connection', async () => {
    const s = await newSession(app.url);
    const { socket } = await connectShopper(app.url, s.body.token);
    const bad = await request(socket, 'message:send', { conversationId: s.body.conversationId, text: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'socket:bad_payload' } });
    const long = await request(socket, 'message:send', {
      conversationId: s.body.conversationId,
      clientMessageId: 'long-msg-01',
      text: 'x'.repeat(2_001),
    });
    expect(long.error?.message).toMatch(/2000 characters/);
    const other = await request(socket, 'conversation:join', { conversationId: 'conv_not_mine', afterSeq: 0 });
    expect(other).toMatchObject({ ok: false, error: { code: 'conversation:not_found' } });
    const join = await request(socket, 'conversation:join', { conversationId: s.body.conversationId, afterSeq: 0 });
    expect(join.ok).toBe(true);
    expect(socket.connected).toBe(true);
    socket.close();
  });

  it('refuses a socket without a valid session token', async () => {
    await expect(connectShopper(app.url, 'forged.token')).rejects.toThrow(/session token/);
  });

  it('changes the cart from a card button with no model round trip, and announces it', async () => {
    const s = await newSession(app.url);
    const { socket, events } = await connectShopper(app.url, s.body.token);
    await request(socket, 'conversation:join', { conversationId: s.body.conversationId, afterSeq: 0 });
    const before = script.requests.length;
    const add = await request<{ itemCount: number }>(socket, 'cart:add', { sku: 'RUN-2-42', quantity: 2 });
    expect(add.data?.itemCount).toBe(2);
    const refused = await request(socket, 'cart:add', { sku: 'RUN-2-43', quantity: 1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'cart:out_of_stock' } });
    await waitFor(() => events.some((e) => e.type === 'cart.updated'));
    expect(script.requests.length).toBe(before);
    socket.close();
  });
});

describe('rate limits', () => {
  it('tells a shopper who sends too fast to slow down', async () => {
    const limited = await startTestApp(db, {
      model: mswModel(),
      config: { limits: { ...TEST_CONFIG.limits, messagesPerMinute: 2 } },
    });
    try {
      const s = await newSession(limited.url);
      const { socket } = await connectShopper(limited.url, s.body.token);
      script.reply(streamReply({ text: 'ok' }), streamReply({ text: 'ok' }));
      const acks = [];
      for (let i = 0; i < 3; i++)
        acks.push(
          await request(socket, 'message:send', {
            conversationId: s.body.conversationId,
            clientMessageId: `rate-msg-${i}0`,
            text: `hi ${i}`,
          }),
        );
      expect(acks.map((a) => a.ok)).toEqual([true, true, false]);
      expect(acks[2].error).toMatchObject({ code: 'limits:rate_limited', details: { retryAfterSeconds: 30 } });
      expect(acks[2].error?.message).toMatch(/too many messages/i);
      await waitFor(() => script.pending === 0);
      await settledEvents(db, s.body.conversationId);
      socket.close();
    } finally {
      await limited.close();
    }
  });
});
