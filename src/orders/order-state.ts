import type { Queryable } from '../db/database.js';
import type { Address, OrderStatus, PaymentMethod } from '../catalog/records.js';
import { NotFoundError } from '../errors.js';

export interface OrderLineState {
  lineNo: number;
  sku: string;
  title: string;
  quantity: number;
  unitPriceMinor: number;
}

export interface OrderPaymentState {
  seq: number;
  kind: 'payment' | 'refund';
  amountMinor: number;
  paymentMethodId: string;
}

/** One order as the order actions see it, read for its verified customer only. */
export interface OrderState {
  id: string;
  customerId: string;
  status: OrderStatus;
  currency: string;
  deliveredAt: Date | null;
  shippingAddress: Address | null;
  lines: OrderLineState[];
  payments: OrderPaymentState[];
  /** How many times its items were changed already. */
  itemChanges: number;
  methods: PaymentMethod[];
}

const notFound = (orderId: string) =>
  new NotFoundError('order:not_found', `There is no order ${orderId} on your account.`);

/** The customer's saved payment methods, in their order. */
export async function paymentMethodsOf(q: Queryable, customerId: string): Promise<PaymentMethod[]> {
  const r = await q.query<{
    id: string;
    kind: PaymentMethod['kind'];
    brand: string | null;
    last4: string | null;
    balance_minor: number | null;
  }>('SELECT id, kind, brand, last4, balance_minor FROM payment_methods WHERE customer_id = $1 ORDER BY position, id', [
    customerId,
  ]);
  return r.rows.map((m) => ({ id: m.id, kind: m.kind, brand: m.brand, last4: m.last4, balanceMinor: m.balance_minor }));
}

/**
 * Reads an order of this customer, locking it when `forUpdate` (inside the transaction that changes
 * it). Another customer's order does not exist, as far as the caller can tell.
 */
export async function readOrder(
  q: Queryable,
  customerId: string,
  orderId: string,
  forUpdate = false,
): Promise<OrderState> {
  const o = await q.query<{
    id: string;
    status: OrderStatus;
    currency: string;
    delivered_at: Date | null;
    shipping_address: Address | null;
  }>(
    `SELECT id, status, currency, delivered_at, shipping_address FROM orders WHERE id = $1 AND customer_id = $2
     ${forUpdate ? 'FOR UPDATE' : ''}`,
    [orderId, customerId],
  );
  const row = o.rows[0];
  if (!row) throw notFound(orderId);
  const [lines, payments, changes, methods] = await Promise.all([
    q.query<{ line_no: number; sku: string; title: string; quantity: number; unit_price_minor: number }>(
      'SELECT line_no, sku, title, quantity, unit_price_minor FROM order_lines WHERE order_id = $1 ORDER BY line_no',
      [orderId],
    ),
    q.query<{ seq: number; kind: 'payment' | 'refund'; amount_minor: number; payment_method_id: string }>(
      'SELECT seq, kind, amount_minor, payment_method_id FROM order_payments WHERE order_id = $1 ORDER BY seq',
      [orderId],
    ),
    q.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM order_events WHERE order_id = $1 AND action = 'items_changed'`,
      [orderId],
    ),
    paymentMethodsOf(q, customerId),
  ]);
  return {
    id: row.id,
    customerId,
    status: row.status,
    currency: row.currency.trim(),
    deliveredAt: row.delivered_at ? new Date(row.delivered_at) : null,
    shippingAddress: row.shipping_address,
    lines: lines.rows.map((l) => ({
      lineNo: l.line_no,
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      unitPriceMinor: l.unit_price_minor,
    })),
    payments: payments.rows.map((p) => ({
      seq: p.seq,
      kind: p.kind,
      amountMinor: p.amount_minor,
      paymentMethodId: p.payment_method_id,
    })),
    itemChanges: changes.rows[0].n,
    methods,
  };
}

/** The variants a line may become: the same product's other variants, with price, stock and title. */
export async function siblingVariants(
  q: Queryable,
  sku: string,
): Promise<{ sku: string; title: string; priceMinor: number; stock: number; options: Record<string, string> }[]> {
  const r = await q.query<{
    sku: string;
    title: string;
    price_minor: number;
    stock: number;
    options: Record<string, string>;
  }>(
    `SELECT v.sku, p.title, v.price_minor, v.stock, v.options FROM variants v JOIN products p ON p.id = v.product_id
     WHERE v.product_id = (SELECT product_id FROM variants WHERE sku = $1) AND p.status = 'active' ORDER BY v.position`,
    [sku],
  );
  return r.rows.map((v) => ({
    sku: v.sku,
    title: v.title,
    priceMinor: v.price_minor,
    stock: v.stock,
    options: v.options,
  }));
}
