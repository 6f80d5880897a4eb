import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEvent, PendingActionPayload } from '../../src/chat/protocol.js';
import type { Database } from '../../src/db/database.js';
import type { Approval, ConversationDetail, OrderActionView } from '../../src/handoff/agent-protocol.js';
import { createChatScript, LOCAL_SERVER_ONLY, setupOpenAIMockServer, streamReply } from '../msw/openai-chat.js';
import { openTestDatabase } from '../helpers/test-database.js';
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
import { agentLogin, ask, connectAgent } from '../helpers/agent-client.js';

const script = createChatScript();
const mock = setupOpenAIMockServer(script.handler);
let db: Database;
let app: Awaited<ReturnType<typeof startTestApp>>;
let alexToken: string;
let orderNo = 0;

beforeAll(async () => {
  mock.listen(LOCAL_SERVER_ONLY);
  db = await openTestDatabase('pglite');
  await seedTestShop(db);
  await db.query(
    `INSERT INTO payment_methods (customer_id, id, kind, brand, last4) VALUES ('cus_1', 'card_1', 'credit_card', 'Visa', '4242')`,
  );
  // TEST_CONFIG holds refunds above €500 for a person.
  app = await startTestApp(db, { model: mswModel() });
  alexToken = (await agentLogin(app.url, 'alex@example.com', 'agent-password-1')).token!;
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  mock.close();
});

/** A pending order of cus_1 (or another customer), paid by card, worth `unitMinor` × 3. */
async function order(opts: { unitMinor?: number; status?: string; customerId?: string } = {}): Promise<string> {
  const id = `CO-3${String(++orderNo).padStart(4, '0')}`;
  const unit = opts.unitMinor ?? 1500;
  await db.query(
    `INSERT INTO orders (id, customer_id, status, placed_at, currency, subtotal_minor, total_minor, content_hash)
     VALUES ($1, $2, $3, now(), 'EUR', $4, $4, 'test')`,
    [id, opts.customerId ?? 'cus_1', opts.status ?? 'pending', unit * 3],
  );
  await db.query(
    `INSERT INTO order_lines (order_id, line_no, sku, title, quantity, unit_price_minor) VALUES ($1, 1, 'SOCK-1', 'Merino Running Socks', 3, $2)`,
    [id, unit],
  );
  await db.query(
    `INSERT INTO order_payments (order_id, seq, kind, amount_minor, currency, payment_method_id) VALUES ($1, 1, 'payment', $2, 'EUR', 'card_1')`,
    [id, unit * 3],
  );
  return id;
}

const statusOf = async (id: string) =>
  (await db.query<{ status: string }>('SELECT status FROM orders WHERE id = $1', [id])).rows[0].status;
const refundsOf = async (id: string) =>
  (
    await db.query<{ amount_minor: number }>(
      `SELECT amount_minor FROM order_payments WHERE order_id = $1 AND kind = 'refund'`,
      [id],
    )
  ).rows;
const eventsOf = async (id: string) =>
  (
    await db.query<{ actor: string; actor_id: string }>(
      'SELECT actor, actor_id FROM order_events WHERE order_id = $1',
      [id],
    )
  ).rows;

/** A signed-in shopper who asked the assistant to cancel `orderId` and confirmed the card. */
async function shopperConfirmsCancel(orderId: string) {
  const s = await newSession(app.url, signedIn('cus_1'));
  const shopper = await connectShopper(app.url, s.body.token);
  const conversationId = s.body.conversationId;
  await request(shopper.socket, 'conversation:join', { conversationId });
  script.reply(
    streamReply({
      toolCalls: [
        { id: 'c1', name: 'cancel_order', arguments: JSON.stringify({ orderId, reason: 'no longer needed' }) },
      ],
    }),
    streamReply({ text: 'Here is the cancellation: please confirm.' }),
  );
  await request(shopper.socket, 'message:send', {
    conversationId,
    clientMessageId: `cancel-${orderId}`,
    text: `cancel order ${orderId}`,
  });
  const asked = await waitFor(() =>
    shopper.events.find(
      (e): e is Extract<ConversationEvent, { type: 'message.completed' }> =>
        e.type === 'message.completed' && !!e.pendingAction,
    ),
  );
  const actionId = asked.pendingAction!.id;
  const confirmed = await request<PendingActionPayload>(shopper.socket, 'action:confirm', { conversationId, actionId });
  return { ...shopper, conversationId, actionId, confirmed };
}

const systemSaid = (events: ConversationEvent[], pattern: RegExp) =>
  events.find((e) => e.type === 'message.created' && e.role === 'system' && pattern.test(e.text));

