import { money } from '../catalog/money.js';
import type { Money } from '../catalog/types.js';
import type { Database } from '../db/database.js';

export interface CustomerProfile {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  city: string | null;
  country: string | null;
  language: string;
  tags: string[];
  createdAt: string;
  orderCount: number;
  lifetimeValue: Money;
}

export interface OrderDetails {
  id: string;
  status: string;
  placedAt: string;
  total: Money;
  /** What the customer paid for shipping (zero when it was free). */
  shipping: Money;
  items: { sku: string; title: string; quantity: number; unitPrice: Money; handle: string | null }[];
  tracking: { carrier: string; number: string; url: string | null } | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  returnedAt: string | null;
}

export interface CustomerReader {
  profile(customerId: string): Promise<CustomerProfile | null>;
  /** The customer's orders, newest first. Always scoped to the one customer id given. */
  orders(customerId: string, opts?: { limit?: number }): Promise<OrderDetails[]>;
  order(customerId: string, orderId: string): Promise<OrderDetails | null>;
  /** Handles of products the customer bought (not returned or cancelled), most recent first. */
  purchasedHandles(customerId: string): Promise<string[]>;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Read access to customers and their orders. Every query is scoped by the verified customer id. */
export function createCustomerReader(deps: { db: Database }): CustomerReader {
  const { db } = deps;

  async function loadOrders(
    customerId: string,
    where: string,
    params: unknown[],
    limit: number,
  ): Promise<OrderDetails[]> {
    const r = await db.query<{
      id: string;
      status: string;
      placed_at: Date;
      currency: string;
      total_minor: number;
      shipping_minor: number;
      tracking_carrier: string | null;
      tracking_number: string | null;
      tracking_url: string | null;
      shipped_at: Date | null;
      delivered_at: Date | null;
      returned_at: Date | null;
      lines: { sku: string; title: string; quantity: number; unit_price_minor: number; handle: string | null }[];
    }>(
      `SELECT o.*, (SELECT json_agg(json_build_object('sku', l.sku, 'title', l.title, 'quantity', l.quantity,
                     'unit_price_minor', l.unit_price_minor, 'handle', p.handle) ORDER BY l.line_no)
                    FROM order_lines l LEFT JOIN variants v ON v.sku = l.sku LEFT JOIN products p ON p.id = v.product_id
                    WHERE l.order_id = o.id) AS lines
       FROM orders o WHERE o.customer_id = $1 ${where} ORDER BY o.placed_at DESC, o.id LIMIT ${limit}`,
      [customerId, ...params],
    );
    return r.rows.map((o) => {
      const cur = o.currency.trim();
      return {
        id: o.id,
        status: o.status,
        placedAt: iso(o.placed_at)!,
        total: money(o.total_minor, cur),
        shipping: money(o.shipping_minor ?? 0, cur),
        items: (o.lines ?? []).map((l) => ({
          sku: l.sku,
          title: l.title,
          quantity: l.quantity,
          unitPrice: money(l.unit_price_minor, cur),
          handle: l.handle,
        })),
        tracking: o.tracking_number
          ? { carrier: o.tracking_carrier ?? '', number: o.tracking_number, url: o.tracking_url }
          : null,
        shippedAt: iso(o.shipped_at),
        deliveredAt: iso(o.delivered_at),
        returnedAt: iso(o.returned_at),
      };
    });
  }

  return {
    async profile(customerId) {
      const r = await db.query<{
        id: string;
        email: string;
        first_name: string;
        last_name: string;
        city: string | null;
        country: string | null;
        language: string;
        tags: string[];
        created_at: Date;
        order_count: number;
        ltv: number;
        currency: string | null;
      }>(
        `SELECT c.*, (SELECT count(*)::int FROM orders o WHERE o.customer_id = c.id) AS order_count,
                (SELECT coalesce(sum(o.total_minor), 0)::int FROM orders o WHERE o.customer_id = c.id AND o.status NOT IN ('cancelled', 'returned')) AS ltv,
                (SELECT o.currency FROM orders o WHERE o.customer_id = c.id LIMIT 1) AS currency
         FROM customers c WHERE c.id = $1`,
        [customerId],
      );
      const c = r.rows[0];
      if (!c) return null;
      return {
        id: c.id,
        email: c.email,
        firstName: c.first_name,
        lastName: c.last_name,
        city: c.city,
        country: c.country,
        language: c.language,
        tags: c.tags,
        createdAt: iso(c.created_at)!,
        orderCount: c.order_count,
        lifetimeValue: money(c.ltv, (c.currency ?? 'EUR').trim()),
      };
    },
    orders: (customerId, opts = {}) => loadOrders(customerId, '', [], Math.min(opts.limit ?? 10, 50)),
    async order(customerId, orderId) {
      const normalized = orderId.trim().replace(/^#/, '').toUpperCase();
      const [o] = await loadOrders(customerId, `AND upper(regexp_replace(o.id, '^#', '')) = $2`, [normalized], 1);
      return o ?? null;
    },
    async purchasedHandles(customerId) {
      const r = await db.query<{ handle: string }>(
        `SELECT p.handle, max(o.placed_at) AS last FROM orders o JOIN order_lines l ON l.order_id = o.id
         JOIN variants v ON v.sku = l.sku JOIN products p ON p.id = v.product_id
         WHERE o.customer_id = $1 AND o.status NOT IN ('cancelled', 'returned')
         GROUP BY p.handle ORDER BY last DESC`,
        [customerId],
      );
      return r.rows.map((x) => x.handle);
    },
  };
}
