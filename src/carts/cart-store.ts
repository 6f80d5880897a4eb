import { money } from '../catalog/money.js';
import type { Database, Queryable } from '../db/database.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { CartActor, CartChannel, CartLine, CartView } from './types.js';

export const MAX_LINE_QUANTITY = 20;

/** Why a cart change was refused; tools turn it into a clear answer with alternatives. */
export class CartRefused extends ValidationError {
  constructor(
    readonly reason:
      | 'out_of_stock'
      | 'unknown_variant'
      | 'quantity_limit'
      | 'not_in_cart'
      /** The shop platform's cart could not be reached (no shop page open) or refused for another reason. */
      | 'unreachable'
      | 'rejected',
    message: string,
    readonly available?: number,
  ) {
    super(`cart:${reason}`, message);
  }
}

export interface LineCheck {
  /**
   * Runs inside the change's transaction with the line's resulting quantity; throwing undoes the
   * change. Concurrent changes of one cart queue on its row lock, so the check sees every earlier one.
   */
  checkLine?: (resultingQuantity: number) => void;
}

export interface CartStore {
  /** Creates the cart if it does not exist yet (of `channel` when given); ties it to a customer once known. */
  ensure(cartId: string, opts: { currency: string; customerId?: string | null; channel?: CartChannel }): Promise<void>;
  view(cartId: string): Promise<CartView>;
  /** Adds `quantity` to the line (creating it). Atomic: concurrent adds from any side all count. */
  add(cartId: string, sku: string, quantity: number, actor: CartActor, opts?: LineCheck): Promise<CartView>;
  /** Sets the line's quantity; 0 removes it. */
  setQuantity(cartId: string, sku: string, quantity: number, actor: CartActor, opts?: LineCheck): Promise<CartView>;
  remove(cartId: string, sku: string, actor: CartActor): Promise<CartView>;
  history(cartId: string): Promise<
    {
      actor: string;
      actorId: string | null;
      action: string;
      sku: string | null;
      quantity: number | null;
      version: number;
    }[]
  >;
}

interface LineRow {
  sku: string;
  quantity: number;
  handle: string;
  title: string;
  options: Record<string, string>;
  price_minor: number;
  currency: string;
  stock: number;
  image: string | null;
  images: string[];
}

/** The cart as everyone sees it: lines joined with the catalog, with prices, stock and subtotal. */
export async function readView(q: Queryable, cartId: string): Promise<CartView> {
  const cart = await q.query<{ version: number; currency: string; checkout_url: string | null }>(
    'SELECT version, currency, checkout_url FROM carts WHERE id = $1',
    [cartId],
  );
  if (cart.rows.length === 0) throw new NotFoundError('cart:not_found', 'Cart not found');
  const currency = cart.rows[0].currency.trim();
  const lines = await q.query<LineRow>(
    `SELECT ci.sku, ci.quantity, p.handle, p.title, v.options, v.price_minor, v.currency, v.stock, v.image, p.images
     FROM cart_items ci JOIN variants v ON v.sku = ci.sku JOIN products p ON p.id = v.product_id
     WHERE ci.cart_id = $1 ORDER BY ci.added_at, ci.sku`,
    [cartId],
  );
  const items: CartLine[] = lines.rows.map((r) => ({
    sku: r.sku,
    handle: r.handle,
    title: r.title,
    options: r.options,
    quantity: r.quantity,
    unitPrice: money(r.price_minor, r.currency.trim()),
    lineTotal: money(r.price_minor * r.quantity, r.currency.trim()),
    inStock: r.stock >= r.quantity,
    stock: r.stock,
    image: r.image ?? r.images[0] ?? null,
  }));
  const subtotal = lines.rows.reduce((sum, r) => sum + r.price_minor * r.quantity, 0);
  return {
    id: cartId,
    version: cart.rows[0].version,
    items,
    itemCount: items.reduce((n, i) => n + i.quantity, 0),
    subtotal: money(subtotal, currency),
    checkoutUrl: cart.rows[0].checkout_url,
  };
}

export function checkQuantity(quantity: number, allowZero: boolean) {
  if (!Number.isInteger(quantity) || quantity < (allowZero ? 0 : 1)) {
    throw new ValidationError('cart:bad_quantity', `Quantity must be a whole number of at least ${allowZero ? 0 : 1}.`);
  }
  if (quantity > MAX_LINE_QUANTITY) {
    throw new CartRefused('quantity_limit', `At most ${MAX_LINE_QUANTITY} of one item per order.`, MAX_LINE_QUANTITY);
  }
}

/**
 * Carts at variant level for concurrent writers (shopper, assistant, human agent). Every change
 * is one transaction that locks the cart row (by bumping its version), changes the line with a
 * single statement, and records who did it.
 */