describe('order changes refunding more than the threshold wait for a person', () => {
  it('holds the confirmed change for approval, and the approving agent runs it once', async () => {
    const orderId = await order({ unitMinor: 25_000 });
    const alex = await connectAgent(app.url, alexToken);
    const shopper = await shopperConfirmsCancel(orderId);
    await ask(alex.socket, 'conversation:open', { conversationId: shopper.conversationId, afterSeq: 0 });

    expect(shopper.confirmed.data).toMatchObject({ status: 'awaiting_approval' });
    expect(await statusOf(orderId)).toBe('pending');
    await waitFor(() =>
      shopper.events.find((e) => e.type === 'message.completed' && /needs a person's approval/.test(e.text)),
    );
    // The plain yes does not run a held change either.
    expect(
      (
        await request(shopper.socket, 'action:confirm', {
          conversationId: shopper.conversationId,
          actionId: shopper.actionId,
        })
      ).data,
    ).toMatchObject({ status: 'awaiting_approval' });

    const detail = await ask<ConversationDetail>(alex.socket, 'conversation:open', {
      conversationId: shopper.conversationId,
      afterSeq: 0,
    });
    const held = detail.data!.approvals.find((a) => a.kind === 'order')!;
    expect(held).toMatchObject({
      status: 'pending',
      tool: 'cancel_order',
      request: { actionId: shopper.actionId, orderId, refundValue: { formatted: '€750.00' } },
    });
    expect(held.reason).toContain('€750.00 is over €500.00');

    const payload = { approvalId: held.id, decision: 'approve' };
    const [first, second] = await Promise.all([
      ask<Approval>(alex.socket, 'approval:decide', payload),
      ask<Approval>(alex.socket, 'approval:decide', payload),
    ]);
    const [won, lost] = first.ok ? [first, second] : [second, first];
    expect(won.data).toMatchObject({
      status: 'approved',
      decidedBy: 'alex@example.com',
      request: { actionStatus: 'done' },
    });
    expect(lost.error).toMatchObject({ code: 'approval:decided' });
    expect(await statusOf(orderId)).toBe('cancelled');
    expect(await refundsOf(orderId)).toEqual([{ amount_minor: 75_000 }]);
    expect(await eventsOf(orderId)).toEqual([{ actor: 'agent', actor_id: 'alex@example.com' }]);

    await waitFor(() => shopper.events.find((e) => e.type === 'action.updated' && e.action.status === 'done'));
    await waitFor(() => systemSaid(shopper.events, /approved: Order .* is cancelled/));
    const again = await request<PendingActionPayload>(shopper.socket, 'action:confirm', {
      conversationId: shopper.conversationId,
      actionId: shopper.actionId,
    });
    expect(again.data).toMatchObject({ status: 'done' });
    expect(await refundsOf(orderId)).toHaveLength(1);
    alex.socket.close();
    shopper.socket.close();
  });

  it('closes the change on rejection with the agent’s reason, and tells the shopper', async () => {
    const orderId = await order({ unitMinor: 25_000 });
    const alex = await connectAgent(app.url, alexToken);
    const shopper = await shopperConfirmsCancel(orderId);
    const detail = await ask<ConversationDetail>(alex.socket, 'conversation:open', {
      conversationId: shopper.conversationId,
      afterSeq: 0,
    });
    const held = detail.data!.approvals.find((a) => a.kind === 'order');
    const noReason = await ask(alex.socket, 'approval:decide', { approvalId: held!.id, decision: 'reject' });
    expect(noReason.error).toMatchObject({ code: 'approval:note_required' });
    const rejected = await ask<Approval>(alex.socket, 'approval:decide', {
      approvalId: held!.id,
      decision: 'reject',
      note: 'the parcel has already left our warehouse',
    });
    expect(rejected.data).toMatchObject({ status: 'rejected', note: 'the parcel has already left our warehouse' });
    expect(await statusOf(orderId)).toBe('pending');
    expect(await refundsOf(orderId)).toEqual([]);

    const closed = await waitFor(() =>
      shopper.events.find(
        (e): e is Extract<ConversationEvent, { type: 'action.updated' }> =>
          e.type === 'action.updated' && e.action.status === 'refused',
      ),
    );
    expect(closed.action.outcome).toContain('did not approve this change: the parcel has already left our warehouse');
    await waitFor(() => systemSaid(shopper.events, /the parcel has already left our warehouse/));
    alex.socket.close();
    shopper.socket.close();
  });

  it('runs a change under the threshold at once, with no approval', async () => {
    const orderId = await order();
    const shopper = await shopperConfirmsCancel(orderId);
    expect(shopper.confirmed.data).toMatchObject({ status: 'done' });
    expect(await statusOf(orderId)).toBe('cancelled');
    shopper.socket.close();
  });
});

describe('agents change orders from the console, under the same rules', () => {
  async function signedInConversation(customer: Record<string, unknown> = signedIn('cus_1')) {
    const s = await newSession(app.url, customer);
    return s.body.conversationId as string;
  }

  it('cancels a pending order in two steps, as the agent, and tells the shopper', async () => {
    const orderId = await order({ unitMinor: 25_000 });
    const s = await newSession(app.url, signedIn('cus_1'));
    const shopper = await connectShopper(app.url, s.body.token);
    const conversationId = s.body.conversationId;
    await request(shopper.socket, 'conversation:join', { conversationId });
    const alex = await connectAgent(app.url, alexToken);

    const prepared = await ask<OrderActionView>(alex.socket, 'order:prepare', {
      conversationId,
      change: { kind: 'cancel_order', orderId, reason: 'ordered by mistake' },
    });
    expect(prepared.data).toMatchObject({ status: 'pending', preparedBy: 'alex@example.com' });
    expect(prepared.data!.summary).toContain('Refund €750.00 to Visa ending 4242');
    expect(await statusOf(orderId)).toBe('pending');
    // The agent's change is not the shopper's to confirm.
    const byShopper = await request(shopper.socket, 'action:confirm', { conversationId, actionId: prepared.data!.id });
    expect(byShopper.error).toMatchObject({ code: 'action:not_found' });

    const done = await ask<OrderActionView>(alex.socket, 'order:execute', {
      conversationId,
      actionId: prepared.data!.id,
    });
    expect(done.data).toMatchObject({ status: 'done', outcome: expect.stringContaining('is cancelled') });
    expect(await statusOf(orderId)).toBe('cancelled');
    expect(await eventsOf(orderId)).toEqual([{ actor: 'agent', actor_id: 'alex@example.com' }]);
    const twice = await ask<OrderActionView>(alex.socket, 'order:execute', {
      conversationId,
      actionId: prepared.data!.id,
    });
    expect(twice.data).toMatchObject({ status: 'done' });
    expect(await refundsOf(orderId)).toHaveLength(1);
    await waitFor(() => systemSaid(shopper.events, /^Alex.*: Order .* is cancelled/));

    const detail = await ask<ConversationDetail>(alex.socket, 'conversation:open', { conversationId, afterSeq: 0 });
    expect(detail.data!.orderActions).toMatchObject([{ id: prepared.data!.id, status: 'done' }]);
    const shown = detail.data!.customer!.orders.find((o) => o.id === orderId)!;
    expect(shown).toMatchObject({ status: 'cancelled', refunds: [{ amountMinor: 75_000 }] });
    alex.socket.close();
    shopper.socket.close();
  });

  it('refuses to cancel a shipped order, citing the policy', async () => {
    const orderId = await order({ status: 'shipped' });
    const alex = await connectAgent(app.url, alexToken);
    const r = await ask(alex.socket, 'order:prepare', {
      conversationId: await signedInConversation(),
      change: { kind: 'cancel_order', orderId, reason: 'changed my mind' },
    });
    expect(r.error).toMatchObject({ code: 'order:refused' });
    expect(r.error!.message).toMatch(/is shipped, and only pending orders can be cancelled \(.+\)/);
    expect(await statusOf(orderId)).toBe('shipped');
    alex.socket.close();
  });

  it('finds no order of another customer, and no orders for an anonymous shopper', async () => {
    const theirs = await order({ customerId: 'cus_2' });
    const alex = await connectAgent(app.url, alexToken);
    const change = { kind: 'cancel_order', orderId: theirs, reason: 'changed my mind' };
    const other = await ask(alex.socket, 'order:prepare', { conversationId: await signedInConversation(), change });
    expect(other.error).toMatchObject({ code: 'order:not_found' });
    const anon = await ask(alex.socket, 'order:prepare', { conversationId: await signedInConversation({}), change });
    expect(anon.error).toMatchObject({ code: 'order:anonymous' });
    const bad = await ask(alex.socket, 'order:prepare', {
      conversationId: await signedInConversation(),
      change: { kind: 'cancel_order', orderId: theirs, customerId: 'cus_2' },
    });
    expect(bad.error).toMatchObject({ code: 'socket:bad_payload' });
    expect(await statusOf(theirs)).toBe('pending');
    alex.socket.close();
  });
});
