import { ERASED_PAYMENT_METHOD, erasureKey } from '../shared/erasure-key.js';
import type { Database, Queryable } from '../db/database.js';
import { toJson } from '../db/database.js';
import { NotFoundError } from '../errors.js';

export interface CustomerExport {
  exportedAt: string;
  customer: Record<string, unknown>;
  paymentMethods: Record<string, unknown>[];
  orders: Record<string, unknown>[];
  conversations: Record<string, unknown>[];
  carts: Record<string, unknown>[];
  sessions: Record<string, unknown>[];
}

export interface ErasureReport {
  customerId: string;
  conversations: number;
  carts: number;
  sessions: number;
  paymentMethods: number;
  /** Orders kept as anonymous figures (no customer, no tracking number). */
  ordersAnonymised: number;
  /** Session ids that ended: their sockets must be disconnected. */
  endedSessions: string[];
}

const NOT_FOUND = () => new NotFoundError('customer:not_found', 'No such customer.');

/** The conversations that hold a customer's data: theirs, and any of their sessions'. */
const CONVERSATIONS = `SELECT id FROM conversations WHERE customer_id = $1
  OR session_id IN (SELECT id FROM shopper_sessions WHERE customer_id = $1)`;

/** The erased customer's orders, while they still name the customer. */
const ORDERS_OF = 'SELECT id FROM orders WHERE customer_id = $1';

/** An order's lines, payments and events for an export. */
const ORDER_PARTS = `
  coalesce((SELECT jsonb_agg(to_jsonb(l) - 'order_id' ORDER BY l.line_no) FROM order_lines l
            WHERE l.order_id = o.id), '[]'::jsonb) AS lines,
  coalesce((SELECT jsonb_agg(to_jsonb(p) - 'order_id' ORDER BY p.seq) FROM order_payments p
            WHERE p.order_id = o.id), '[]'::jsonb) AS payments,
  coalesce((SELECT jsonb_agg(to_jsonb(e) - 'order_id' ORDER BY e.id) FROM order_events e
            WHERE e.order_id = o.id), '[]'::jsonb) AS events`;

/**
 * What an erased customer's orders keep: amounts, states and dates. Their addresses, parcel
 * numbers, requested changes, the methods that paid them and what events said about them go.
 */
async function anonymiseOrders(tx: Queryable, customerId: string): Promise<number> {
  await tx.query(`UPDATE order_payments SET payment_method_id = $2 WHERE order_id IN (${ORDERS_OF})`, [
    customerId,
    ERASED_PAYMENT_METHOD,
  ]);
  await tx.query(`UPDATE order_lines SET tracking_number = NULL WHERE order_id IN (${ORDERS_OF})`, [customerId]);
  await tx.query(
    `UPDATE order_events SET actor_id = NULL, reason = NULL, details = '{}'::jsonb WHERE order_id IN (${ORDERS_OF})`,
    [customerId],
  );
  const orders = await tx.query(
    `UPDATE orders SET customer_id = NULL, tracking_number = NULL, tracking_url = NULL, shipping_address = NULL,
       requested_change = NULL WHERE customer_id = $1`,
    [customerId],
  );
  return orders.rowCount;
}

/**
 * A shop's duties to the people it holds data about (GDPR articles 15 and 17): everything held
 * about a customer as one JSON document, and erasure of it. Each is written to the audit log.
 */
