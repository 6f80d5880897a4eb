import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { NotFoundError } from '../errors.js';
import type { CartStore } from './cart-store.js';
import type { CartView } from './types.js';

/** An outside agent's cart no one changed for this long is gone. */
export const AGENT_CART_IDLE_DAYS = 7;

/** 144 random bits: the id is the only key to the cart, so it must not be guessable. */
export const newAgentCartId = () => `cart_${randomBytes(18).toString('base64url')}`;

const gone = (cartId: string) =>
  new NotFoundError(
    'cart:not_found',
    `There is no cart ${cartId}; carts made here expire after ${AGENT_CART_IDLE_DAYS} days without a change.`,
  );

/**
 * Carts of outside agents (the agent storefront): ordinary carts of the `mcp` channel, reached
 * only by their unguessable id, and only while changed within AGENT_CART_IDLE_DAYS. A shopper's
 * own cart is never reachable this way.
 */
export function createAgentCarts(deps: { db: Queryable; carts: CartStore; currency: string }) {
  const { db, carts } = deps;

  /** Throws `cart:not_found` unless the id is a live cart of an outside agent. */
  async function check(cartId: string): Promise<void> {
    const r = await db.query(
      `SELECT 1 FROM carts WHERE id = $1 AND channel = 'mcp' AND updated_at > now() - make_interval(days => $2)`,
      [cartId, AGENT_CART_IDLE_DAYS],
    );
    if (r.rows.length === 0) throw gone(cartId);
  }

  return {
    check,
    async create(): Promise<string> {
      const cartId = newAgentCartId();
      await carts.ensure(cartId, { currency: deps.currency, channel: 'mcp' });
      return cartId;
    },

    async view(cartId: string): Promise<CartView> {
      await check(cartId);
      return carts.view(cartId);
    },

    /** The shop platform's variant ids of these SKUs (for links into the platform's own cart). */
    async platformVariantIds(skus: string[]): Promise<Map<string, string>> {
      const r = await db.query<{ sku: string; platform_id: string }>(
        'SELECT sku, platform_id FROM variants WHERE sku = ANY($1::text[]) AND platform_id IS NOT NULL',
        [skus],
      );
      return new Map(r.rows.map((row) => [row.sku, row.platform_id]));
    },
  };
}

export type AgentCarts = ReturnType<typeof createAgentCarts>;
