import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { CartRefused, checkQuantity, MAX_LINE_QUANTITY, type CartStore, type LineCheck } from './cart-store.js';
import { mirrorPlatformCart } from './cart-mirror.js';
import type { CartRelay, Platform, PlatformCartCommand, PlatformCartReport } from './platform-cart.js';
import type { CartActor, CartView } from './types.js';

export interface PlatformCartStore extends CartStore {
  /**
   * The shop's page reports the platform's cart (when the chat opens, after the page's own cart
   * requests, on focus): our copy follows it, and from then on changes to this cart go to the
   * platform. Returns whether anything changed.
   */
  sync(cartId: string, report: PlatformCartReport, actor: CartActor): Promise<{ cart: CartView; changed: boolean }>;
}

/**
 * Carts for a shop on a platform (Shopify, WooCommerce): a cart the shop's page has reported is
 * the platform's own, so every change — the assistant's, the shopper's, an agent's, an approval —
 * is sent to the page, which applies it with the platform's cart API and answers with the cart as
 * the platform now has it; our copy is then made the same. Other carts stay native. Limits and
 * approval checks run before the command, against the line the change would leave.
 */
export function createPlatformCartStore(deps: {
  db: Database;
  native: CartStore;
  relay: CartRelay;
  platform: Platform;
  logger: Logger;
}): PlatformCartStore {
  const { db, native, relay } = deps;

  async function isPlatformCart(cartId: string): Promise<boolean> {
    const r = await db.query<{ platform: string | null }>('SELECT platform FROM carts WHERE id = $1', [cartId]);
    return r.rows[0]?.platform === deps.platform;
  }

  async function variantIdOf(sku: string): Promise<string> {
    const r = await db.query<{ platform_id: string | null }>(
      `SELECT v.platform_id FROM variants v JOIN products p ON p.id = v.product_id WHERE v.sku = $1 AND p.status = 'active'`,
      [sku],
    );
    if (r.rows.length === 0) throw new CartRefused('unknown_variant', `There is no product variant with SKU ${sku}.`);
    const id = r.rows[0].platform_id;
    if (!id) throw new CartRefused('unknown_variant', `${sku} is not sold through the shop's own cart.`);
    return id;
  }

  async function quantityInCart(cartId: string, sku: string): Promise<number> {
    const cart = await native.view(cartId);
    return cart.items.find((l) => l.sku === sku)?.quantity ?? 0;
  }

  async function apply(cartId: string, command: PlatformCartCommand, actor: CartActor): Promise<CartView> {
    const report = await relay.send(cartId, command);
    const { cart, unknownLines } = await mirrorPlatformCart(db, cartId, report, actor);
    if (unknownLines > 0) deps.logger.warn('platform cart holds variants not in the catalog', { cartId, unknownLines });
    return cart;
  }

  async function setLine(cartId: string, sku: string, quantity: number, actor: CartActor, opts: LineCheck) {
    const variantId = await variantIdOf(sku);
    if ((await quantityInCart(cartId, sku)) === 0) throw new CartRefused('not_in_cart', `${sku} is not in the cart.`);
    if (quantity > 0) opts.checkLine?.(quantity);
    return apply(cartId, { op: 'set', variantId, quantity }, actor);
  }

  return {
    ensure: native.ensure,
    view: native.view,
    history: native.history,
    async add(cartId, sku, quantity, actor, opts = {}) {
      if (!(await isPlatformCart(cartId))) return native.add(cartId, sku, quantity, actor, opts);
      checkQuantity(quantity, false);
      const variantId = await variantIdOf(sku);
      const resulting = (await quantityInCart(cartId, sku)) + quantity;
      if (resulting > MAX_LINE_QUANTITY)
        throw new CartRefused(
          'quantity_limit',
          `At most ${MAX_LINE_QUANTITY} of one item per order.`,
          MAX_LINE_QUANTITY,
        );
      opts.checkLine?.(resulting);
      return apply(cartId, { op: 'add', variantId, quantity }, actor);
    },
    async setQuantity(cartId, sku, quantity, actor, opts = {}) {
      if (!(await isPlatformCart(cartId))) return native.setQuantity(cartId, sku, quantity, actor, opts);
      checkQuantity(quantity, true);
      return setLine(cartId, sku, quantity, actor, opts);
    },
    async remove(cartId, sku, actor) {
      if (!(await isPlatformCart(cartId))) return native.remove(cartId, sku, actor);
      return setLine(cartId, sku, 0, actor, {});
    },
    async sync(cartId, report, actor) {
      if (report.platform !== deps.platform) {
        throw new CartRefused(
          'rejected',
          `This shop's server is set up for ${deps.platform} carts, not ${report.platform}.`,
        );
      }
      const { cart, changed, unknownLines } = await mirrorPlatformCart(db, cartId, report, actor);
      if (unknownLines > 0)
        deps.logger.warn('platform cart holds variants not in the catalog', { cartId, unknownLines });
      return { cart, changed };
    },
  };
}
