import { money } from '../catalog/money.js';
import type { Address } from '../catalog/records.js';
import type { Queryable } from '../db/database.js';
import type { OrderDetails, OrderEventView, OrderMoneyMovement, PaymentMethodView } from './customer-types.js';

interface OrderRow {
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
  shipping_address: Address | null;
  requested_change: Record<string, unknown> | null;
  lines: {
    sku: string;
    title: string;
    quantity: number;
    unit_price_minor: number;
    handle: string | null;
    tracking_number: string | null;
  }[];
  payments: {
    kind: 'payment' | 'refund';
    amount_minor: number;
    payment_method_id: string;
    at: string;
    method_kind: PaymentMethodView['kind'] | null;
    brand: string | null;
    last4: string | null;
  }[];
  events: (Omit<OrderEventView, 'at' | 'actorId'> & { at: string; actor_id: string | null })[];
}

export const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

const LINES = `(SELECT json_agg(json_build_object('sku', l.sku, 'title', l.title, 'quantity', l.quantity,
    'unit_price_minor', l.unit_price_minor, 'handle', p.handle, 'tracking_number', l.tracking_number) ORDER BY l.line_no)
  FROM order_lines l LEFT JOIN variants v ON v.sku = l.sku LEFT JOIN products p ON p.id = v.product_id
  WHERE l.order_id = o.id)`;
const PAYMENTS = `(SELECT json_agg(json_build_object('kind', m.kind, 'amount_minor', m.amount_minor,
    'payment_method_id', m.payment_method_id, 'at', m.at, 'method_kind', pm.kind, 'brand', pm.brand,
    'last4', pm.last4) ORDER BY m.seq)
  FROM order_payments m
  LEFT JOIN payment_methods pm ON pm.customer_id = o.customer_id AND pm.id = m.payment_method_id
  WHERE m.order_id = o.id)`;
const EVENTS = `(SELECT json_agg(json_build_object('at', e.at, 'actor', e.actor, 'actor_id', e.actor_id,
    'action', e.action, 'reason', e.reason, 'details', e.details) ORDER BY e.id)
  FROM order_events e WHERE e.order_id = o.id)`;

function toDetails(o: OrderRow): OrderDetails {
  const cur = o.currency.trim();
  const movements = (kind: 'payment' | 'refund'): OrderMoneyMovement[] =>
    (o.payments ?? [])
      .filter((p) => p.kind === kind)
      .map((p) => ({
        amountMinor: p.amount_minor,
        currency: cur,
        paymentMethodId: p.payment_method_id,
        at: iso(p.at)!,
        method: p.method_kind ? { kind: p.method_kind, brand: p.brand, last4: p.last4 } : null,
      }));
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
      trackingNumber: l.tracking_number,
    })),
    tracking: o.tracking_number
      ? { carrier: o.tracking_carrier ?? '', number: o.tracking_number, url: o.tracking_url }
      : null,
    shippedAt: iso(o.shipped_at),
    deliveredAt: iso(o.delivered_at),
    returnedAt: iso(o.returned_at),
    shippingAddress: o.shipping_address,
    payments: movements('payment'),
    refunds: movements('refund'),
    requestedChange: o.requested_change,
    events: (o.events ?? []).map(({ actor_id, at, ...e }) => ({ ...e, at: iso(at)!, actorId: actor_id })),
  };
}

/**
 * One customer's orders with their lines, payments, refunds and events, newest first. `where`
 * narrows further (its parameters start at $2); the customer id always scopes the query.
 */
export async function loadOrders(
  db: Queryable,
  customerId: string,
  filter: { where: string; params: unknown[]; limit: number },
): Promise<OrderDetails[]> {
  const r = await db.query<OrderRow>(
    `SELECT o.*, ${LINES} AS lines, ${PAYMENTS} AS payments, ${EVENTS} AS events
     FROM orders o WHERE o.customer_id = $1 ${filter.where} ORDER BY o.placed_at DESC, o.id LIMIT ${Math.max(1, Math.trunc(filter.limit))}`,
    [customerId, ...filter.params],
  );
  return r.rows.map(toDetails);
}
