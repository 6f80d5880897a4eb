import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  CartPayload,
  ClientToServerEvents,
  JoinResult,
  PlatformCartAnswer,
  PlatformCartCommand,
  ServerToClientEvents,
} from '../../src/chat/protocol.js';
import type { DemoOrder } from '../loader/frame-messages.js';
import type { PlatformCartSnapshot } from '../loader/platforms/platform-cart.js';
import type { ConversationState } from './conversation-state.js';
import { randomId } from './dom.js';
import { MAX_MESSAGE_CHARS, SHOPPER_NAMESPACE } from './limits.js';
import { refusalText } from './refusal-text.js';
import { ChatError, createSessionStore, postJson, requestSession, type Session } from './session.js';
import type { Language } from '../../src/shared/language.js';
import { t } from '../i18n/live.js';

type ShopperSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Event = keyof ClientToServerEvents;
type AckOf<E extends Event> = Parameters<NonNullable<Parameters<ClientToServerEvents[E]>[1]>>[0];
type DataOf<E extends Event> = Extract<AckOf<E>, { ok: true }>['data'];
export type Identity = { customerId: string; customerHash: string } | null;

export interface ClientHooks {
  connection(state: 'connecting' | 'online' | 'offline'): void;
  /** A session is joined: after start, and again after each sign-in or sign-out. */
  ready(session: Session): void;
  /** Every successful join, reconnections included. */
  joined?(data: JoinResult): void;
  /** The server asks the page to change the shop platform's cart. */
  platformCommand?(command: PlatformCartCommand): Promise<PlatformCartAnswer>;
}

