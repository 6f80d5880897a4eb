import { money } from '../catalog/money.js';
import type { Address } from '../catalog/records.js';
import type { Database } from '../db/database.js';
import type { CustomerProfile, OrderDetails, PaymentMethodView } from './customer-types.js';
import { iso, loadOrders } from './order-details.js';

export type {
  CustomerProfile,
  OrderDetails,
  OrderEventView,
  OrderItem,
  OrderMoneyMovement,
  PaymentMethodView,
} from './customer-types.js';

export interface CustomerReader {
  profile(customerId: string): Promise<CustomerProfile | null>;
  /** The customer's orders, newest first. Always scoped to the one customer id given. */
  orders(customerId: string, opts?: { limit?: number }): Promise<OrderDetails[]>;
  order(customerId: string, orderId: string): Promise<OrderDetails | null>;
  /** Handles of products the customer bought (not returned or cancelled), most recent first. */
  purchasedHandles(customerId: string): Promise<string[]>;
}

interface ProfileRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  city: string | null;
  country: string | null;
  language: string;
  tags: string[];
  created_at: Date;
  address: Address | null;
  order_count: number;
  ltv: number;
  currency: string | null;
  methods: {
    id: string;
    kind: PaymentMethodView['kind'];
    brand: string | null;
    last4: string | null;
    balance_minor: number | null;
  }[];
}

const METHODS = `(SELECT json_agg(json_build_object('id', m.id, 'kind', m.kind, 'brand', m.brand, 'last4', m.last4,
    'balance_minor', m.balance_minor) ORDER BY m.position, m.id)
  FROM payment_methods m WHERE m.customer_id = c.id)`;

/** Read access to customers and their orders. Every query is scoped by the verified customer id. */
export function createCustomerReader(deps: { db: Database }): CustomerReader {
  const { db } = deps;

  return {
    async profile(customerId) {
      const r = await db.query<ProfileRow>(
        `SELECT c.*, (SELECT count(*)::int FROM orders o WHERE o.customer_id = c.id) AS order_count,
                (SELECT coalesce(sum(o.total_minor), 0)::int FROM orders o WHERE o.customer_id = c.id AND o.status NOT IN ('cancelled', 'returned')) AS ltv,
                (SELECT o.currency FROM orders o WHERE o.customer_id = c.id LIMIT 1) AS currency,
                ${METHODS} AS methods
         FROM customers c WHERE c.id = $1`,
        [customerId],
      );
      const c = r.rows[0];
      if (!c) return null;
      const currency = (c.currency ?? 'EUR').trim();
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
        lifetimeValue: money(c.ltv, currency),
        address: c.address,
        paymentMethods: (c.methods ?? []).map((m) => ({
          id: m.id,
          kind: m.kind,
          brand: m.brand,
          last4: m.last4,
          balance: m.balance_minor === null ? null : money(m.balance_minor, currency),
        })),
      };
    },
    orders: (customerId, opts = {}) =>
      loadOrders(db, customerId, { where: '', params: [], limit: Math.min(opts.limit ?? 10, 50) }),
    async order(customerId, orderId) {
      const normalized = orderId.trim().replace(/^#/, '').toUpperCase();
      const where = `AND upper(regexp_replace(o.id, '^#', '')) = $2`;
      const [o] = await loadOrders(db, customerId, { where, params: [normalized], limit: 1 });
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
