import type { CartStore } from '../carts/cart-store.js';
import type { CustomerReader } from '../customers/customer-reader.js';
import { AuthError } from '../errors.js';
import type { ConversationStore } from '../conversations/conversation-store.js';
import type { SessionResponse } from './protocol.js';
import { verifyIdentity, type SessionClaims, type SessionTokens } from '../identity/session-tokens.js';

export interface SessionDeps {
  tokens: SessionTokens;
  identitySecret: string;
  conversations: ConversationStore;
  customers: CustomerReader;
  carts: CartStore;
  currency: string;
}

/**
 * Starts or carries on a shopper session. A signed-in customer is verified by the HMAC the
 * shop's backend computed, compared in constant time, before any private data is reachable.
 * An anonymous shopper who signs in keeps their conversation and cart.
 */
export async function startSession(
  deps: SessionDeps,
  req: { customerId?: string; customerHash?: string; token?: string; channel?: string },
): Promise<SessionResponse & { claims: SessionClaims }> {
  let customer: { id: string; firstName: string } | null = null;
  if (req.customerId !== undefined || req.customerHash !== undefined) {
    if (
      !req.customerId ||
      !req.customerHash ||
      !verifyIdentity(deps.identitySecret, req.customerId, req.customerHash)
    ) {
      throw new AuthError(
        'auth:bad_identity',
        'The customer identity could not be verified (wrong customerId or customerHash).',
      );
    }
    const profile = await deps.customers.profile(req.customerId);
    if (!profile) throw new AuthError('auth:unknown_customer', 'This customer is not known to the shop.');
    customer = { id: profile.id, firstName: profile.firstName };
  }
  const previous = deps.tokens.verify(req.token);
  // Same browser: keep the session unless a different person is now signed in, or they signed out.
  const keep = previous && (previous.cid === null || previous.cid === (customer?.id ?? null));
  const sid = keep ? previous.sid : deps.tokens.newSessionId();
  const cartId = `cart_${sid}`;
  await deps.carts.ensure(cartId, { currency: deps.currency, customerId: customer?.id ?? null });
  let conversation = await deps.conversations.latestForSession(sid);
  if (!conversation) {
    conversation = await deps.conversations.create({
      sessionId: sid,
      customerId: customer?.id ?? null,
      cartId,
      channel: req.channel,
    });
  } else if (customer && conversation.customerId !== customer.id) {
    await deps.conversations.attachCustomer(conversation.id, customer.id);
  }
  const claims = { sid, cid: customer?.id ?? null };
  return {
    token: deps.tokens.issue(claims),
    conversationId: conversation.id,
    customer,
    claims: { ...claims, iat: Date.now() },
  };
}
