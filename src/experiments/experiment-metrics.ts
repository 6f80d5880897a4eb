import type { Queryable } from '../db/database.js';

/** What the conversations of one variant did. */
export interface VariantCounts {
  variant: number;
  conversations: number;
  /** Conversations where the assistant or the shopper added something to the cart. */
  addedToCart: number;
  /** Conversations where a human was asked for. */
  handedOff: number;
  csatCount: number;
  csatSum: number;
  /** Ratings of 4 or 5. */
  csatSatisfied: number;
  messages: number;
  /** Conversations with at least one attributed order. */
  ordered: number;
  orders: number;
  revenueMinor: number;
}

const PER_VARIANT = `
WITH a AS (SELECT a.conversation_id, a.variant, c.cart_id FROM experiment_assignments a
           JOIN conversations c ON c.id = a.conversation_id WHERE a.experiment_id = $1)
SELECT a.variant,
  count(*)::int AS conversations,
  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM cart_events e WHERE e.cart_id = a.cart_id
    AND e.action = 'add' AND e.actor IN ('assistant', 'shopper')))::int AS added,
  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM human_requests h
    WHERE h.conversation_id = a.conversation_id))::int AS handed_off,
  count(r.rating)::int AS csat_count,
  COALESCE(sum(r.rating), 0)::int AS csat_sum,
  count(*) FILTER (WHERE r.rating >= 4)::int AS csat_satisfied,
  COALESCE(sum((SELECT count(*) FROM messages m WHERE m.conversation_id = a.conversation_id
    AND m.role IN ('user', 'assistant', 'agent') AND m.content IS NOT NULL)), 0)::int AS messages,
  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM orders o
    WHERE o.conversation_id = a.conversation_id))::int AS ordered
FROM a LEFT JOIN ratings r ON r.conversation_id = a.conversation_id
GROUP BY a.variant`;

const ORDERS = `
SELECT a.variant, count(*)::int AS orders, COALESCE(sum(o.total_minor), 0)::text AS revenue
FROM experiment_assignments a JOIN orders o ON o.conversation_id = a.conversation_id
WHERE a.experiment_id = $1 AND o.status NOT IN ('cancelled', 'returned')
GROUP BY a.variant`;

interface Row {
  variant: number;
  conversations: number;
  added: number;
  handed_off: number;
  csat_count: number;
  csat_sum: number;
  csat_satisfied: number;
  messages: number;
  ordered: number;
}

/** The counts of each of `variants` variants of an experiment (zeros for a variant with no conversations). */
export async function countVariants(db: Queryable, experimentId: string, variants: number): Promise<VariantCounts[]> {
  const rows = new Map((await db.query<Row>(PER_VARIANT, [experimentId])).rows.map((r) => [r.variant, r]));
  const orderRows = await db.query<{ variant: number; orders: number; revenue: string }>(ORDERS, [experimentId]);
  const orders = new Map(orderRows.rows.map((r) => [r.variant, r]));
  return Array.from({ length: variants }, (_, i) => {
    const r = rows.get(i);
    return {
      variant: i,
      conversations: r?.conversations ?? 0,
      addedToCart: r?.added ?? 0,
      handedOff: r?.handed_off ?? 0,
      csatCount: r?.csat_count ?? 0,
      csatSum: r?.csat_sum ?? 0,
      csatSatisfied: r?.csat_satisfied ?? 0,
      messages: r?.messages ?? 0,
      ordered: r?.ordered ?? 0,
      orders: orders.get(i)?.orders ?? 0,
      revenueMinor: Number(orders.get(i)?.revenue ?? 0),
    };
  });
}
