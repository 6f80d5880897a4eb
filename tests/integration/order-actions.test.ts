import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationStore } from '../../src/conversations/conversation-store.js';
import type { Database } from '../../src/db/database.js';
import { OrderRefused } from '../../src/orders/order-change.js';
import { DEFAULT_ORDER_RULES } from '../../src/orders/order-rules.js';
import { createOrderActions, type OrderActions } from '../../src/orders/pending-actions.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { seedTestShop } from '../helpers/test-app.js';

let db: Database;
let actions: OrderActions;
const SHOPPER = { kind: 'shopper' as const, id: 'sess_test' };
let orderNo = 0;

beforeAll(async () => {
  db = await openTestDatabase('pglite');
  await seedTestShop(db);
  await db.query(
    `INSERT INTO payment_methods (customer_id, id, position, kind, brand, last4, balance_minor) VALUES
     ('cus_1', 'card_1', 0, 'credit_card', 'Visa', '4242', NULL), ('cus_1', 'gift_1', 1, 'gift_card', NULL, NULL, 1000),
     ('cus_2', 'card_2', 0, 'credit_card', 'Mastercard', '5555', NULL)`,
  );
  actions = createOrderActions({ db, rules: DEFAULT_ORDER_RULES, currency: 'EUR' });
});
afterAll(async () => {
  await db?.close();
});

/** A fresh order of cus_1 (tests don't share orders), paid with `method`, and a conversation to ask in. */
async function orderOf(opts: {
  status: string;
  method?: string;
  deliveredDaysAgo?: number;
  sku?: string;
  quantity?: number;
}) {
  const id = `T-${++orderNo}`;
  const delivered =
    opts.deliveredDaysAgo === undefined ? null : new Date(Date.now() - opts.deliveredDaysAgo * 86_400_000);
  await db.query(
    `INSERT INTO orders (id, customer_id, status, placed_at, currency, subtotal_minor, total_minor, delivered_at, content_hash)
     VALUES ($1, 'cus_1', $2, now(), 'EUR', 3000, 3000, $3, 'test')`,
    [id, opts.status, delivered],
  );
  await db.query(
    `INSERT INTO order_lines (order_id, line_no, sku, title, quantity, unit_price_minor) VALUES ($1, 1, $2, 'Item', $3, 1500)`,
    [id, opts.sku ?? 'SOCK-1', opts.quantity ?? 2],
  );
  await db.query(
    `INSERT INTO order_payments (order_id, seq, kind, amount_minor, currency, payment_method_id) VALUES ($1, 1, 'payment', 3000, 'EUR', $2)`,
    [id, opts.method ?? 'card_1'],
  );
  await db.query(`INSERT INTO carts (id, currency) VALUES ($1, 'EUR')`, [`c_${id}`]);
  const conv = await createConversationStore({ db }).create({
    sessionId: `s_${id}`,
    customerId: 'cus_1',
    cartId: `c_${id}`,
  });
  return { id, at: { conversationId: conv.id, customerId: 'cus_1' } };
}

const statusOf = async (id: string) =>
  (await db.query<{ status: string }>('SELECT status FROM orders WHERE id = $1', [id])).rows[0].status;
const moneyOf = async (id: string) =>
  (
    await db.query<{ kind: string; amount_minor: number; payment_method_id: string }>(
      'SELECT kind, amount_minor, payment_method_id FROM order_payments WHERE order_id = $1 ORDER BY seq',
      [id],
    )
  ).rows.map((r) => [r.kind, r.amount_minor, r.payment_method_id]);

