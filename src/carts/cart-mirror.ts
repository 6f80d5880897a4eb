import type { Database, Queryable } from '../db/database.js';
import { NotFoundError } from '../errors.js';
import { readView } from './cart-store.js';
import type { PlatformCartReport } from './platform-cart.js';
import type { CartActor, CartView } from './types.js';

interface LineChange {
  sku: string;
  action: 'add' | 'set' | 'remove';
  quantity: number | null;
}

/** Our SKUs for the platform's variant ids; lines of variants we don't know are left out. */
async function wantedLines(
  tx: Queryable,
  report: PlatformCartReport,
): Promise<{ wanted: Map<string, number>; unknownLines: number }> {
  const ids = report.lines.map((l) => l.variantId);
  const known = await tx.query<{ platform_id: string; sku: string }>(
    'SELECT platform_id, sku FROM variants WHERE platform_id = ANY($1::text[])',
    [ids],
  );
  const skuOf = new Map(known.rows.map((r) => [r.platform_id, r.sku]));
  const wanted = new Map<string, number>();
  let unknownLines = 0;
  for (const line of report.lines) {
    const sku = skuOf.get(line.variantId);
    if (sku) wanted.set(sku, (wanted.get(sku) ?? 0) + line.quantity);
    else unknownLines++;
  }
  return { wanted, unknownLines };
}

function diff(current: Map<string, number>, wanted: Map<string, number>): LineChange[] {
  const changes: LineChange[] = [];
  for (const sku of current.keys()) if (!wanted.has(sku)) changes.push({ sku, action: 'remove', quantity: null });
  for (const [sku, quantity] of wanted) {
    const had = current.get(sku);
    if (had === undefined) changes.push({ sku, action: 'add', quantity });
    else if (had !== quantity) changes.push({ sku, action: 'set', quantity });
  }
  return changes;
}

/**
 * Makes our copy of a cart what the shop platform reports, in one transaction: each line that
 * differs is changed and recorded with the actor whose action the report follows, so the console,
 * the assistant and analytics see the shop's real cart with its history.
 */
export async function mirrorPlatformCart(
  db: Database,
  cartId: string,
  report: PlatformCartReport,
  actor: CartActor,
): Promise<{ cart: CartView; changed: boolean; unknownLines: number }> {
  return db.transaction(async (tx) => {
    // Locks the cart row first, so concurrent reports apply one after the other.
    const locked = await tx.query<{ version: number; platform: string | null; checkout_url: string | null }>(
      'SELECT version, platform, checkout_url FROM carts WHERE id = $1 FOR UPDATE',
      [cartId],
    );
    if (locked.rows.length === 0) throw new NotFoundError('cart:not_found', 'Cart not found');
    const { wanted, unknownLines } = await wantedLines(tx, report);
    const rows = await tx.query<{ sku: string; quantity: number }>(
      'SELECT sku, quantity FROM cart_items WHERE cart_id = $1',
      [cartId],
    );
    const changes = diff(new Map(rows.rows.map((r) => [r.sku, r.quantity])), wanted);
    const prev = locked.rows[0];
    const relinked = prev.platform !== report.platform || prev.checkout_url !== report.checkoutUrl;
    if (changes.length === 0 && !relinked) return { cart: await readView(tx, cartId), changed: false, unknownLines };
    const bumped = await tx.query<{ version: number }>(
      `UPDATE carts SET version = version + 1, updated_at = now(), platform = $2, checkout_url = $3
       WHERE id = $1 RETURNING version`,
      [cartId, report.platform, report.checkoutUrl],
    );
    const version = bumped.rows[0].version;
    for (const c of changes) {
      if (c.action === 'remove')
        await tx.query('DELETE FROM cart_items WHERE cart_id = $1 AND sku = $2', [cartId, c.sku]);
      else
        await tx.query(
          `INSERT INTO cart_items (cart_id, sku, quantity) VALUES ($1, $2, $3)
           ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = EXCLUDED.quantity, updated_at = now()`,
          [cartId, c.sku, c.quantity],
        );
      await tx.query(
        'INSERT INTO cart_events (cart_id, actor, actor_id, action, sku, quantity, cart_version) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [cartId, actor.kind, actor.id ?? null, c.action, c.sku, c.quantity, version],
      );
    }
    return { cart: await readView(tx, cartId), changed: changes.length > 0, unknownLines };
  });
}
