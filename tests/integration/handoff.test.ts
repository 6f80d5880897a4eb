import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { ConversationEvent } from '../../src/chat/protocol.js';
import type { ConversationDetail, QueueItem } from '../../src/handoff/agent-protocol.js';
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
  waitFor,
} from '../helpers/test-app.js';
import { agentLogin, ask, connectAgent } from '../helpers/agent-client.js';

const script = createChatScript();
const mock = setupOpenAIMockServer(script.handler);
let db: Database;
let app: Awaited<ReturnType<typeof startTestApp>>;
let alexToken: string;
let samToken: string;

beforeAll(async () => {
  mock.listen(LOCAL_SERVER_ONLY);
  db = await openTestDatabase('pglite');
  await seedTestShop(db);
  app = await startTestApp(db, { model: mswModel() });
  alexToken = (await agentLogin(app.url, 'alex@example.com', 'agent-password-1')).token!;
  samToken = (await agentLogin(app.url, 'sam@example.com', 'agent-password-2')).token!;
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  mock.close();
});

const call = (id: string, name: string, args: object) => ({ id, name, arguments: JSON.stringify(args) });

/** A shopper whose conversation has been handed to the queue by the assistant's request_human. */
async function queuedShopper(body: Record<string, unknown> = {}) {
  const s = await newSession(app.url, body);
  const shopper = await connectShopper(app.url, s.body.token);
  await request(shopper.socket, 'conversation:join', { conversationId: s.body.conversationId, afterSeq: 0 });
  script.reply(
    streamReply({ toolCalls: [call('h1', 'request_human', { reason: 'wants a person', urgency: 'normal' })] }),
    streamReply({ text: 'A colleague will join you here.' }),
  );
  await request(shopper.socket, 'message:send', {
    conversationId: s.body.conversationId,
    clientMessageId: `ask-${Math.random()}`,
    text: 'I want to talk to a person',
  });
  await waitFor(() => shopper.events.some((e) => e.type === 'message.completed'));
  return { ...shopper, id: s.body.conversationId, token: s.body.token };
}

const statusTexts = (events: ConversationEvent[]) =>
  events.flatMap((e) => (e.type === 'status.changed' ? [`${e.status}: ${e.text}`] : []));

