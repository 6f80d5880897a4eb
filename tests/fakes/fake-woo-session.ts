import { createHmac, randomBytes } from 'node:crypto';
import type { FakeRequest } from './fake-http.js';
import { WooError, type FakeWooLine } from './fake-woo-cart.js';

export const SESSION_COOKIE = 'wp_woocommerce_session_fake';

export interface WooSession {
  id: string;
  lines: FakeWooLine[];
  /** The `concierge_conversation` cookie on the session's latest request, as the PHP snippet reads it. */
  conversation: string | null;
}

/** How a request reached its cart: its `Cart-Token`, its session cookie, or neither (a new guest). */
export interface Resolved {
  session: WooSession | null;
  via: 'token' | 'cookie' | 'none';
}

/**
 * Sessions, nonces and cart tokens as WooCommerce issues them. A guest without a session gets the
 * guest nonce; once a write starts the session (and sets its cookie) the nonce is bound to the
 * session, so the guest nonce no longer passes: clients must take the new `Nonce` header.
 * A valid `Cart-Token` selects its session and needs no nonce.
 */
export function createWooSessions() {
  const secret = randomBytes(16);
  const sessions = new Map<string, WooSession>();
  const sign = (what: string) => createHmac('sha256', secret).update(what).digest('hex');

  const nonceFor = (session: WooSession | null) => sign(`nonce:${session?.id ?? 'guest'}`).slice(0, 10);
  const tokenFor = (session: WooSession) => `${session.id}.${sign(`token:${session.id}`).slice(0, 24)}`;

  function create(): WooSession {
    const session: WooSession = { id: `t_${randomBytes(8).toString('hex')}`, lines: [], conversation: null };
    sessions.set(session.id, session);
    return session;
  }

  function resolve(req: FakeRequest): Resolved {
    const token = req.headers['cart-token'];
    if (typeof token === 'string') {
      const session = sessions.get(token.split('.')[0]);
      if (session && tokenFor(session) === token) return { session, via: 'token' };
    }
    const cookie = sessions.get(req.cookies[SESSION_COOKIE] ?? '');
    return cookie ? { session: cookie, via: 'cookie' } : { session: null, via: 'none' };
  }

  /** Refuses a write without a valid nonce (unless a cart token chose the cart), as the Store API does. */
  function checkNonce(req: FakeRequest, resolved: Resolved): void {
    if (resolved.via === 'token') return;
    const nonce = req.headers.nonce;
    if (typeof nonce !== 'string' || !nonce)
      throw new WooError(
        'woocommerce_rest_missing_nonce',
        'Missing the Nonce header. This endpoint requires a valid nonce.',
        401,
      );
    if (nonce !== nonceFor(resolved.session))
      throw new WooError('woocommerce_rest_invalid_nonce', 'Nonce is invalid.', 403);
  }

  /** The headers every Store API response carries, for the session the request ended with. */
  function responseHeaders(session: WooSession | null, setCookie: boolean): Record<string, string> {
    // A guest without a session still gets a token, for a session of its own (not its cookie's).
    const tokenSession = session ?? create();
    return {
      Nonce: nonceFor(session),
      'Nonce-Timestamp': String(Math.floor(Date.now() / 1000)),
      'User-ID': '0',
      'Cart-Token': tokenFor(tokenSession),
      ...(setCookie && session ? { 'Set-Cookie': `${SESSION_COOKIE}=${session.id}; Path=/; SameSite=Lax` } : {}),
    };
  }

  return { sessions, nonceFor, create, resolve, checkNonce, responseHeaders };
}
