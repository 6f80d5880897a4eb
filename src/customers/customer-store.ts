import { contentHash } from '../shared/content-hash.js';
import type { CustomerRecord, OrderRecord } from '../catalog/records.js';
import { erasureKey } from '../shared/erasure-key.js';
import type { Queryable } from '../db/database.js';
import { ValidationError } from '../errors.js';
import type { UpsertOutcome } from '../catalog/product-store.js';
import { toJson } from '../db/database.js';
import { replacePaymentMethods, writeOrderPayments } from './payment-rows.js';

/** A field the record leaves out keeps what is stored (a platform sync does not know it); null clears it. */
const given = (v: unknown) => v !== undefined;
const jsonOrNull = (v: unknown) => (v === undefined || v === null ? null : toJson(v));

async function wasErased(tx: Queryable, customerId: string): Promise<boolean> {
  const r = await tx.query('SELECT 1 FROM erased_customers WHERE id_hash = $1', [erasureKey(customerId)]);
  return r.rows.length > 0;
}

/**
 * Inserts or updates a customer by id; unchanged content is left alone. A customer erased on
 * request is never imported again, even when the shop's files still list them. The record's
 * default address and payment methods replace the stored ones when it has them.
 */
export async function upsertCustomer(tx: Queryable, c: CustomerRecord): Promise<UpsertOutcome> {
  if (await wasErased(tx, c.id)) return 'unchanged';
  const hash = contentHash(c);
  const prev = await tx.query<{ content_hash: string }>('SELECT content_hash FROM customers WHERE id = $1', [c.id]);
  if (prev.rows[0]?.content_hash === hash) return 'unchanged';
  const clash = await tx.query<{ id: string }>('SELECT id FROM customers WHERE lower(email) = lower($1) AND id <> $2', [
    c.email,
    c.id,
  ]);
  if (clash.rows.length > 0)
    throw new ValidationError(
      'catalog:duplicate_email',
      `email ${c.email} already belongs to customer ${clash.rows[0].id}`,
    );
  await tx.query(
    `INSERT INTO customers (id, email, first_name, last_name, phone, city, country, language, tags, accepts_marketing,
                            content_hash, created_at, address)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text[], $10, $11, $12, $13::jsonb)
     ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email, first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
       phone = EXCLUDED.phone, city = EXCLUDED.city, country = EXCLUDED.country, language = EXCLUDED.language,
       tags = EXCLUDED.tags, accepts_marketing = EXCLUDED.accepts_marketing, content_hash = EXCLUDED.content_hash,
       created_at = EXCLUDED.created_at,
       address = CASE WHEN $14::boolean THEN EXCLUDED.address ELSE customers.address END`,
    [
      c.id,
      c.email,
      c.firstName,
      c.lastName,
      c.phone ?? null,
      c.city ?? null,
      c.country ?? null,
      c.language,
      c.tags,
      c.acceptsMarketing,
      hash,
      c.createdAt,
      jsonOrNull(c.address),
      given(c.address),
    ],
  );
  if (c.paymentMethods) await replacePaymentMethods(tx, c.id, c.paymentMethods);
  return prev.rows.length > 0 ? 'updated' : 'created';
}

/**
 * Inserts or updates an order, its lines and its payments by order id. The customer must exist.
 * An erased customer's order keeps no address, tracking number or payment method.
 */
export async function upsertOrder(tx: Queryable, o: OrderRecord): Promise<UpsertOutcome> {
  const hash = contentHash(o);
  const prev = await tx.query<{ content_hash: string }>('SELECT content_hash FROM orders WHERE id = $1', [o.id]);
  if (prev.rows[0]?.content_hash === hash) return 'unchanged';
  // An erased customer's orders are kept as anonymous figures only.
  const erased = await wasErased(tx, o.customerId);
  const customer = await tx.query('SELECT 1 FROM customers WHERE id = $1', [o.customerId]);
  if (customer.rows.length === 0 && !erased)
    throw new ValidationError('catalog:unknown_customer', `order ${o.id} refers to unknown customer ${o.customerId}`);
  const subtotal = o.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0);
  await tx.query(
    `INSERT INTO orders (id, customer_id, status, placed_at, currency, subtotal_minor, shipping_minor, total_minor,
                         tracking_carrier, tracking_number, tracking_url, shipped_at, delivered_at, returned_at, content_hash,
                         shipping_address)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb)
     ON CONFLICT (id) DO UPDATE SET customer_id = EXCLUDED.customer_id, status = EXCLUDED.status, placed_at = EXCLUDED.placed_at,
       currency = EXCLUDED.currency, subtotal_minor = EXCLUDED.subtotal_minor, shipping_minor = EXCLUDED.shipping_minor,
       total_minor = EXCLUDED.total_minor, tracking_carrier = EXCLUDED.tracking_carrier, tracking_number = EXCLUDED.tracking_number,
       tracking_url = EXCLUDED.tracking_url, shipped_at = EXCLUDED.shipped_at, delivered_at = EXCLUDED.delivered_at,
       returned_at = EXCLUDED.returned_at, content_hash = EXCLUDED.content_hash, version = orders.version + 1,
       shipping_address = CASE WHEN $17::boolean THEN EXCLUDED.shipping_address ELSE orders.shipping_address END`,
    [
      o.id,
      erased ? null : o.customerId,
      o.status,
      o.placedAt,
      o.currency,
      subtotal,
      o.shippingMinor,
      subtotal + o.shippingMinor,
      o.tracking?.carrier ?? null,
      erased ? null : (o.tracking?.number ?? null),
      erased ? null : (o.tracking?.url ?? null),
      o.shippedAt ?? null,
      o.deliveredAt ?? null,
      o.returnedAt ?? null,
      hash,
      erased ? null : jsonOrNull(o.shippingAddress),
      erased || given(o.shippingAddress),
    ],
  );
  await tx.query('DELETE FROM order_lines WHERE order_id = $1', [o.id]);
  for (const [i, l] of o.lines.entries()) {
    await tx.query(
      `INSERT INTO order_lines (order_id, line_no, sku, title, quantity, unit_price_minor, tracking_number)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [o.id, i + 1, l.sku, l.title, l.quantity, l.unitPriceMinor, erased ? null : (l.trackingNumber ?? null)],
    );
  }
  await writeOrderPayments(tx, o, { totalMinor: subtotal + o.shippingMinor, erased });
  return prev.rows.length > 0 ? 'updated' : 'created';
}