describe('handoff to a human agent', () => {
  it('lets exactly one of two agents claim at once; the other is told it is taken', async () => {
    const shopper = await queuedShopper();
    const [alex, sam] = await Promise.all([connectAgent(app.url, alexToken), connectAgent(app.url, samToken)]);
    await waitFor(() =>
      alex.events.some(
        (e) =>
          e.type === 'queue' &&
          e.items.some((i: QueueItem) => i.conversationId === shopper.id && i.status === 'queued'),
      ),
    );
    const [a, b] = await Promise.all([
      ask(alex.socket, 'conversation:claim', { conversationId: shopper.id }),
      ask(sam.socket, 'conversation:claim', { conversationId: shopper.id }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const loser = a.ok ? b : a;
    expect(loser.error).toMatchObject({ code: 'handoff:already_taken' });
    expect(loser.error!.message).toMatch(/Already taken by (Alex|Sam)/);
    // The winner's name beside the English message, for the console to say it in the agent's language.
    expect(loser.error!.details).toEqual({ agentName: a.ok ? 'Alex' : 'Sam' });
    await waitFor(() => statusTexts(shopper.events).some((t) => /^human: (Alex|Sam) joined/.test(t)));
    expect(statusTexts(shopper.events)[0]).toMatch(/^queued: You're in the queue \(about \d+ min\)/);
    [alex, sam, shopper].forEach((c) => c.socket.close());
  });

  it('keeps the assistant silent while a human owns the conversation, discarding a reply in flight at takeover', async () => {
    const s = await newSession(app.url);
    const shopper = await connectShopper(app.url, s.body.token);
    await request(shopper.socket, 'conversation:join', { conversationId: s.body.conversationId, afterSeq: 0 });
    const alex = await connectAgent(app.url, alexToken);
    script.reply(
      streamReply({ text: 'This slow answer must never reach the shopper after takeover' }, { delayMs: 60 }),
    );
    await request(shopper.socket, 'message:send', {
      conversationId: s.body.conversationId,
      clientMessageId: 'inflight-01',
      text: 'hello?',
    });
    await waitFor(() => shopper.events.some((e) => e.type === 'message.delta'));
    const claim = await ask(alex.socket, 'conversation:claim', { conversationId: s.body.conversationId });
    expect(claim.ok).toBe(true);
    // The discarded turn has ended: whatever it would still have written is gone for good.
    await settledEvents(db, s.body.conversationId);
    const afterClaim = shopper.events.slice(
      shopper.events.findIndex((e) => e.type === 'status.changed' && e.status === 'human'),
    );
    expect(afterClaim.filter((e) => e.type === 'message.delta' || e.type === 'message.completed')).toEqual([]);

    const before = script.requests.length;
    await request(shopper.socket, 'message:send', {
      conversationId: s.body.conversationId,
      clientMessageId: 'inflight-02',
      text: 'are you a human?',
    });
    await ask(alex.socket, 'message:send', {
      conversationId: s.body.conversationId,
      text: 'Yes, I am Alex. How can I help?',
    });
    await waitFor(() => shopper.events.some((e) => e.type === 'message.created' && e.role === 'agent'));
    // The shopper's message was stored without a turn for the assistant, so none ran.
    await settledEvents(db, s.body.conversationId);
    expect(script.requests.length).toBe(before);
    expect(shopper.events.filter((e) => e.type === 'message.started').length).toBe(1);

    // Hand back: the assistant answers again.
    const back = await ask(alex.socket, 'conversation:release', { conversationId: s.body.conversationId });
    expect(back.ok).toBe(true);
    await waitFor(() => statusTexts(shopper.events).some((t) => t === 'bot: Alex left — the assistant is back.'));
    script.reply(streamReply({ text: 'Back again!' }));
    await request(shopper.socket, 'message:send', {
      conversationId: s.body.conversationId,
      clientMessageId: 'inflight-03',
      text: 'thanks',
    });
    await waitFor(() => shopper.events.some((e) => e.type === 'message.completed' && e.text === 'Back again!'));
    // The agent's reply reached the model as history, marked as a human's.
    expect(JSON.stringify(script.requests.at(-1)!.messages)).toMatch(/human support agent replied\] Yes, I am Alex/);
    alex.socket.close();
    shopper.socket.close();
  });

  it('closes with a resolution, stores the CSAT rating for the 360 view, and reopens when the shopper writes', async () => {
    const shopper = await queuedShopper(signedIn('cus_1'));
    const alex = await connectAgent(app.url, alexToken);
    await ask(alex.socket, 'conversation:claim', { conversationId: shopper.id });
    const closed = await ask(alex.socket, 'conversation:close', {
      conversationId: shopper.id,
      resolution: 'Answered sizing question',
    });
    expect(closed.data).toEqual({ status: 'closed' });
    await waitFor(() => shopper.events.some((e) => e.type === 'status.changed' && e.status === 'closed'));
    const rated = await request(shopper.socket, 'conversation:rate', {
      conversationId: shopper.id,
      rating: 5,
      comment: 'Quick and kind',
    });
    expect(rated.ok).toBe(true);
    const detail = await ask<ConversationDetail>(alex.socket, 'conversation:open', {
      conversationId: shopper.id,
      afterSeq: 0,
    });
    const past = detail.data!.customer!.pastConversations.find((c) => c.conversationId === shopper.id);
    expect(past).toMatchObject({
      status: 'closed',
      resolution: 'Answered sizing question',
      csat: { rating: 5, comment: 'Quick and kind' },
    });
    expect(detail.data!.customer!.profile).toMatchObject({ id: 'cus_1', lifetimeValue: { formatted: '€89.00' } });
    expect(detail.data!.customer!.orders[0]).toMatchObject({ id: 'AP-1001', tracking: { number: 'JD0001' } });

    script.reply(streamReply({ text: 'Welcome back!' }));
    await request(shopper.socket, 'message:send', {
      conversationId: shopper.id,
      clientMessageId: 'reopen-01',
      text: 'one more question',
    });
    await waitFor(() => shopper.events.some((e) => e.type === 'message.completed' && e.text === 'Welcome back!'));
    expect(statusTexts(shopper.events).at(-1)).toBe('bot: The assistant is back.');
    alex.socket.close();
    shopper.socket.close();
  });

  it('shows a full handoff packet: summary, identity, cart, products shown, policies cited, tool trace', async () => {
    const s = await newSession(app.url, signedIn('cus_2'));
    const shopper = await connectShopper(app.url, s.body.token);
    await request(shopper.socket, 'conversation:join', { conversationId: s.body.conversationId, afterSeq: 0 });
    script.reply(
      streamReply({
        toolCalls: [
          call('p1', 'search_products', { query: 'running shoes' }),
          call('p2', 'search_policies', { query: 'returns' }),
        ],
      }),
      streamReply({ text: 'Here are some shoes; returns are free within 30 days (Returns policy).' }),
      streamReply({ toolCalls: [call('p3', 'request_human', { reason: 'sizing advice', urgency: 'high' })] }),
      streamReply({ text: 'Connecting you.' }),
      // The summary the model writes for the packet.
      streamReply({ text: 'Shopper wants running shoes and asked about returns; needs sizing advice.' }),
    );
    await request(shopper.socket, 'message:send', {
      conversationId: s.body.conversationId,
      clientMessageId: 'packet-01',
      text: 'running shoes and returns?',
    });
    await waitFor(() => shopper.events.filter((e) => e.type === 'message.completed').length === 1);
    await request(shopper.socket, 'message:send', {
      conversationId: s.body.conversationId,
      clientMessageId: 'packet-02',
      text: 'a person please',
    });
    await waitFor(() => shopper.events.filter((e) => e.type === 'message.completed').length === 2);
    await request(shopper.socket, 'cart:add', { sku: 'SOCK-1', quantity: 1 });
    const alex = await connectAgent(app.url, alexToken);
    const d = (
      await ask<ConversationDetail>(alex.socket, 'conversation:open', {
        conversationId: s.body.conversationId,
        afterSeq: 0,
      })
    ).data!;
    expect(d.packet.summary).toBe('Shopper wants running shoes and asked about returns; needs sizing advice.');
    expect(d.packet.summarySource).toBe('model');
    expect(d.packet.identity).toMatchObject({ verified: true, customerId: 'cus_2', name: 'Bo Claes' });
    expect(d.packet.cart.items.map((i) => i.sku)).toEqual(['SOCK-1']);
    expect(d.packet.productsShown.map((p) => p.handle)).toContain('runner-1');
    expect(d.packet.policiesCited[0]).toMatchObject({ title: 'Returns policy' });
    expect(d.packet.toolTrace.map((t) => t.name)).toEqual(['search_products', 'search_policies', 'request_human']);
    expect(d.packet).toMatchObject({ reason: 'sizing advice', urgency: 'high' });
    alex.socket.close();
    shopper.socket.close();
  });

  it('resyncs a reconnecting console: current queue and the colleague replies it missed', async () => {
    const shopper = await queuedShopper();
    const sam = await connectAgent(app.url, samToken);
    await ask(sam.socket, 'conversation:claim', { conversationId: shopper.id });
    const alex = await connectAgent(app.url, alexToken);
    const opened = await ask<ConversationDetail>(alex.socket, 'conversation:open', {
      conversationId: shopper.id,
      afterSeq: 0,
    });
    const lastSeen = opened.data!.lastSeq;
    alex.socket.close();
    await ask(sam.socket, 'message:send', { conversationId: shopper.id, text: 'Reply sent while Alex was offline' });
    await ask(sam.socket, 'conversation:release', { conversationId: shopper.id });
    const again = await connectAgent(app.url, alexToken);
    const snapshot = await waitFor(() => again.events.find((e) => e.type === 'queue'));
    const item = snapshot.type === 'queue' && snapshot.items.find((i) => i.conversationId === shopper.id);
    expect(item && item.status).toBe('bot');
    const missed = await ask<ConversationDetail>(again.socket, 'conversation:open', {
      conversationId: shopper.id,
      afterSeq: lastSeen,
    });
    const texts = missed.data!.events.map((e) =>
      e.type === 'message.created' || e.type === 'status.changed' ? e.text : e.type,
    );
    expect(texts).toEqual(['Reply sent while Alex was offline', 'Sam left — the assistant is back.']);
    expect(missed.data!.events[0].seq).toBe(lastSeen + 1);
    [sam, again, shopper].forEach((c) => c.socket.close());
  });

  it('loses no cart update when shopper, assistant and agent change the cart at once', async () => {
    const shopper = await queuedShopper();
    const alex = await connectAgent(app.url, alexToken);
    await ask(alex.socket, 'conversation:claim', { conversationId: shopper.id });
    await ask(alex.socket, 'conversation:release', { conversationId: shopper.id });
    script.reply(
      streamReply({ toolCalls: [call('k1', 'add_to_cart', { sku: 'SOCK-1', quantity: 2 })] }),
      streamReply({ text: 'Added two pairs.' }),
    );
    await Promise.all([
      request(shopper.socket, 'message:send', {
        conversationId: shopper.id,
        clientMessageId: 'cart-race-1',
        text: 'add two socks',
      }),
      ...Array.from({ length: 3 }, () => request(shopper.socket, 'cart:add', { sku: 'SOCK-1', quantity: 1 })),
      ask(alex.socket, 'cart:set', { conversationId: shopper.id, sku: 'RUN-1-41', quantity: 1 }),
    ]);
    await waitFor(() => shopper.events.some((e) => e.type === 'message.completed' && e.text === 'Added two pairs.'));
    const r = await db.query<{ sku: string; quantity: number }>(
      `SELECT ci.sku, ci.quantity FROM cart_items ci JOIN conversations c ON c.cart_id = ci.cart_id WHERE c.id = $1 ORDER BY ci.sku`,
      [shopper.id],
    );
    expect(r.rows).toEqual([
      { sku: 'RUN-1-41', quantity: 1 },
      { sku: 'SOCK-1', quantity: 5 },
    ]);
    const actors = await db.query<{ actor: string }>(
      `SELECT DISTINCT e.actor FROM cart_events e JOIN conversations c ON c.cart_id = e.cart_id WHERE c.id = $1 ORDER BY 1`,
      [shopper.id],
    );
    expect(actors.rows.map((a) => a.actor)).toEqual(['agent', 'assistant', 'shopper']);
    const lastCart = shopper.events.filter((e) => e.type === 'cart.updated').at(-1);
    expect(lastCart?.type === 'cart.updated' && lastCart.cart.itemCount).toBe(6);
    alex.socket.close();
    shopper.socket.close();
  });

  it('holds a cart change over the threshold for approval; the agent approves with an edit', async () => {
    const s = await newSession(app.url);
    const shopper = await connectShopper(app.url, s.body.token);
    await request(shopper.socket, 'conversation:join', { conversationId: s.body.conversationId, afterSeq: 0 });
    const alex = await connectAgent(app.url, alexToken);
    await ask(alex.socket, 'conversation:open', { conversationId: s.body.conversationId, afterSeq: 0 });
    script.reply(
      streamReply({ toolCalls: [call('a1', 'add_to_cart', { sku: 'SOCK-1', quantity: 8 })] }),
      streamReply({ text: 'That needs a quick approval from the team.' }),
    );
    await request(shopper.socket, 'message:send', {
      conversationId: s.body.conversationId,
      clientMessageId: 'approve-01',
      text: 'add 8 pairs of socks',
    });
    await waitFor(() => shopper.events.some((e) => e.type === 'message.completed'));
    const toolMsg = JSON.stringify(script.requests.at(-1)!.messages.find((m: { role: string }) => m.role === 'tool'));
    expect(toolMsg).toMatch(/pending_approval/);
    const pushed = await waitFor(() => alex.events.find((e) => e.type === 'approval'));
    const approval = pushed.type === 'approval' ? pushed.approval : null;
    expect(approval).toMatchObject({ status: 'pending', request: { sku: 'SOCK-1', quantity: 8 } });
    const decided = await ask(alex.socket, 'approval:decide', {
      approvalId: approval!.id,
      decision: 'approve',
      quantity: 6,
    });
    expect(decided.data).toMatchObject({ status: 'approved', request: { quantity: 6 } });
    await waitFor(() =>
      shopper.events.some(
        (e) => e.type === 'message.created' && e.role === 'system' && /approved: 6 × Merino Running Socks/.test(e.text),
      ),
    );
    const twice = await ask(alex.socket, 'approval:decide', { approvalId: approval!.id, decision: 'reject' });
    expect(twice.error).toMatchObject({ code: 'approval:decided' });
    alex.socket.close();
    shopper.socket.close();
  });

  it('translates a shopper message for the agent and a draft for the shopper, by the configured model', async () => {
    const shopper = await queuedShopper();
    const alex = await connectAgent(app.url, alexToken);
    const opened = await ask<ConversationDetail>(alex.socket, 'conversation:open', {
      conversationId: shopper.id,
      afterSeq: 0,
    });
    expect(opened.data!.translation).toBe(true);
    const before = script.requests.length;
    script.reply(streamReply({ text: 'I want a warm jacket under 200 euros' }));
    const inbound = await ask<{ text: string; to: string }>(alex.socket, 'text:translate', {
      conversationId: shopper.id,
      text: 'یک کاپشن گرم زیر ۲۰۰ یورو می‌خوام',
      to: 'en',
    });
    expect(inbound).toMatchObject({ ok: true, data: { text: 'I want a warm jacket under 200 euros', to: 'en' } });
    const sent = script.requests[before];
    expect(sent.messages[0].content).toMatch(/^Translate the text the user sends into English\./);
    expect(sent.messages[1]).toMatchObject({ role: 'user', content: 'یک کاپشن گرم زیر ۲۰۰ یورو می‌خوام' });
    expect(sent.tools ?? []).toEqual([]);
    // The same text again comes from the cache: the model is not asked twice.
    const again = await ask<{ text: string }>(alex.socket, 'text:translate', {
      conversationId: shopper.id,
      text: 'یک کاپشن گرم زیر ۲۰۰ یورو می‌خوام',
      to: 'en',
    });
    expect(again.data!.text).toBe('I want a warm jacket under 200 euros');
    expect(script.requests).toHaveLength(before + 1);
    // A model that answers nothing is an error the agent sees, not an empty translation.
    script.reply(streamReply({ text: '  ' }));
    const empty = await ask(alex.socket, 'text:translate', { conversationId: shopper.id, text: 'Hallo', to: 'fa' });
    expect(empty.error).toMatchObject({ code: 'translate:failed' });
    const badLanguage = await ask(alex.socket, 'text:translate', { conversationId: shopper.id, text: 'hi', to: 'xx' });
    expect(badLanguage.ok).toBe(false);
    expect(badLanguage.error!.message).toMatch(/to/);
    const unknown = await ask(alex.socket, 'text:translate', { conversationId: 'nope', text: 'hi', to: 'fa' });
    expect(unknown.error).toMatchObject({ code: 'conversation:not_found' });
    alex.socket.close();
    shopper.socket.close();
  });

  it('refuses unauthenticated agent sockets and shopper tokens on agent endpoints', async () => {
    await expect(connectAgent(app.url, undefined)).rejects.toThrow(/Log in/);
    const s = await newSession(app.url);
    await expect(connectAgent(app.url, s.body.token)).rejects.toThrow(/Log in/);
    const res = await fetch(`${app.url}/api/agent/queue`, { headers: { authorization: `Bearer ${s.body.token}` } });
    expect(res.status).toBe(401);
    const bad = await agentLogin(app.url, 'alex@example.com', 'wrong-password');
    expect(bad).toMatchObject({ status: 401, error: { code: 'auth:bad_login' } });
  });

  it('offers the same flow over REST for integrations', async () => {
    const shopper = await queuedShopper();
    const auth = { authorization: `Bearer ${alexToken}`, 'content-type': 'application/json' };
    const queue = await (await fetch(`${app.url}/api/agent/queue`, { headers: auth })).json();
    expect(queue.items.find((i: QueueItem) => i.conversationId === shopper.id)).toMatchObject({
      status: 'queued',
      reason: 'wants a person',
    });
    const claim = await fetch(`${app.url}/api/agent/conversations/${shopper.id}/claim`, {
      method: 'POST',
      headers: auth,
    });
    expect(await claim.json()).toMatchObject({ status: 'human', assignedAgent: 'alex@example.com' });
    const samClaim = await fetch(`${app.url}/api/agent/conversations/${shopper.id}/claim`, {
      method: 'POST',
      headers: { authorization: `Bearer ${samToken}` },
    });
    expect(samClaim.status).toBe(409);
    await fetch(`${app.url}/api/agent/conversations/${shopper.id}/notes`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ text: 'VIP, be nice' }),
    });
    await fetch(`${app.url}/api/agent/conversations/${shopper.id}/messages`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ text: 'Hello from REST' }),
    });
    const cart = await fetch(`${app.url}/api/agent/conversations/${shopper.id}/cart/items`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ sku: 'MUG-X', quantity: 2 }),
    });
    expect((await cart.json()).itemCount).toBe(2);
    // The shopper's channel API shows the agent's reply and no note.
    const shopperView = await (
      await fetch(`${app.url}/api/conversations/${shopper.id}/messages?after=0`, {
        headers: { authorization: `Bearer ${shopper.token}` },
      })
    ).json();
    expect(shopperView.status).toBe('human');
    expect(shopperView.messages.map((m: { text: string }) => m.text)).toContain('Hello from REST');
    expect(JSON.stringify(shopperView)).not.toMatch(/VIP/);
    const close = await fetch(`${app.url}/api/agent/conversations/${shopper.id}/close`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ resolution: 'done' }),
    });
    expect((await close.json()).status).toBe('closed');
    shopper.socket.close();
  });
});
