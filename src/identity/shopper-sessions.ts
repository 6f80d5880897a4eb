import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database.js';
import { AuthError } from '../errors.js';
import type { SessionClaims, SessionTokens } from './session-tokens.js';

export interface ShopperSession {
  id: string;
  customerId: string | null;
  cartId: string;
  channel: string;
  ip: string | null;
  revoked: boolean;
}

interface Row {
  id: string;
  customer_id: string | null;
  cart_id: string;
  channel: string;
  ip: string | null;
  revoked_at: Date | null;
}

const toSession = (r: Row): ShopperSession => ({
  id: r.id,
  customerId: r.customer_id,
  cartId: r.cart_id,
  channel: r.channel,
  ip: r.ip,
  revoked: r.revoked_at !== null,
});

const BAD_SESSION = () =>
  new AuthError('auth:bad_session', 'Missing or invalid session token: start a session with POST /api/sessions.');

export const newCartId = () => `cart_${randomUUID()}`;

/**
 * Shopper sessions, kept server-side beside their signed tokens: a token is honoured only while
 * its session exists, is not revoked and still belongs to the same customer. Signing in or out
 * issues a new session; the old one is emptied or revoked.
 */
export function createShopperSessions(deps: { db: Database; tokens: SessionTokens }) {
  const { db, tokens } = deps;

  async function get(id: string, q: Queryable = db): Promise<ShopperSession | null> {
    const r = await q.query<Row>('SELECT * FROM shopper_sessions WHERE id = $1', [id]);
    return r.rows[0] ? toSession(r.rows[0]) : null;
  }

  return {
    get,

    async create(
      s: { customerId: string | null; channel?: string; ip: string | null; cartId?: string },
      q: Queryable = db,
    ): Promise<ShopperSession> {
      const r = await q.query<Row>(
        `INSERT INTO shopper_sessions (id, customer_id, cart_id, channel, ip) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [tokens.newSessionId(), s.customerId, s.cartId ?? newCartId(), s.channel ?? 'web', s.ip],
      );
      return toSession(r.rows[0]);
    },

    /** The claims of a token whose session is live, or `auth:bad_session`. */
    async authenticate(token: string | undefined | null, ip?: string | null): Promise<SessionClaims> {
      const claims = tokens.verify(token);
      if (!claims) throw BAD_SESSION();
      const r = await db.query<Row>(
        `UPDATE shopper_sessions SET last_seen_at = now(), ip = coalesce($2, ip)
         WHERE id = $1 AND revoked_at IS NULL AND customer_id IS NOT DISTINCT FROM $3 RETURNING *`,
        [claims.sid, ip ?? null, claims.cid],
      );
      if (!r.rows[0]) throw BAD_SESSION();
      return claims;
    },

    /** Ends a session: its token is refused from now on. */
    async revoke(id: string, q: Queryable = db): Promise<void> {
      await q.query('UPDATE shopper_sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]);
    },

    /** Gives a session a new, empty cart (its old one moved to another session). */
    async replaceCart(id: string, q: Queryable = db): Promise<string> {
      const cartId = newCartId();
      await q.query('UPDATE shopper_sessions SET cart_id = $2 WHERE id = $1', [id, cartId]);
      return cartId;
    },

    issue: (s: ShopperSession) => tokens.issue({ sid: s.id, cid: s.customerId }),
  };
}

export type ShopperSessions = ReturnType<typeof createShopperSessions>;
