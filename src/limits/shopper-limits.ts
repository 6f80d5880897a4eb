import { createConnectionCaps } from './connection-caps.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';

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
 * Every limit a shopper meets, per session and per client address, in this process. A refusal is a
 * `limits:rate_limited` error with a retry-after. Retries of failed answers spend the message budget
 * (each may cost model calls); starting a session and asking for a person count per address only.
 */
export function createShopperLimits(s: ShopperLimitSettings, opts: { onRefused?: (what: string) => void } = {}) {
  const lim = (limit: number, windowMs: number, what: string) =>
    createRateLimiter({ limit, windowMs, what, onRefused: opts.onRefused });
  const table: Record<ShopperAction, { session?: RateLimiter; ip: RateLimiter }> = {
    message: {
      session: lim(s.messagesPerMinute, MINUTE, 'messages'),
      ip: lim(s.messagesPerMinute * 5, MINUTE, 'messages'),
    },
    join: { session: lim(30, MINUTE, 'reconnects'), ip: lim(300, MINUTE, 'reconnects') },
    cart: { session: lim(60, MINUTE, 'cart changes'), ip: lim(300, MINUTE, 'cart changes') },
    typing: { session: lim(120, MINUTE, 'typing updates'), ip: lim(600, MINUTE, 'typing updates') },
    rating: { session: lim(10, MINUTE, 'ratings'), ip: lim(60, MINUTE, 'ratings') },
    session: { ip: lim(s.sessionsPerMinute, MINUTE, 'new chat sessions') },
    handoff: { ip: lim(s.handoffsPer10Minutes, 10 * MINUTE, 'requests for a person') },
  };
  return {
    /** Spends one unit of `action` for this client; throws when a budget is empty. */
    take(action: ShopperAction, who: { ip: string; session?: string }): void {
      const t = table[action];
      t.ip.take(who.ip);
      if (t.session && who.session) t.session.take(who.session);
    },
    connections: createConnectionCaps({
      limits: { address: s.socketsPerIp, session: s.socketsPerSession },
      onRefused: opts.onRefused,
    }),
  };
}

export type ShopperLimits = ReturnType<typeof createShopperLimits>;