describe('order changes wait for the shopper and follow the shop’s rules', () => {
  it('prepares a cancellation without changing anything, runs it once on confirm, and refunds the payment', async () => {
    const o = await orderOf({ status: 'pending' });
    const pending = await actions.prepare(o.at, { kind: 'cancel_order', orderId: o.id, reason: 'no longer needed' });
    expect(pending).toMatchObject({ kind: 'cancel_order', status: 'pending' });
    expect(pending.summary).toBe(`Cancel order ${o.id} (reason: no longer needed). Refund €30.00 to Visa ending 4242.`);
    expect(await statusOf(o.id)).toBe('pending');
    const { action: done, changed } = await actions.confirm(o.at.conversationId, pending.id, SHOPPER);
    expect(changed).toBe(true);
    expect(done).toMatchObject({
      status: 'done',
      outcome: `Order ${o.id} is cancelled. Refunded €30.00 to Visa ending 4242.`,
    });
    // Confirming again (a double click, a reconnect) changes nothing more.
    expect(await actions.confirm(o.at.conversationId, pending.id, SHOPPER)).toEqual({ action: done, changed: false });
    expect(await statusOf(o.id)).toBe('cancelled');
    expect(await moneyOf(o.id)).toEqual([
      ['payment', 3000, 'card_1'],
      ['refund', 3000, 'card_1'],
    ]);
    const events = await db.query('SELECT actor, actor_id, action, reason FROM order_events WHERE order_id = $1', [
      o.id,
    ]);
    expect(events.rows).toEqual([
      { actor: 'shopper', actor_id: 'sess_test', action: 'cancel_order', reason: 'no longer needed' },
    ]);
  });

  it('credits a refund to a gift card at once', async () => {
    const o = await orderOf({ status: 'pending', method: 'gift_1' });
    const before = (await db.query<{ b: number }>(`SELECT balance_minor AS b FROM payment_methods WHERE id = 'gift_1'`))
      .rows[0].b;
    const p = await actions.prepare(o.at, { kind: 'cancel_order', orderId: o.id, reason: 'ordered by mistake' });
    await actions.confirm(o.at.conversationId, p.id, SHOPPER);
    const after = (await db.query<{ b: number }>(`SELECT balance_minor AS b FROM payment_methods WHERE id = 'gift_1'`))
      .rows[0].b;
    expect(after - before).toBe(3000);
  });

  it('refuses what the rules forbid, saying why, and a reason the policy does not list', async () => {
    const shipped = await orderOf({ status: 'shipped' });
    await expect(
      actions.prepare(shipped.at, { kind: 'cancel_order', orderId: shipped.id, reason: 'no longer needed' }),
    ).rejects.toThrow(/is shipped, and only pending orders can be cancelled \(Orders, returns and exchanges\)/);
    const o = await orderOf({ status: 'pending' });
    await expect(
      actions.prepare(o.at, { kind: 'cancel_order', orderId: o.id, reason: 'too slow' }),
    ).rejects.toBeInstanceOf(OrderRefused);
    const old = await orderOf({ status: 'delivered', deliveredDaysAgo: 45 });
    await expect(actions.prepare(old.at, { kind: 'return_items', orderId: old.id, skus: ['SOCK-1'] })).rejects.toThrow(
      /more than 30 days ago: returns and exchanges are accepted within 30 days of delivery/,
    );
  });

  it('knows nothing of another customer’s order', async () => {
    const o = await orderOf({ status: 'pending' });
    const other = { conversationId: o.at.conversationId, customerId: 'cus_2' };
    await expect(
      actions.prepare(other, { kind: 'cancel_order', orderId: o.id, reason: 'no longer needed' }),
    ).rejects.toMatchObject({
      code: 'order:not_found',
    });
  });

  it('checks the rules again at confirmation: an order that moved on is refused, unchanged', async () => {
    const o = await orderOf({ status: 'pending' });
    const p = await actions.prepare(o.at, { kind: 'cancel_order', orderId: o.id, reason: 'no longer needed' });
    await db.query(`UPDATE orders SET status = 'processed' WHERE id = $1`, [o.id]);
    const { action: r } = await actions.confirm(o.at.conversationId, p.id, SHOPPER);
    expect(r.status).toBe('refused');
    expect(r.outcome).toMatch(/is processed/);
    expect(await moneyOf(o.id)).toHaveLength(1);
  });

  it('requests a return within the window, refunded later to the original method or a gift card', async () => {
    const o = await orderOf({ status: 'delivered', deliveredDaysAgo: 3 });
    await expect(
      actions.prepare(o.at, { kind: 'return_items', orderId: o.id, skus: ['SOCK-1', 'SOCK-1', 'SOCK-1'] }),
    ).rejects.toThrow(/has only 2/);
    const p = await actions.prepare(o.at, {
      kind: 'return_items',
      orderId: o.id,
      skus: ['SOCK-1'],
      refundTo: 'gift_1',
    });
    const { action: done } = await actions.confirm(o.at.conversationId, p.id, SHOPPER);
    expect(done.outcome).toMatch(/€15.00 will be refunded to gift card once the items arrive back/);
    const row = await db.query('SELECT status, requested_change FROM orders WHERE id = $1', [o.id]);
    expect(row.rows[0]).toEqual({
      status: 'return_requested',
      requested_change: { kind: 'return', skus: ['SOCK-1'], refundTo: 'gift_1' },
    });
  });

  it('swaps a pending order’s item for another option of the same product, once', async () => {
    const o = await orderOf({ status: 'pending', sku: 'RUN-1-41' });
    await expect(
      actions.prepare(o.at, {
        kind: 'change_order_items',
        orderId: o.id,
        changes: [{ sku: 'RUN-1-41', newSku: 'SOCK-1' }],
      }),
    ).rejects.toThrow(/is not another option/);
    const p = await actions.prepare(o.at, {
      kind: 'change_order_items',
      orderId: o.id,
      changes: [{ sku: 'RUN-1-41', newSku: 'RUN-1-42' }],
    });
    await actions.confirm(o.at.conversationId, p.id, SHOPPER);
    const lines = await db.query('SELECT sku, quantity FROM order_lines WHERE order_id = $1 ORDER BY line_no', [o.id]);
    expect(lines.rows).toEqual([
      { sku: 'RUN-1-41', quantity: 1 },
      { sku: 'RUN-1-42', quantity: 1 },
    ]);
    await expect(
      actions.prepare(o.at, {
        kind: 'change_order_items',
        orderId: o.id,
        changes: [{ sku: 'RUN-1-41', newSku: 'RUN-1-42' }],
      }),
    ).rejects.toThrow(/were changed already/);
  });

  it('swaps the only unit of a line: the line becomes the new option and the totals follow', async () => {
    const o = await orderOf({ status: 'pending', sku: 'RUN-1-41', quantity: 1 });
    const p = await actions.prepare(o.at, {
      kind: 'change_order_items',
      orderId: o.id,
      changes: [{ sku: 'RUN-1-41', newSku: 'RUN-1-42' }],
    });
    expect((await actions.confirm(o.at.conversationId, p.id, SHOPPER)).action.status).toBe('done');
    const lines = await db.query('SELECT sku, quantity FROM order_lines WHERE order_id = $1', [o.id]);
    expect(lines.rows).toEqual([{ sku: 'RUN-1-42', quantity: 1 }]);
    const price = await db.query<{ price_minor: number }>(`SELECT price_minor FROM variants WHERE sku = 'RUN-1-42'`);
    const order = await db.query('SELECT subtotal_minor FROM orders WHERE id = $1', [o.id]);
    expect(order.rows[0]).toEqual({ subtotal_minor: price.rows[0].price_minor });
  });
});
