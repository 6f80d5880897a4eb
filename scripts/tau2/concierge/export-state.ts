/**
 * Concierge's side of the tau2 comparison: the customers, payment methods and orders in our
 * database, exported to the reference's `Tau2State` shape (scripts/tau2/tau2-state.ts) so the two
 * can be diffed leaf by leaf. The mapping is documented in docs/tau2.md.
 */
import type { Queryable } from '../../../src/db/database.js';
import type { Address } from '../../../src/catalog/records.js';
import type { Tau2Address } from '../tau2-db.js';
import { sortItems, type Tau2OrderState, type Tau2State, type Tau2UserState } from '../tau2-state.js';

/** Our order states in tau2's words; `shipped` is what the import makes of tau2's processed orders with a parcel. */
const STATUS: Record<string, string> = {
  pending: 'pending',
  processed: 'processed',
  shipped: 'processed',
  delivered: 'delivered',
  cancelled: 'cancelled',
  return_requested: 'return requested',
  exchange_requested: 'exchange requested',
  returned: 'returned',
};

const emptyAddress: Tau2Address = { address1: '', address2: '', city: '', state: '', country: '', zip: '' };

function tau2Address(a: Address | null): Tau2Address {
  if (!a) return emptyAddress;
  return {
    address1: a.line1,
    address2: a.line2 ?? '',
    city: a.city,
    state: a.region ?? '',
    country: a.country,
    zip: a.postalCode ?? '',
  };
}

const sorted = (ids: string[]) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

type Requested =
  | { kind: 'return'; skus: string[]; refundTo: string }
  | {
      kind: 'exchange';
      changes: { sku: string; newSku: string }[];
      paymentMethodId: string;
      priceDifferenceMinor: number;
    };

interface OrderRow {
  id: string;
  customer_id: string;
  status: string;
  shipping_address: Address | null;
  requested_change: Requested | null;
}

interface EventRow {
  order_id: string;
  action: string;
  reason: string | null;
  details: { moves?: unknown[]; paymentMethodId?: string };
}

function groupBy<T, K extends keyof T>(rows: T[], key: K): Map<T[K], T[]> {
  const out = new Map<T[K], T[]>();
  for (const r of rows) out.set(r[key], [...(out.get(r[key]) ?? []), r]);
  return out;
}

async function exportUsers(q: Queryable): Promise<Record<string, Tau2UserState>> {
  const customers = await q.query<{ id: string; address: Address | null }>('SELECT id, address FROM customers');
  const methods = await q.query<{ customer_id: string; id: string; kind: string; balance_minor: number | null }>(
    'SELECT customer_id, id, kind, balance_minor FROM payment_methods ORDER BY customer_id, position, id',
  );
  const byCustomer = groupBy(methods.rows, 'customer_id');
  return Object.fromEntries(
    customers.rows.map((c) => {
      const own = byCustomer.get(c.id) ?? [];
      const entries = own.map((m) => {
        const balance = m.kind === 'gift_card' ? (m.balance_minor ?? 0) : null;
        return [m.id, { source: m.kind, balance_cents: balance }] as const;
      });
      return [c.id, { address: tau2Address(c.address), payment_methods: Object.fromEntries(entries) }];
    }),
  );
}

function orderState(
  o: OrderRow,
  lines: { sku: string; quantity: number; unit_price_minor: number }[],
  money: {
    kind: string;
    amount_minor: number;
    payment_method_id: string;
  }[],
  events: EventRow[],
): Tau2OrderState {
  const items = lines.flatMap((l) =>
    Array.from({ length: l.quantity }, () => ({ item_id: l.sku, price_cents: l.unit_price_minor })),
  );
  const payment_history = money.map((p) => ({
    transaction_type: p.kind,
    amount_cents: p.amount_minor,
    payment_method_id: p.payment_method_id,
  }));
  const itemChange = events.find((e) => e.action === 'items_changed');
  // tau2 books an item change that costs the same as a refund of 0; we record no money that did not move.
  if (itemChange && !itemChange.details.moves?.length && itemChange.details.paymentMethodId) {
    payment_history.push({
      transaction_type: 'refund',
      amount_cents: 0,
      payment_method_id: itemChange.details.paymentMethodId,
    });
  }
  const status = STATUS[o.status] ?? o.status;
  const r = o.requested_change;
  const ret = r?.kind === 'return' ? r : null;
  const exchange = r?.kind === 'exchange' ? r : null;
  return {
    user_id: o.customer_id,
    status: status === 'pending' && itemChange ? 'pending (item modified)' : status,
    address: tau2Address(o.shipping_address),
    items: sortItems(items),
    payment_history,
    cancel_reason: events.find((e) => e.action === 'cancel_order')?.reason ?? null,
    return_items: ret ? sorted(ret.skus) : null,
    return_payment_method_id: ret?.refundTo ?? null,
    exchange_items: exchange ? sorted(exchange.changes.map((c) => c.sku)) : null,
    exchange_new_items: exchange ? sorted(exchange.changes.map((c) => c.newSku)) : null,
    exchange_payment_method_id: exchange?.paymentMethodId ?? null,
    exchange_price_difference_cents: exchange ? exchange.priceDifferenceMinor : null,
  };
}

async function exportOrders(q: Queryable): Promise<Record<string, Tau2OrderState>> {
  const [orders, lines, payments, events] = await Promise.all([
    q.query<OrderRow>('SELECT id, customer_id, status, shipping_address, requested_change FROM orders'),
    q.query<{ order_id: string; sku: string; quantity: number; unit_price_minor: number }>(
      'SELECT order_id, sku, quantity, unit_price_minor FROM order_lines ORDER BY order_id, line_no',
    ),
    q.query<{ order_id: string; kind: string; amount_minor: number; payment_method_id: string }>(
      'SELECT order_id, kind, amount_minor, payment_method_id FROM order_payments ORDER BY order_id, seq',
    ),
    q.query<EventRow>('SELECT order_id, action, reason, details FROM order_events ORDER BY order_id, id'),
  ]);
  const [byLines, byPayments, byEvents] = [
    groupBy(lines.rows, 'order_id'),
    groupBy(payments.rows, 'order_id'),
    groupBy(events.rows, 'order_id'),
  ];
  return Object.fromEntries(
    orders.rows.map((o) => [
      o.id,
      orderState(o, byLines.get(o.id) ?? [], byPayments.get(o.id) ?? [], byEvents.get(o.id) ?? []),
    ]),
  );
}

/** Every customer and order in the database, in the reference's comparison shape. */
export async function exportTau2State(q: Queryable): Promise<Tau2State> {
  const [users, orders] = await Promise.all([exportUsers(q), exportOrders(q)]);
  return { users, orders };
}