export function createCartStore(deps: { db: Database }): CartStore {
  const { db } = deps;

  async function change(
    cartId: string,
    actor: CartActor,
    action: 'add' | 'set' | 'remove',
    sku: string,
    quantity: number | null,
    apply: (tx: Queryable, stock: number) => Promise<void>,
  ): Promise<CartView> {
    return db.transaction(async (tx) => {
      const bumped = await tx.query<{ version: number }>(
        'UPDATE carts SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version',
        [cartId],
      );
      if (bumped.rows.length === 0) throw new NotFoundError('cart:not_found', 'Cart not found');
      const variant = await tx.query<{ stock: number }>(
        `SELECT v.stock FROM variants v JOIN products p ON p.id = v.product_id WHERE v.sku = $1 AND p.status = 'active'`,
        [sku],
      );
      if (variant.rows.length === 0 && action !== 'remove')
        throw new CartRefused('unknown_variant', `There is no product variant with SKU ${sku}.`);
      await apply(tx, variant.rows[0]?.stock ?? 0);
      await tx.query(
        'INSERT INTO cart_events (cart_id, actor, actor_id, action, sku, quantity, cart_version) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [cartId, actor.kind, actor.id ?? null, action, sku, quantity, bumped.rows[0].version],
      );
      return readView(tx, cartId);
    });
  }

  return {
    async ensure(cartId, opts) {
      await db.query(
        `INSERT INTO carts (id, currency, customer_id, channel) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET customer_id = coalesce(EXCLUDED.customer_id, carts.customer_id)`,
        [cartId, opts.currency, opts.customerId ?? null, opts.channel ?? null],
      );
    },
    view: (cartId) => readView(db, cartId),
    async add(cartId, sku, quantity, actor, opts = {}) {
      checkQuantity(quantity, false);
      return change(cartId, actor, 'add', sku, quantity, async (tx, stock) => {
        const r = await tx.query<{ quantity: number }>(
          `INSERT INTO cart_items (cart_id, sku, quantity) VALUES ($1, $2, $3)
           ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = cart_items.quantity + EXCLUDED.quantity, updated_at = now()
           RETURNING quantity`,
          [cartId, sku, quantity],
        );
        const total = r.rows[0].quantity;
        opts.checkLine?.(total);
        if (stock <= 0) throw new CartRefused('out_of_stock', 'That variant is out of stock.', 0);
        if (total > stock) throw new CartRefused('out_of_stock', `Only ${stock} in stock.`, stock);
        if (total > MAX_LINE_QUANTITY)
          throw new CartRefused(
            'quantity_limit',
            `At most ${MAX_LINE_QUANTITY} of one item per order.`,
            MAX_LINE_QUANTITY,
          );
      });
    },
    async setQuantity(cartId, sku, quantity, actor, opts = {}) {
      checkQuantity(quantity, true);
      return change(cartId, actor, quantity === 0 ? 'remove' : 'set', sku, quantity, async (tx, stock) => {
        if (quantity === 0) {
          await tx.query('DELETE FROM cart_items WHERE cart_id = $1 AND sku = $2', [cartId, sku]);
          return;
        }
        opts.checkLine?.(quantity);
        if (quantity > stock)
          throw new CartRefused(
            'out_of_stock',
            stock > 0 ? `Only ${stock} in stock.` : 'That variant is out of stock.',
            stock,
          );
        const r = await tx.query(
          'UPDATE cart_items SET quantity = $3, updated_at = now() WHERE cart_id = $1 AND sku = $2',
          [cartId, sku, quantity],
        );
        if (r.rowCount === 0) throw new CartRefused('not_in_cart', `${sku} is not in the cart.`);
      });
    },
    async remove(cartId, sku, actor) {
      return change(cartId, actor, 'remove', sku, null, async (tx) => {
        const r = await tx.query('DELETE FROM cart_items WHERE cart_id = $1 AND sku = $2', [cartId, sku]);
        if (r.rowCount === 0) throw new CartRefused('not_in_cart', `${sku} is not in the cart.`);
      });
    },
    async history(cartId) {
      const r = await db.query<{
        actor: string;
        actor_id: string | null;
        action: string;
        sku: string | null;
        quantity: number | null;
        cart_version: number;
      }>(
        'SELECT actor, actor_id, action, sku, quantity, cart_version FROM cart_events WHERE cart_id = $1 ORDER BY id',
        [cartId],
      );
      return r.rows.map((e) => ({
        actor: e.actor,
        actorId: e.actor_id,
        action: e.action,
        sku: e.sku,
        quantity: e.quantity,
        version: e.cart_version,
      }));
    },
  };
}
