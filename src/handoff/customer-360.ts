import type { CustomerReader } from '../customers/customer-reader.js';
import type { Database } from '../db/database.js';
import type { Customer360 } from './agent-protocol.js';

/**
 * The CRM view of a customer: profile, lifetime value, default address and payment methods; orders
 * with tracking, shipping address, payments, refunds, events and attribution;
 * past conversations with CSAT.
 */
export async function loadCustomer360(
  deps: { db: Database; customers: CustomerReader },
  customerId: string,
): Promise<Customer360 | null> {
  const profile = await deps.customers.profile(customerId);
  if (!profile) return null;
  const [orders, past, attributed] = await Promise.all([
    deps.customers.orders(customerId, { limit: 20 }),
    deps.db.query<{
      id: string;
      created_at: Date;
      status: Customer360['pastConversations'][number]['status'];
      resolution: string | null;
      rating: number | null;
      comment: string | null;
    }>(
      `SELECT c.id, c.created_at, c.status, c.resolution, r.rating, r.comment FROM conversations c LEFT JOIN ratings r ON r.conversation_id = c.id
       WHERE c.customer_id = $1 ORDER BY c.created_at DESC LIMIT 20`,
      [customerId],
    ),
    deps.db.query<{ id: string; conversation_id: string }>(
      'SELECT id, conversation_id FROM orders WHERE customer_id = $1 AND conversation_id IS NOT NULL',
      [customerId],
    ),
  ]);
  const attributedTo = new Map(attributed.rows.map((r) => [r.id, r.conversation_id]));
  return {
    profile,
    orders: orders.map((o) => ({
      id: o.id,
      status: o.status,
      placedAt: o.placedAt,
      total: o.total,
      items: o.items.map((i) => ({
        sku: i.sku,
        title: i.title,
        quantity: i.quantity,
        trackingNumber: i.trackingNumber,
      })),
      tracking: o.tracking,
      shippingAddress: o.shippingAddress,
      payments: o.payments,
      refunds: o.refunds,
      requestedChange: o.requestedChange,
      events: o.events,
      attributedConversationId: attributedTo.get(o.id) ?? null,
    })),
    pastConversations: past.rows.map((c) => ({
      conversationId: c.id,
      startedAt: new Date(c.created_at).toISOString(),
      status: c.status,
      resolution: c.resolution,
      csat: c.rating === null ? null : { rating: c.rating, comment: c.comment },
    })),
  };
}
