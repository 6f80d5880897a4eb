import type { CustomerRecord, OrderRecord } from '../catalog/records.js';
import type { Queryable } from '../db/database.js';
import { ValidationError } from '../errors.js';
import { ERASED_PAYMENT_METHOD } from '../shared/erasure-key.js';

/** Replaces a customer's saved payment methods with the record's, in the record's order. */
export async function replacePaymentMethods(
  tx: Queryable,
  customerId: string,
  methods: NonNullable<CustomerRecord['paymentMethods']>,
): Promise<void> {
  const twice = methods.find((m, i) => methods.findIndex((n) => n.id === m.id) !== i);
  if (twice)
    throw new ValidationError(
      'catalog:duplicate_payment_method',
      `customer ${customerId} lists payment method ${twice.id} twice`,
    );
  await tx.query('DELETE FROM payment_methods WHERE customer_id = $1', [customerId]);
  for (const [position, m] of methods.entries()) {
    await tx.query(
      `INSERT INTO payment_methods (customer_id, id, position, kind, brand, last4, balance_minor)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [customerId, m.id, position, m.kind, m.brand ?? null, m.last4 ?? null, m.balanceMinor ?? null],
    );
  }
}

type PaymentRow = { kind: 'payment' | 'refund'; amountMinor: number; paymentMethodId: string; at: string };

/**
 * The payments to store for an imported order: the record's own, or else one payment of the
 * total by the customer's first saved method (none when the customer has no saved method).
 */
async function paymentsOf(tx: Queryable, o: OrderRecord, totalMinor: number): Promise<PaymentRow[]> {
  if (o.payments && o.payments.length > 0) return o.payments.map((p) => ({ ...p, at: p.at ?? o.placedAt }));
  const first = await tx.query<{ id: string }>(
    'SELECT id FROM payment_methods WHERE customer_id = $1 ORDER BY position, id LIMIT 1',
    [o.customerId],
  );
  const method = first.rows[0]?.id;
  return method ? [{ kind: 'payment', amountMinor: totalMinor, paymentMethodId: method, at: o.placedAt }] : [];
}

/**
 * Writes an imported order's payments and refunds. A record that lists them replaces what is
 * stored; one that lists none keeps stored payments (refunds made since stay) and otherwise gets
 * the default payment. An erased customer's payments keep their amounts only.
 */
export async function writeOrderPayments(
  tx: Queryable,
  o: OrderRecord,
  opts: { totalMinor: number; erased: boolean },
): Promise<void> {
  const listed = (o.payments?.length ?? 0) > 0;
  if (!listed) {
    const stored = await tx.query('SELECT 1 FROM order_payments WHERE order_id = $1 LIMIT 1', [o.id]);
    if (stored.rows.length > 0) return;
  }
  const rows = await paymentsOf(tx, o, opts.totalMinor);
  await tx.query('DELETE FROM order_payments WHERE order_id = $1', [o.id]);
  for (const [i, p] of rows.entries()) {
    await tx.query(
      `INSERT INTO order_payments (order_id, seq, kind, amount_minor, currency, payment_method_id, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [o.id, i + 1, p.kind, p.amountMinor, o.currency, opts.erased ? ERASED_PAYMENT_METHOD : p.paymentMethodId, p.at],
    );
  }
}
