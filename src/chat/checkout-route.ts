import { Router, type Request } from 'express';
import { z } from 'zod';
import { takeCartLines } from '../carts/take-cart.js';
import type { CartStore } from '../carts/cart-store.js';
import type { ConversationStore } from '../conversations/conversation-store.js';
import type { Database } from '../db/database.js';
import { toCartPayload } from '../conversations/product-cards.js';
import { ConflictError } from '../errors.js';
import type { ShopperLimits } from '../limits/shopper-limits.js';
import { insertDemoOrder, type DemoOrder } from '../orders/demo-order.js';
import { attributeOrder } from '../platforms/attribution.js';
import { bearerToken } from '../shared/bearer-token.js';
import { parseInput } from '../shared/parse-input.js';
import type { ChatService } from './chat-service.js';
import type { ShopperSessions } from '../identity/shopper-sessions.js';

const checkoutBody = z.strictObject({});

/**
 * POST /api/storefront/checkout: the demo storefront's checkout. Places an order for the
 * session's cart (the signed-in customer's, else a guest's), empties the cart and tags the order
 * with the cart's conversation (`_concierge_conversation`), which credits it to that conversation.
 * Only for the built-in cart: on Shopify or WooCommerce the shop's own checkout takes the order.
 */
export function checkoutRoute(deps: {
  db: Database;
  sessions: ShopperSessions;
  conversations: ConversationStore;
  carts: CartStore;
  chat: ChatService;
  limits: ShopperLimits;
  platform: 'native' | 'shopify' | 'woocommerce';
  currency: string;
  attributionWindowDays?: number;
}): Router {
  const r = Router();
  const clientOf = (req: Request) => req.ip ?? 'unknown';

  r.post('/api/storefront/checkout', async (req, res) => {
    const claims = await deps.sessions.authenticate(bearerToken(req.get('authorization')), clientOf(req));
    parseInput(checkoutBody, req.body ?? {}, 'field');
    await deps.limits.take('cart', { ip: clientOf(req), session: claims.sid });
    if (deps.platform !== 'native') {
      throw new ConflictError(
        'checkout:platform_cart',
        `This cart lives on ${deps.platform}: check out with the shop's own checkout.`,
      );
    }
    const conversation = await deps.conversations.latestForSession(claims.sid);
    let order: DemoOrder | null = null;
    const cart = await deps.chat.changeCart(claims, async (cartId) => {
      order = await deps.db.transaction(async (tx) => {
        const lines = await takeCartLines(tx, cartId, { kind: 'shopper', id: claims.sid });
        const placed = await insertDemoOrder(tx, { lines, customerId: claims.cid, currency: deps.currency });
        const tagged = { orderId: placed.id, customerId: claims.cid, placedAt: placed.placedAt };
        await attributeOrder(tx, { ...tagged, conversationId: conversation?.id ?? null }, deps.attributionWindowDays);
        return placed;
      });
      return deps.carts.view(cartId);
    });
    res.status(201).json({ order: { ...order!, conversationId: conversation?.id ?? null }, cart: toCartPayload(cart) });
  });
  return r;
}
