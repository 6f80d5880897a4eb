import type { CartStore } from '../carts/cart-store.js';
import type { ConversationStore } from '../conversations/conversation-store.js';
import type { CustomerReader } from '../customers/customer-reader.js';
import type { Database } from '../db/database.js';
import { AuthError } from '../errors.js';
import { verifyIdentity, type SessionClaims } from '../identity/session-tokens.js';
import type { ShopperSession, ShopperSessions } from '../identity/shopper-sessions.js';
import type { SessionResponse } from './protocol.js';

export interface SessionDeps {
  db: Database;
  sessions: ShopperSessions;
  identitySecret: string;
  conversations: ConversationStore;
  customers: CustomerReader;
  carts: CartStore;
  currency: string;
}

export interface StartedSession extends SessionResponse {
  claims: SessionClaims;
  /** A session this request ended or emptied: its sockets must be disconnected. */
  replaced: string | null;
}

async function verifiedCustomer(deps: SessionDeps, req: { customerId?: string; customerHash?: string }) {
  if (req.customerId === undefined && req.customerHash === undefined) return null;
  if (!req.customerId || !req.customerHash || !verifyIdentity(deps.identitySecret, req.customerId, req.customerHash)) {
    throw new AuthError(
      'auth:bad_identity',
      'The customer identity could not be verified (wrong customerId or customerHash).',
    );
  }
  const profile = await deps.customers.profile(req.customerId);
  if (!profile) throw new AuthError('auth:unknown_customer', 'This customer is not known to the shop.');
  return { id: profile.id, firstName: profile.firstName };
}

/**
 * Starts or carries on a shopper session. A signed-in customer is verified by the HMAC the shop's
 * backend computed, compared in constant time, before any private data is reachable.
 *
 * The same person carries on the same session. Anything else issues a new session: an anonymous
 * shopper who signs in takes their conversation and cart along, and the old anonymous token is
 * left with nothing (whoever still holds it reads an empty cart and no conversation); signing
 * out, or another customer signing in on the same browser, revokes the old session outright.
 */
export async function startSession(
  deps: SessionDeps,
  req: { customerId?: string; customerHash?: string; token?: string; channel?: string; ip: string | null },
): Promise<StartedSession> {
  const customer = await verifiedCustomer(deps, req);
  const cid = customer?.id ?? null;
  const previous = req.token ? await deps.sessions.authenticate(req.token, req.ip).catch(() => null) : null;
  let replaced: string | null = null;
  let session: ShopperSession;
  if (previous && previous.cid === cid) {
    session = (await deps.sessions.get(previous.sid))!;
  } else if (previous && previous.cid === null) {
    // Signing in: the conversation and cart move to a new session, in one transaction.
    session = await deps.db.transaction(async (tx) => {
      const old = (await deps.sessions.get(previous.sid, tx))!;
      const next = await deps.sessions.create(
        { customerId: cid, channel: req.channel, ip: req.ip, cartId: old.cartId },
        tx,
      );
      await deps.sessions.replaceCart(old.id, tx);
      await deps.conversations.moveSession(old.id, next.id, cid, tx);
      return next;
    });
    replaced = previous.sid;
  } else {
    session = await deps.sessions.create({ customerId: cid, channel: req.channel, ip: req.ip });
    if (previous) {
      await deps.sessions.revoke(previous.sid);
      replaced = previous.sid;
    }
  }
  await deps.carts.ensure(session.cartId, { currency: deps.currency, customerId: cid });
  const conversation =
    (await deps.conversations.latestForSession(session.id)) ??
    (await deps.conversations.create({
      sessionId: session.id,
      customerId: cid,
      cartId: session.cartId,
      channel: req.channel,
    }));
  const claims = { sid: session.id, cid };
  return {
    token: deps.sessions.issue(session),
    conversationId: conversation.id,
    customer,
    claims: { ...claims, iat: Date.now() },
    replaced,
  };
}
