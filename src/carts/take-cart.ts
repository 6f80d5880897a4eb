import { ConflictError, NotFoundError } from '../errors.js';
import type { Queryable } from '../db/database.js';
import type { CartActor } from './types.js';

export interface TakenLine {
  sku: string;
  title: string;
  quantity: number;
  unitPriceMinor: number;
}

/**
 * Empties a cart for its checkout, in the caller's transaction: locks it (bumping its version),
 * returns its lines at today's prices and logs one `clear` by the actor. An empty cart is refused.
 */
export async function takeCartLines(tx: Queryable, cartId: string, actor: CartActor): Promise<TakenLine[]> {
  const bumped = await tx.query<{ version: number }>(
    'UPDATE carts SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version',
    [cartId],
  );
  if (bumped.rows.length === 0) throw new NotFoundError('cart:not_found', 'Cart not found');
  const lines = await tx.query<{ sku: string; title: string; quantity: number; price_minor: number }>(
    `SELECT i.sku, p.title, i.quantity, v.price_minor FROM cart_items i
       JOIN variants v ON v.sku = i.sku JOIN products p ON p.id = v.product_id
     WHERE i.cart_id = $1 ORDER BY i.added_at, i.sku`,
    [cartId],
  );
  if (lines.rows.length === 0)
    throw new ConflictError('checkout:empty_cart', 'The cart is empty: add something first.');
  await tx.query('DELETE FROM cart_items WHERE cart_id = $1', [cartId]);
  await tx.query(
    `INSERT INTO cart_events (cart_id, actor, actor_id, action, cart_version) VALUES ($1, $2, $3, 'clear', $4)`,
    [cartId, actor.kind, actor.id ?? null, bumped.rows[0].version],
  );
  return lines.rows.map((l) => ({ sku: l.sku, title: l.title, quantity: l.quantity, unitPriceMinor: l.price_minor }));
}
