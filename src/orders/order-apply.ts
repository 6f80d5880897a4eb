import { toJson, type Queryable } from '../db/database.js';
import type { MoneyMove, OrderPlan } from './order-plans.js';
import type { LineSwap } from './order-swaps.js';

/** Who made a change: the shopper (through the assistant, after confirming), an agent, or the system. */
export interface OrderActor {
  kind: 'shopper' | 'agent' | 'system';
  id?: string | null;
}

const NEW_STATUS: Partial<Record<OrderPlan['change']['kind'], string>> = {
  cancel_order: 'cancelled',
  return_items: 'return_requested',
  exchange_items: 'exchange_requested',
};

/** Records money that moved; a gift card's balance follows at once (a refund to it is spendable now). */
async function recordMoves(tx: Queryable, orderId: string, customerId: string, currency: string, moves: MoneyMove[]) {
  for (const m of moves) {
    await tx.query(
      `INSERT INTO order_payments (order_id, seq, kind, amount_minor, currency, payment_method_id)
       VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM order_payments WHERE order_id = $1), $2, $3, $4, $5)`,
      [orderId, m.kind, m.amountMinor, currency, m.paymentMethodId],
    );
    await tx.query(
      `UPDATE payment_methods SET balance_minor = balance_minor + $3
       WHERE customer_id = $1 AND id = $2 AND kind = 'gift_card'`,
      [customerId, m.paymentMethodId, m.kind === 'refund' ? m.amountMinor : -m.amountMinor],
    );
  }
}

/** Swaps one unit of each line for its new variant, and brings the order's totals along. */
async function swapLines(tx: Queryable, orderId: string, swaps: LineSwap[]) {
  for (const s of swaps) {
    // The line's last unit goes with its line (a line never holds zero units).
    const line = `order_id = $1 AND line_no = (SELECT min(line_no) FROM order_lines WHERE order_id = $1 AND sku = $2)`;
    const gone = await tx.query(`DELETE FROM order_lines WHERE ${line} AND quantity = 1 RETURNING 1`, [orderId, s.sku]);
    if (gone.rows.length === 0) {
      await tx.query(`UPDATE order_lines SET quantity = quantity - 1 WHERE ${line}`, [orderId, s.sku]);
    }
    const same = await tx.query(
      'UPDATE order_lines SET quantity = quantity + 1 WHERE order_id = $1 AND sku = $2 AND unit_price_minor = $3 RETURNING 1',
      [orderId, s.newSku, s.newPriceMinor],
    );
    if (same.rows.length === 0) {
      await tx.query(
        `INSERT INTO order_lines (order_id, line_no, sku, title, quantity, unit_price_minor)
         VALUES ($1, (SELECT coalesce(max(line_no), 0) + 1 FROM order_lines WHERE order_id = $1), $2, $3, 1, $4)`,
        [orderId, s.newSku, s.newTitle, s.newPriceMinor],
      );
    }
  }
  await tx.query(
    `UPDATE orders SET subtotal_minor = t.sub, total_minor = t.sub + shipping_minor
     FROM (SELECT coalesce(sum(quantity * unit_price_minor), 0)::int AS sub FROM order_lines WHERE order_id = $1) t
     WHERE id = $1`,
    [orderId],
  );
}

/** What a return or exchange asked for, kept on the order until the items come back. */
function requestedChange(plan: OrderPlan): object | null {
  const c = plan.change;
  if (c.kind === 'return_items') return { kind: 'return', skus: c.skus ?? [], refundTo: c.refundTo };
  if (c.kind === 'exchange_items') {
    const changes = plan.swaps.map((s) => ({ sku: s.sku, newSku: s.newSku }));
    return {
      kind: 'exchange',
      changes,
      paymentMethodId: c.paymentMethodId,
      priceDifferenceMinor: plan.priceDifferenceMinor,
    };
  }
  return null;
}

/** The method a price difference was settled with, when the change names one (even if nothing moved). */
const settledWith = (plan: OrderPlan): string | null =>
  'paymentMethodId' in plan.change ? (plan.change.paymentMethodId ?? null) : null;

/**
 * Runs a checked plan inside the caller's transaction (which read the order FOR UPDATE and checked
 * the rules again): the order's state, lines and money change, and an order event says who did it.
 */
export async function applyOrderPlan(tx: Queryable, customerId: string, plan: OrderPlan, actor: OrderActor) {
  const c = plan.change;
  if (c.kind === 'update_default_address') {
    await tx.query('UPDATE customers SET address = $2::jsonb WHERE id = $1', [customerId, toJson(c.address)]);
    await tx.query(
      `INSERT INTO audit_log (actor, action, subject, details) VALUES ($1, 'customer.address', $2, $3::jsonb)`,
      [`${actor.kind}:${actor.id ?? ''}`, customerId, toJson({ summary: plan.summary })],
    );
    return;
  }
  const orderId = c.orderId;
  if (c.kind === 'change_order_address') {
    await tx.query('UPDATE orders SET shipping_address = $2::jsonb WHERE id = $1', [orderId, toJson(c.address)]);
  }
  if (c.kind === 'change_order_items') await swapLines(tx, orderId, plan.swaps);
  const status = NEW_STATUS[c.kind];
  const requested = requestedChange(plan);
  await tx.query(
    `UPDATE orders SET status = coalesce($2, status), requested_change = coalesce($3::jsonb, requested_change),
       version = version + 1 WHERE id = $1`,
    [orderId, status ?? null, requested ? toJson(requested) : null],
  );
  await recordMoves(tx, orderId, customerId, plan.currency, plan.moves);
  await tx.query(
    `INSERT INTO order_events (order_id, actor, actor_id, action, reason, details) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
    [
      orderId,
      actor.kind,
      actor.id ?? null,
      c.kind === 'change_order_items' ? 'items_changed' : c.kind,
      c.kind === 'cancel_order' ? c.reason : null,
      toJson({ summary: plan.summary, moves: plan.moves, swaps: plan.swaps, paymentMethodId: settledWith(plan) }),
    ],
  );
}