const NO_PAGE: PlatformCartAnswer = {
  ok: false,
  error: { code: 'platform:network', message: 'This chat is not open on a page of the shop.' },
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The shopper's connection: the session (kept across reloads), the socket, joining with the
 * last seq we have, gap filling, and an outbox that resends a message under the same client
 * id until the server acknowledges it (the server stores it once).
 */
export function createChatClient(opts: {
  apiBase: string;
  serverOrigin: string;
  state: ConversationState;
  hooks: ClientHooks;
  /** The language the shop's page declares (data-lang or its lang), sent with every join. */
  pageLanguage?: Language | null;
}) {
  const { state, hooks } = opts;
  const store = createSessionStore(opts.serverOrigin);
  const outbox = new Map<string, { text: string; settle: (err: ChatError | null) => void }>();
  const inFlight = new Set<string>();
  let session: Session | null = null;
  let identity: Identity = null;
  let socket: ShopperSocket | null = null;
  let joining = false;
  let rejoin = false;
  let announced = false;
  let initialJoin = true;
  let recovering = false;
  let recoveries = 0;

  async function request<E extends Event>(
    event: E,
    payload: Parameters<ClientToServerEvents[E]>[0],
    timeoutMs = 10_000,
  ): Promise<DataOf<E>> {
    if (!socket) throw new ChatError('network:offline', t('error.connecting'));
    let res: Ack<DataOf<E>>;
    try {
      res = await (
        socket.timeout(timeoutMs) as unknown as { emitWithAck(e: E, p: unknown): Promise<Ack<DataOf<E>>> }
      ).emitWithAck(event, payload);
    } catch {
      throw new ChatError('network:timeout', t('error.timeout'));
    }
    if (!res.ok) throw new ChatError(res.error.code, refusalText(res.error));
    return res.data;
  }

  function useSession(s: Session) {
    session = s;
    store.save(s);
  }

  async function openSession(wanted: Identity): Promise<Session> {
    const stored = store.load();
    if (!wanted) return stored ?? requestSession(opts.apiBase, {});
    if (stored?.customer?.id === wanted.customerId) return stored;
    try {
      return await requestSession(opts.apiBase, { ...wanted, token: stored?.token });
    } catch (err) {
      if (err instanceof ChatError && err.code.startsWith('auth:')) {
        console.warn(`Concierge: sign-in refused (${err.message}); continuing as a guest.`);
        return stored && !stored.customer ? stored : requestSession(opts.apiBase, {});
      }
      throw err;
    }
  }

  /** A token the server refused (expired, or signed with an old secret): start a fresh session. */
  async function recover() {
    if (recovering) return;
    recovering = true;
    hooks.connection('connecting');
    if (recoveries > 0) await sleep(Math.min(30_000, 1_000 * 2 ** recoveries));
    recoveries++;
    for (let attempt = 0; ; attempt++) {
      try {
        useSession(await requestSession(opts.apiBase, identity ?? {}));
        break;
      } catch {
        await sleep(Math.min(30_000, 1_000 * 2 ** attempt));
      }
    }
    recovering = false;
    announced = false;
    socket?.disconnect().connect();
  }

  async function join() {
    if (!socket?.connected || !session) return;
    if (joining) {
      rejoin = true;
      return;
    }
    joining = true;
    try {
      for (let round = 0; round < 5 && (round === 0 || rejoin || state.hasGap); round++) {
        rejoin = false;
        const afterSeq = state.conversationId === session.conversationId ? state.lastSeq : 0;
        const data = await request(
          'conversation:join',
          { conversationId: session.conversationId, afterSeq, pageLanguage: opts.pageLanguage ?? undefined },
          15_000,
        );
        state.applyJoin(data, { initial: initialJoin });
        hooks.joined?.(data);
        initialJoin = false;
        recoveries = 0;
        if (!announced || data.conversationId !== session.conversationId) {
          useSession({ ...session, conversationId: data.conversationId, customer: data.customer });
          if (!announced) hooks.ready(session);
          announced = true;
        }
      }
      hooks.connection('online');
      joining = false;
      for (const id of outbox.keys()) void deliver(id);
    } catch (err) {
      joining = false;
      // A timeout is retried; a refusal means this session can't have its conversation back.
      if (err instanceof ChatError && err.code === 'network:timeout') setTimeout(() => void join(), 2_000);
      else void recover();
    }
  }

  async function deliver(id: string) {
    const item = outbox.get(id);
    if (!item || inFlight.has(id) || joining || !socket?.connected || !state.conversationId) return;
    inFlight.add(id);
    try {
      await request('message:send', { conversationId: state.conversationId, clientMessageId: id, text: item.text });
      outbox.delete(id);
      item.settle(null);
    } catch (err) {
      if (err instanceof ChatError && err.code === 'network:timeout') {
        // No ack: try again under the same id; after a disconnect the next join flushes the outbox.
        setTimeout(() => void deliver(id), 1_000);
      } else {
        outbox.delete(id);
        state.markRefused(id, (err as Error).message);
        item.settle(err as ChatError);
      }
    } finally {
      inFlight.delete(id);
    }
  }

  function connect() {
    const path = `${new URL(opts.apiBase).pathname}socket.io`;
    socket = io(opts.serverOrigin + SHOPPER_NAMESPACE, { path, auth: (cb) => cb({ token: session?.token }) });
    socket.on('connect', () => void join());
    socket.on('disconnect', (reason) => {
      hooks.connection('offline');
      // The server closing us (e.g. a restart) is not retried by socket.io itself.
      if (reason === 'io server disconnect') setTimeout(() => socket?.connect(), 1_000);
    });
    socket.on('connect_error', (err) => {
      const refusal = (err as { data?: { code?: string; details?: { retryAfterSeconds?: number } } }).data;
      if (refusal?.code === 'limits:rate_limited') {
        // Too many chat windows: the session is fine, so wait and try again rather than start a new one.
        hooks.connection('offline');
        setTimeout(() => socket?.connect(), 1_000 * (refusal.details?.retryAfterSeconds ?? 30));
        return;
      }
      // Not `active` means the server refused the handshake (a bad token), not that it is unreachable.
      if (socket && !socket.active) void recover();
      else hooks.connection('offline');
    });
    socket.on('cart:command', (command, ack) => {
      void (hooks.platformCommand?.(command) ?? Promise.resolve(NO_PAGE)).then(ack);
    });
    socket.on('conversation:event', (e) => {
      if (state.receive(e)) void join();
    });
  }

  /** Reconnects with a new session's token and joins its conversation. */
  function switchTo(s: Session) {
    useSession(s);
    for (const [id, item] of outbox) {
      const err = new ChatError('session:switched', t('error.switched'));
      state.markRefused(id, err.message);
      item.settle(err);
      outbox.delete(id);
    }
    announced = false;
    hooks.connection('connecting');
    socket?.disconnect().connect();
  }

  return {
    get session() {
      return session;
    },
    async start(wanted: Identity) {
      identity = wanted;
      hooks.connection('connecting');
      for (let attempt = 0; !session; attempt++) {
        try {
          useSession(await openSession(wanted));
        } catch {
          hooks.connection('offline');
          await sleep(Math.min(30_000, 1_000 * 2 ** attempt));
        }
      }
      connect();
    },
    /** Sends a shopper message (kept in the outbox while connecting); resolves once the server has stored it. */
    send(text: string): Promise<void> {
      const trimmed = text.trim();
      if (!trimmed) return Promise.resolve();
      if (trimmed.length > MAX_MESSAGE_CHARS)
        return Promise.reject(new ChatError('message:too_long', t('error.tooLong', { max: MAX_MESSAGE_CHARS })));
      const id = randomId('c');
      state.addPending(id, trimmed);
      return new Promise((resolve, reject) => {
        outbox.set(id, { text: trimmed, settle: (err) => (err ? reject(err) : resolve()) });
        void deliver(id);
      });
    },
    stop: () => request('turn:stop', { conversationId: state.conversationId ?? '' }),
    retry: (messageId: string) => request('turn:retry', { conversationId: state.conversationId ?? '', messageId }),
    async cart(op: 'cart:add' | 'cart:set', sku: string, quantity: number): Promise<CartPayload> {
      const cart = await request(op, { sku, quantity });
      state.setCart(cart);
      return cart;
    },
    /** The shopper confirms or cancels a change the assistant prepared. */
    decideAction: (actionId: string, decision: 'confirm' | 'cancel') =>
      request(decision === 'confirm' ? 'action:confirm' : 'action:cancel', {
        conversationId: state.conversationId ?? '',
        actionId,
      }),
    /** Tells the server what the shop platform's cart holds now; it mirrors it and sends its commands here. */
    async syncPlatformCart(snapshot: PlatformCartSnapshot): Promise<void> {
      const lines = snapshot.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity }));
      const cart = await request('cart:sync', {
        cart: { platform: snapshot.platform, lines, checkoutUrl: snapshot.checkoutUrl },
      });
      state.setCart(cart);
    },
    rate: (rating: number, comment?: string) =>
      request('conversation:rate', {
        conversationId: state.conversationId ?? '',
        rating,
        ...(comment ? { comment } : {}),
      }),
    typing(isTyping: boolean) {
      if (socket?.connected && state.conversationId)
        socket.volatile.emit('typing:set', { conversationId: state.conversationId, isTyping });
    },
    async signIn(customerId: string, customerHash: string) {
      if (session?.customer?.id === customerId) return session.customer;
      const s = await requestSession(opts.apiBase, { customerId, customerHash, token: session?.token });
      identity = { customerId, customerHash };
      switchTo(s);
      return s.customer;
    },
    /** The demo checkout: an order for this session's cart, which the server then empties. */
    async checkout(): Promise<DemoOrder> {
      const answer = await postJson<{ order: DemoOrder; cart: CartPayload }>(
        `${opts.apiBase}api/storefront/checkout`,
        session?.token,
      );
      state.setCart(answer.cart);
      return answer.order;
    },
    async signOut() {
      if (session && !session.customer) return null;
      identity = null;
      switchTo(await requestSession(opts.apiBase, { token: session?.token }));
      return null;
    },
  };
}

export type ChatClient = ReturnType<typeof createChatClient>;
