import { createConnectionCaps } from './connection-caps.js';
import { memoryLimiters, type LimiterFactory, type RateLimiter } from './rate-limiter.js';

export interface ShopperLimitSettings {
  messagesPerMinute: number;
  sessionsPerMinute: number;
  handoffsPer10Minutes: number;
  socketsPerIp: number;
  socketsPerSession: number;
}

/** What a shopper can do that costs work; each has its own budget. */
export type ShopperAction = 'message' | 'join' | 'cart' | 'typing' | 'rating' | 'session' | 'handoff';

const MINUTE = 60_000;

/**
 * Every limit a shopper meets, per session and per client address: in memory, or shared by every
 * instance through the given limiters (Redis). A refusal is a `limits:rate_limited` error with a
 * retry-after. Retries of failed answers spend the message budget (each may cost model calls);
 * starting a session and asking for a person count per address only. Open connections are capped
 * per process.
 */
export function createShopperLimits(
  s: ShopperLimitSettings,
  opts: { onRefused?: (what: string) => void; limiters?: LimiterFactory } = {},
) {
  const make = opts.limiters ?? memoryLimiters;
  const lim = (name: string, limit: number, windowMs: number, what: string) =>
    make({ name, limit, windowMs, what, onRefused: opts.onRefused });
  const table: Record<ShopperAction, { session?: RateLimiter; ip: RateLimiter }> = {
    message: {
      session: lim('message:session', s.messagesPerMinute, MINUTE, 'messages'),
      ip: lim('message:ip', s.messagesPerMinute * 5, MINUTE, 'messages'),
    },
    join: { session: lim('join:session', 30, MINUTE, 'reconnects'), ip: lim('join:ip', 300, MINUTE, 'reconnects') },
    cart: {
      session: lim('cart:session', 60, MINUTE, 'cart changes'),
      ip: lim('cart:ip', 300, MINUTE, 'cart changes'),
    },
    typing: {
      session: lim('typing:session', 120, MINUTE, 'typing updates'),
      ip: lim('typing:ip', 600, MINUTE, 'typing updates'),
    },
    rating: { session: lim('rating:session', 10, MINUTE, 'ratings'), ip: lim('rating:ip', 60, MINUTE, 'ratings') },
    session: { ip: lim('session:ip', s.sessionsPerMinute, MINUTE, 'new chat sessions') },
    handoff: { ip: lim('handoff:ip', s.handoffsPer10Minutes, 10 * MINUTE, 'requests for a person') },
  };
  return {
    /** Spends one unit of `action` for this client; rejects when a budget is empty. */
    async take(action: ShopperAction, who: { ip: string; session?: string }): Promise<void> {
      const t = table[action];
      await t.ip.take(who.ip);
      if (t.session && who.session) await t.session.take(who.session);
    },
    connections: createConnectionCaps({
      limits: { address: s.socketsPerIp, session: s.socketsPerSession },
      onRefused: opts.onRefused,
    }),
  };
}

export type ShopperLimits = ReturnType<typeof createShopperLimits>;
