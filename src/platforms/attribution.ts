import { money } from '../catalog/money.js';
import type { Money } from '../catalog/types.js';
import type { Queryable } from '../db/database.js';

/** How long before an order items the assistant or an agent added still earn it (ATTRIBUTION_WINDOW_DAYS). */
export const ATTRIBUTION_WINDOW_DAYS = 7;

export type AttributionSource = 'cart' | 'customer';

/**
 * The conversation of the customer where the assistant or an agent added one of the order's
 * products (any of its variants) to the cart within the window before the order; the latest such add wins.
 */
const ASSISTED = `
SELECT c.id FROM cart_events e
  JOIN conversations c ON c.cart_id = e.cart_id
  JOIN variants ev ON ev.sku = e.sku
WHERE c.customer_id = $1 AND e.actor IN ('assistant', 'agent') AND e.action IN ('add', 'set')
  AND e.created_at <= $2::timestamptz AND e.created_at >= $2::timestamptz - make_interval(days => $3)
  AND ev.product_id IN (SELECT v.product_id FROM order_lines l JOIN variants v ON v.sku = l.sku WHERE l.order_id = $4)
ORDER BY e.created_at DESC, e.id DESC LIMIT 1`;

/**
 * Credits an order to a conversation. The rule, in order:
 * 1. the conversation the cart named (Shopify note attribute / WooCommerce meta `_concierge_conversation`,
 *    the demo checkout), when it exists here;
 * 2. else a conversation of the same customer in which the assistant or an agent added one of the
 *    order's products to the cart within `windowDays` (ATTRIBUTION_WINDOW_DAYS) before the order;
 * 3. else none.
 */
export async function attributeOrder(
  tx: Queryable,
  o: { orderId: string; customerId: string | null; placedAt: string; conversationId: string | null },
  windowDays: number = ATTRIBUTION_WINDOW_DAYS,
): Promise<{ conversationId: string; source: AttributionSource } | null> {
  let found: { conversationId: string; source: AttributionSource } | null = null;
  if (o.conversationId) {
    const named = await tx.query<{ id: string }>('SELECT id FROM conversations WHERE id = $1', [o.conversationId]);
    if (named.rows[0]) found = { conversationId: named.rows[0].id, source: 'cart' };
  }
  if (!found && o.customerId) {
    const assisted = await tx.query<{ id: string }>(ASSISTED, [o.customerId, o.placedAt, windowDays, o.orderId]);
    if (assisted.rows[0]) found = { conversationId: assisted.rows[0].id, source: 'customer' };
  }
  await tx.query('UPDATE orders SET conversation_id = $2 WHERE id = $1', [o.orderId, found?.conversationId ?? null]);
  return found;
}

export interface AttributionReport {
  since: string;
  /** Orders credited to a conversation, newest first (at most 500). */
  orders: {
    id: string;
    conversationId: string;
    customerId: string | null;
    placedAt: string;
    status: string;
    total: Money;
  }[];
  /** Revenue per currency of those orders, cancelled and returned ones left out. */
  revenue: { currency: string; orders: number; total: Money }[];
}

/** Orders attributed to conversations since a date, and their revenue per currency. */
export async function attributedRevenue(db: Queryable, since: Date): Promise<AttributionReport> {
  const orders = await db.query<{
    id: string;
    conversation_id: string;
    customer_id: string | null;
    placed_at: Date;
    status: string;
    currency: string;
    total_minor: number;
  }>(
    `SELECT id, conversation_id, customer_id, placed_at, status, currency, total_minor FROM orders
     WHERE conversation_id IS NOT NULL AND placed_at >= $1 ORDER BY placed_at DESC, id LIMIT 500`,
    [since.toISOString()],
  );
  const revenue = await db.query<{ currency: string; orders: number; total: string }>(
    `SELECT trim(currency) AS currency, count(*)::int AS orders, sum(total_minor)::text AS total FROM orders
     WHERE conversation_id IS NOT NULL AND placed_at >= $1 AND status NOT IN ('cancelled', 'returned')
     GROUP BY trim(currency) ORDER BY trim(currency)`,
    [since.toISOString()],
  );
  return {
    since: since.toISOString(),
    orders: orders.rows.map((o) => ({
      id: o.id,
      conversationId: o.conversation_id,
      customerId: o.customer_id,
      placedAt: new Date(o.placed_at).toISOString(),
      status: o.status,
      total: money(o.total_minor, o.currency),
    })),
    revenue: revenue.rows.map((r) => ({
      currency: r.currency,
      orders: r.orders,
      total: money(Number(r.total), r.currency),
    })),
  };
}
