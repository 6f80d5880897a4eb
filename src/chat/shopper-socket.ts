import type { IncomingMessage } from 'node:http';
import type { Server } from 'socket.io';
import type { ConversationLanguage } from '../conversations/conversation-language.js';
import type { ConversationStore } from '../conversations/conversation-store.js';
import type { EventLog } from '../conversations/event-log.js';
import { toCartPayload } from '../conversations/product-cards.js';
import type { CartStore } from '../carts/cart-store.js';
import type { CartRelay, Platform } from '../carts/platform-cart.js';
import type { PlatformCartStore } from '../carts/platform-cart-store.js';
import type { CustomerReader } from '../customers/customer-reader.js';
import { AppError, AuthError, toPublicError, ValidationError } from '../errors.js';
import type { SessionClaims } from '../identity/session-tokens.js';
import type { ShopperSessions } from '../identity/shopper-sessions.js';
import type { ShopperLimits } from '../limits/shopper-limits.js';
import type { Logger } from '../logger.js';
import { eventBinder, typedNamespace } from '../shared/typed-socket.js';
import type { ChatService } from './chat-service.js';
import {
  cartAddPayload,
  cartRemovePayload,
  cartSetPayload,
  cartSyncPayload,
  actionPayload,
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

export interface ShopperSocketDeps {
  io: Server;
  sessions: ShopperSessions;
  chat: ChatService;
  conversations: ConversationStore;
  events: EventLog;
  carts: CartStore;
  /** Set when the shop's carts are its platform's own: the pages report them and apply our changes. */
  platformCarts: { store: PlatformCartStore; relay: CartRelay; platform: Platform } | null;
  customers: CustomerReader;
  languages: ConversationLanguage;
  limits: ShopperLimits;
  clientIp: (req: IncomingMessage) => string;
  logger: Logger;
  onTyping?: (conversationId: string, isTyping: boolean) => void;
  onRating?: (conversationId: string, rating: number, comment: string | undefined) => Promise<void>;
  /** Other instances share this namespace (Redis adapter): a stop is passed on to them. */
  clustered?: boolean;
}

/** What the instances of a cluster tell each other on this namespace. */
interface ShopperClusterEvents {
  /** Stop this conversation's turn if it runs on your instance. */
  'turn:stop': (conversationId: string) => void;
}

interface ShopperSocketData {
  claims: SessionClaims;
  ip: string;
  release: () => void;
}

const room = (conversationId: string) => `conv:${conversationId}`;
const sessionRoom = (sessionId: string) => `session:${sessionId}`;
const cartRoom = (cartId: string) => `cart:${cartId}`;
/** How long a shop page may take to apply a cart command with its platform's cart API. */
const CART_COMMAND_TIMEOUT_MS = 15_000;

/** A handshake refusal the client can read: `err.message`, and `err.data` with the code and retry-after. */
function refusal(err: unknown): Error & { data: ReturnType<typeof toPublicError> } {
  const pub = toPublicError(err);
  return Object.assign(new Error(pub.message), { data: pub });
}

/**
 * The shopper namespace: authenticated by a live session (checked at the handshake), capped per
 * client address and per session, every event validated, rate-limited and acked. The sockets of a
 * session that ends (sign-in, sign-out) are disconnected.
 */
export function attachShopperSocket(deps: ShopperSocketDeps) {
  const { chat, logger, limits } = deps;
  const nsp = typedNamespace<ClientToServerEvents, ServerToClientEvents, ShopperSocketData, ShopperClusterEvents>(
    deps.io,
    SHOPPER_NAMESPACE,
  );
  nsp.on('turn:stop', (conversationId) => chat.stopHere(conversationId));

  nsp.use((socket, next) => {
    const ip = deps.clientIp(socket.request);
    const token = (socket.handshake.auth as { token?: string } | undefined)?.token;
    deps.sessions.authenticate(token, ip).then(
      (claims) => {
        try {
          socket.data.release = limits.connections.open({ address: ip, session: claims.sid });
        } catch (err) {
          return next(refusal(err));
        }
        socket.data.claims = claims;
        socket.data.ip = ip;
        next();
      },
      (err: unknown) => {
        if (!(err instanceof AppError)) logger.error('shopper socket authentication failed', { err });
        next(refusal(err));
      },
    );
  });

  nsp.on('connection', (socket) => {
    const { claims, ip } = socket.data;
    socket.once('disconnect', () => socket.data.release());
    const who = { ip, session: claims.sid };
    const on = eventBinder(socket, logger);

    on('conversation:join', joinPayload, async (p) => {
      await limits.take('join', who);
      const conv = p.conversationId
        ? await chat.ownConversation(claims, p.conversationId)
        : await deps.conversations.latestForSession(claims.sid);
      if (!conv) {
        throw new AuthError(
          'auth:bad_session',
          'This session has no conversation yet: start one with POST /api/sessions.',
        );
      }
      // Join first, then read: an event in between arrives twice, and the client keeps one by seq.
      await socket.join(room(conv.id));
      const language = await deps.languages.fromPage(conv, p.pageLanguage);
      const [events, cart, profile] = await Promise.all([
        chat.after(conv.id, p.afterSeq),
        chat.cart(claims),
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
        cartPlatform: deps.platformCarts?.platform ?? null,
        language,
      };
    });
    on('message:send', sendPayload, async (p) => {
      await limits.take('message', who);
      const r = await chat.send(claims, p, { clientIp: ip });
      return { messageId: r.messageId, seq: r.seq, queued: r.queued };
    });
    on('turn:stop', stopPayload, async (p) => ({ stopped: await chat.stop(claims, p.conversationId) }));
    on('turn:retry', retryPayload, async (p) => {
      await limits.take('message', who);
      return { queued: await chat.retry(claims, p.conversationId, p.messageId) };
    });
    const actor = { kind: 'shopper' as const, id: claims.sid };
    const changeCart = async (change: (cartId: string) => ReturnType<CartStore['view']>) => {
      await limits.take('cart', who);
      return toCartPayload(await chat.changeCart(claims, change));
    };
    on('cart:add', cartAddPayload, (p) => changeCart((cartId) => deps.carts.add(cartId, p.sku, p.quantity, actor)));
    on('cart:set', cartSetPayload, (p) =>
      changeCart((cartId) => deps.carts.setQuantity(cartId, p.sku, p.quantity, actor)),
    );
    on('cart:remove', cartRemovePayload, (p) => changeCart((cartId) => deps.carts.remove(cartId, p.sku, actor)));
    on('cart:sync', cartSyncPayload, async (p) => {
      await limits.take('cart', who);
      const platformCarts = deps.platformCarts;
      if (!platformCarts) {
        throw new ValidationError('cart:not_platform', "This shop's carts are Concierge's own (SHOP_PLATFORM=native).");
      }
      const synced = await chat.syncPlatformCart(claims, (cartId) => platformCarts.store.sync(cartId, p.cart, actor));
      // This page can now apply the cart commands of its cart.
      await socket.join(cartRoom(synced.cartId));
      return toCartPayload(synced.cart);
    });
    on('action:confirm', actionPayload, (p) => chat.decideAction(claims, p.conversationId, p.actionId, 'confirm'));
    on('action:cancel', actionPayload, (p) => chat.decideAction(claims, p.conversationId, p.actionId, 'cancel'));
    on('typing:set', typingPayload, async (p) => {
      await limits.take('typing', who);
      await chat.ownConversation(claims, p.conversationId);
      deps.onTyping?.(p.conversationId, p.isTyping);
      return null;
    });
    on('conversation:rate', ratePayload, async (p) => {
      await limits.take('rating', who);
      await chat.ownConversation(claims, p.conversationId);
      if (!deps.onRating) throw new AuthError('csat:unavailable', 'Ratings are not collected here.', { status: 403 });
      await deps.onRating(p.conversationId, p.rating, p.comment);
      return null;
    });

    socket
      .join(sessionRoom(claims.sid))
      ?.catch((err: unknown) => logger.error('could not join a session room', { err }));
  });

  deps.platformCarts?.relay.use(async (cartId, command) => {
    // One page applies it (all of a browser's tabs share the platform's cart): the latest to report.
    const pages = await nsp.in(cartRoom(cartId)).fetchSockets();
    const page = pages[pages.length - 1];
    if (!page) return undefined;
    try {
      const answers = await nsp.to(page.id).timeout(CART_COMMAND_TIMEOUT_MS).emitWithAck('cart:command', command);
      return answers[0];
    } catch (err) {
      logger.warn('a shop page did not answer a cart command', { err, cartId });
      return undefined;
    }
  });

  const unsubscribe = deps.events.subscribe((e) => nsp.to(room(e.conversationId)).emit('conversation:event', e));
  return {
    /** Disconnects every socket of a session that ended or was emptied: they hear nothing more. */
    disconnectSession: (sessionId: string) => nsp.in(sessionRoom(sessionId)).disconnectSockets(true),
    /** Asks the other instances to stop a conversation's turn (a no-op on a lone instance). */
    stopElsewhere(conversationId: string): void {
      if (deps.clustered) nsp.serverSideEmit('turn:stop', conversationId);
    },
    close: unsubscribe,
  };
}