export function createCustomerData(deps: { db: Database }) {
  const { db } = deps;

  async function audit(q: Queryable, actor: string, action: string, subject: string, details: object) {
    await q.query('INSERT INTO audit_log (actor, action, subject, details) VALUES ($1, $2, $3, $4::jsonb)', [
      actor,
      action,
      subject,
      toJson(details),
    ]);
  }

  return {
    async export(customerId: string, actor: string): Promise<CustomerExport> {
      const customer = await db.query('SELECT * FROM customers WHERE id = $1', [customerId]);
      if (!customer.rows[0]) throw NOT_FOUND();
      const [methods, orders, conversations, carts, sessions] = await Promise.all([
        db.query(
          'SELECT id, kind, brand, last4, balance_minor FROM payment_methods WHERE customer_id = $1 ORDER BY position, id',
          [customerId],
        ),
        db.query(`SELECT o.*, ${ORDER_PARTS} FROM orders o WHERE o.customer_id = $1 ORDER BY o.placed_at`, [
          customerId,
        ]),
        db.query(
          `SELECT c.*,
             coalesce((SELECT jsonb_agg(jsonb_build_object('role', m.role, 'content', m.content, 'toolName', m.tool_name,
                         'createdAt', m.created_at) ORDER BY m.id) FROM messages m WHERE m.conversation_id = c.id), '[]') AS messages,
             (SELECT to_jsonb(r) - 'conversation_id' FROM ratings r WHERE r.conversation_id = c.id) AS rating,
             coalesce((SELECT jsonb_agg(to_jsonb(h) - 'conversation_id' ORDER BY h.id) FROM human_requests h
                       WHERE h.conversation_id = c.id), '[]') AS human_requests,
             coalesce((SELECT jsonb_agg(to_jsonb(a) - 'conversation_id' ORDER BY a.id) FROM approvals a
                       WHERE a.conversation_id = c.id), '[]') AS approvals
           FROM conversations c WHERE c.id IN (${CONVERSATIONS}) ORDER BY c.created_at`,
          [customerId],
        ),
        db.query(
          `SELECT c.*,
             coalesce((SELECT jsonb_agg(to_jsonb(i) - 'cart_id') FROM cart_items i WHERE i.cart_id = c.id), '[]') AS items,
             coalesce((SELECT jsonb_agg(to_jsonb(e) - 'cart_id' ORDER BY e.id) FROM cart_events e WHERE e.cart_id = c.id),
                      '[]') AS events
           FROM carts c WHERE c.customer_id = $1 OR c.id IN (SELECT cart_id FROM shopper_sessions WHERE customer_id = $1)`,
          [customerId],
        ),
        db.query(
          'SELECT id, channel, ip, created_at, last_seen_at, revoked_at FROM shopper_sessions WHERE customer_id = $1',
          [customerId],
        ),
      ]);
      await audit(db, actor, 'customer.export', customerId, {});
      const { content_hash: _hash, ...profile } = customer.rows[0] as Record<string, unknown>;
      return {
        exportedAt: new Date().toISOString(),
        customer: profile,
        paymentMethods: methods.rows,
        orders: orders.rows,
        conversations: conversations.rows,
        carts: carts.rows,
        sessions: sessions.rows,
      };
    },

    /**
     * Erases a customer: profile with its address, payment methods, conversations (messages,
     * notes, CSAT comments, requests, approvals, pending actions), carts and sessions are deleted;
     * orders stay only as anonymous figures for analytics. A tombstone keeps the next catalog
     * import from bringing the customer back.
     */
    async erase(customerId: string, actor: string): Promise<ErasureReport> {
      return db.transaction(async (tx) => {
        const exists = await tx.query('SELECT 1 FROM customers WHERE id = $1 FOR UPDATE', [customerId]);
        if (!exists.rows[0]) throw NOT_FOUND();
        const sessions = await tx.query<{ id: string; cart_id: string }>(
          'SELECT id, cart_id FROM shopper_sessions WHERE customer_id = $1',
          [customerId],
        );
        const convs = await tx.query<{ id: string; cart_id: string }>(
          `DELETE FROM conversations WHERE id IN (${CONVERSATIONS}) RETURNING id, cart_id`,
          [customerId],
        );
        const cartIds = [...new Set([...convs.rows, ...sessions.rows].map((r) => r.cart_id))];
        await tx.query('DELETE FROM shopper_sessions WHERE customer_id = $1', [customerId]);
        const carts = await tx.query(
          `DELETE FROM carts c WHERE (c.customer_id = $1 OR c.id = ANY($2::text[]))
             AND NOT EXISTS (SELECT 1 FROM conversations v WHERE v.cart_id = c.id)`,
          [customerId, cartIds],
        );
        await tx.query('DELETE FROM pending_actions WHERE customer_id = $1', [customerId]);
        const methods = await tx.query('DELETE FROM payment_methods WHERE customer_id = $1', [customerId]);
        const ordersAnonymised = await anonymiseOrders(tx, customerId);
        await tx.query('DELETE FROM customers WHERE id = $1', [customerId]);
        await tx.query('INSERT INTO erased_customers (id_hash) VALUES ($1) ON CONFLICT DO NOTHING', [
          erasureKey(customerId),
        ]);
        const report: ErasureReport = {
          customerId,
          conversations: convs.rowCount,
          carts: carts.rowCount,
          sessions: sessions.rows.length,
          paymentMethods: methods.rowCount,
          ordersAnonymised,
          endedSessions: sessions.rows.map((s) => s.id),
        };
        const { endedSessions: _ended, ...counts } = report;
        await audit(tx, actor, 'customer.erase', customerId, counts);
        return report;
      });
    },
  };
}

export type CustomerData = ReturnType<typeof createCustomerData>;
