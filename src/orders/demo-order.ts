import { randomBytes } from 'node:crypto';
import { money } from '../catalog/money.js';
import type { Money } from '../catalog/types.js';
import type { Queryable } from '../db/database.js';
import { contentHash } from '../shared/content-hash.js';

export interface DemoOrderLine {
  sku: string;
  title: string;
  quantity: number;
  unitPriceMinor: number;
}

export interface DemoOrder {
  id: string;
  placedAt: string;
  itemCount: number;
  total: Money;
}

/** An order number a shopper can read out: DEMO- and eight letters and digits. */
function demoOrderId(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return `DEMO-${[...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

/**
 * Stores an order of the demo checkout (no payment, no shipping charge) with its lines, pending,
 * for the customer or as a guest's (no customer), in the caller's transaction.
 */
export async function insertDemoOrder(
  tx: Queryable,
  o: { lines: DemoOrderLine[]; customerId: string | null; currency: string; placedAt?: Date },
): Promise<DemoOrder> {
  const id = demoOrderId();
  const placedAt = (o.placedAt ?? new Date()).toISOString();
  const total = o.lines.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0);
  await tx.query(
    `INSERT INTO orders (id, customer_id, status, placed_at, currency, subtotal_minor, shipping_minor, total_minor, content_hash)
     VALUES ($1, $2, 'pending', $3, $4, $5, 0, $5, $6)`,
    [id, o.customerId, placedAt, o.currency, total, contentHash({ id, lines: o.lines })],
  );
  for (const [i, l] of o.lines.entries()) {
    await tx.query(
      `INSERT INTO order_lines (order_id, line_no, sku, title, quantity, unit_price_minor) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, i + 1, l.sku, l.title, l.quantity, l.unitPriceMinor],
    );
  }
  const itemCount = o.lines.reduce((n, l) => n + l.quantity, 0);
  return { id, placedAt, itemCount, total: money(total, o.currency) };
}
