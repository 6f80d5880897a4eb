import type { Server } from 'socket.io';
import type { CartStore } from '../carts/cart-store.js';
import type { CustomerReader } from '../customers/customer-reader.js';
import { AuthError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { RateLimiter } from '../limits/rate-limiter.js';
import type { ChatService } from './chat-service.js';
import type { ConversationStore } from '../conversations/conversation-store.js';
import type { EventLog } from '../conversations/event-log.js';
import { toCartPayload } from '../conversations/product-cards.js';
import {
  cartAddPayload,
  cartRemovePayload,
  cartSetPayload,
  joinPayload,
  ratePayload,
  retryPayload,
  sendPayload,
  SHOPPER_NAMESPACE,
  stopPayload,
  typingPayload,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from './protocol.js';
import type { SessionClaims, SessionTokens } from '../identity/session-tokens.js';
import { eventBinder, typedNamespace } from '../shared/typed-socket.js';

export interface ShopperSocketDeps {
  io: Server;
  tokens: SessionTokens;
  chat: ChatService;
  conversations: ConversationStore;
  events: EventLog;
  carts: CartStore;
  customers: CustomerReader;
  limits: { perSession: RateLimiter; perIp: RateLimiter };
  logger: Logger;
  onTyping?: (conversationId: string, isTyping: boolean) => void;
  onRating?: (conversationId: string, rating: number, comment: string | undefined) => Promise<void>;
}

const room = (conversationId: string) => `conv:${conversationId}`;

/** The shopper namespace: authenticated by session token; every event validated and acked. */
export function attachShopperSocket(deps: ShopperSocketDeps): () => void {
  const { chat, logger } = deps;
  const nsp = typedNamespace<ClientToServerEvents, ServerToClientEvents, { claims: SessionClaims }>(
    deps.io,
    SHOPPER_NAMESPACE,
  );

  nsp.use((socket, next) => {
    const claims = deps.tokens.verify((socket.handshake.auth as { token?: string } | undefined)?.token);
    if (!claims)
      return next(
        new AuthError('auth:bad_session', 'Missing or invalid session token: start a session with POST /api/sessions.'),
      );
    socket.data.claims = claims;
    next();
  });

  nsp.on('connection', (socket) => {
    const claims = socket.data.claims;
    const ip = socket.handshake.address;
    const on = eventBinder(socket, logger);

    on('conversation:join', joinPayload, async (p) => {
      const conv = p.conversationId
        ? await chat.ownConversation(claims, p.conversationId)
        : await deps.conversations.latestForSession(claims.sid);
      if (!conv)
        throw new AuthError(
          'auth:bad_session',
          'This session has no conversation yet: start one with POST /api/sessions.',
        );
      // Join first, then read: an event in between arrives twice, and the client keeps one by seq.
      await socket.join(room(conv.id));
      const [events, cart, profile] = await Promise.all([
        chat.after(conv.id, p.afterSeq),
        deps.carts.view(conv.cartId),
        conv.customerId ? deps.customers.profile(conv.customerId) : null,
      ]);
      const fresh = (await deps.conversations.get(conv.id))!;
      return {
        conversationId: conv.id,
        status: fresh.status,
        cart: toCartPayload(cart),
        lastSeq: events.length > 0 ? events[events.length - 1].seq : await deps.events.lastSeq(conv.id),
        events,
        customer: profile ? { id: profile.id, firstName: profile.firstName } : null,
      };
    });
    on('message:send', sendPayload, async (p) => {
      deps.limits.perIp.take(`ip:${ip}`);
      deps.limits.perSession.take(`session:${claims.sid}`);
      const r = await chat.send(claims, p);
      return { messageId: r.messageId, seq: r.seq, queued: r.queued };
    });
    on('turn:stop', stopPayload, async (p) => ({ stopped: await chat.stop(claims, p.conversationId) }));
    on('turn:retry', retryPayload, async (p) => ({ queued: await chat.retry(claims, p.conversationId, p.messageId) }));
    const actor = { kind: 'shopper' as const, id: claims.sid };
    on('cart:add', cartAddPayload, async (p) =>
      toCartPayload(await chat.changeCart(claims, (cartId) => deps.carts.add(cartId, p.sku, p.quantity, actor))),
    );
    on('cart:set', cartSetPayload, async (p) =>
      toCartPayload(
        await chat.changeCart(claims, (cartId) => deps.carts.setQuantity(cartId, p.sku, p.quantity, actor)),
      ),
    );
    on('cart:remove', cartRemovePayload, async (p) =>
      toCartPayload(await chat.changeCart(claims, (cartId) => deps.carts.remove(cartId, p.sku, actor))),
    );
    on('typing:set', typingPayload, async (p) => {
      await chat.ownConversation(claims, p.conversationId);
      deps.onTyping?.(p.conversationId, p.isTyping);
      return null;
    });
    on('conversation:rate', ratePayload, async (p) => {
      await chat.ownConversation(claims, p.conversationId);
      if (!deps.onRating) throw new AuthError('csat:unavailable', 'Ratings are not collected here.', { status: 403 });
      await deps.onRating(p.conversationId, p.rating, p.comment);
      return null;
    });
  });

  return deps.events.subscribe((e) => nsp.to(room(e.conversationId)).emit('conversation:event', e));
}
