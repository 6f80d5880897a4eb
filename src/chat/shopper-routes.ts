import { Router } from 'express';
import { z } from 'zod';
import type { CartStore } from '../carts/cart-store.js';
import type { ChatService } from './chat-service.js';
import type { ConversationStore } from '../conversations/conversation-store.js';
import { toCartPayload } from '../conversations/product-cards.js';
import { MAX_MESSAGE_CHARS, sessionRequestSchema, type ConversationEvent, type ProductCard } from './protocol.js';
import type { SessionTokens } from '../identity/session-tokens.js';
import { startSession, type SessionDeps } from './sessions.js';
import { requireSession } from './bearer-session.js';
import { parseInput } from '../shared/parse-input.js';
import type { RateLimiter } from '../limits/rate-limiter.js';

const messageBody = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, 'message is empty')
    .max(MAX_MESSAGE_CHARS, `must be at most ${MAX_MESSAGE_CHARS} characters`),
  clientMessageId: z.string().min(8).max(100).optional(),
});
const afterQuery = z.strictObject({ after: z.coerce.number().int().min(0).default(0) });
const sku = z.string().trim().min(1).max(120);
const addBody = z.strictObject({ sku, quantity: z.number().int().min(1).max(20).default(1) });
const setBody = z.strictObject({ quantity: z.number().int().min(0).max(20) });

export interface ChannelMessage {
  seq: number;
  id: string;
  role: 'user' | 'assistant' | 'agent' | 'system';
  text: string;
  products: ProductCard[];
  quickReplies: string[];
  failed?: boolean;
}

/**
 * Messages as the channel API shows them: the shopper's, the assistant's finished replies, agents' and system lines.
 */
export function toChannelMessages(events: ConversationEvent[]): ChannelMessage[] {
  return events.flatMap((e): ChannelMessage[] => {
    if (e.type === 'message.created')
      return [{ seq: e.seq, id: e.messageId, role: e.role, text: e.text, products: [], quickReplies: [] }];
    if (e.type === 'message.completed') {
      return [
        {
          seq: e.seq,
          id: e.messageId,
          role: e.role,
          text: e.text,
          products: e.products,
          quickReplies: e.quickReplies,
          ...(e.failed ? { failed: true } : {}),
        },
      ];
    }
    if (e.type === 'status.changed' && e.text)
      return [{ seq: e.seq, id: `s_${e.seq}`, role: 'system' as const, text: e.text, products: [], quickReplies: [] }];
    return [];
  });
}

/** The shopper channel REST API (docs/api.md): sessions, conversations and the cart. */
export function shopperRoutes(
  deps: SessionDeps & {
    tokens: SessionTokens;
    chat: ChatService;
    conversations: ConversationStore;
    carts: CartStore;
    limits: { perSession: RateLimiter; perIp: RateLimiter };
    turnTimeoutMs: number;
  },
): Router {
  const r = Router();
  const { chat } = deps;

  r.post('/api/sessions', async (req, res) => {
    const body = parseInput(sessionRequestSchema, req.body ?? {}, 'field');
    const { claims: _claims, ...session } = await startSession(deps, { ...body, channel: 'api' });
    res.status(201).json(session);
  });

  r.post('/api/conversations/:id/messages', async (req, res) => {
    const claims = requireSession(deps.tokens, req);
    const body = parseInput(messageBody, req.body, 'field');
    deps.limits.perIp.take(`ip:${req.ip}`);
    deps.limits.perSession.take(`session:${claims.sid}`);
    const conversationId = String(req.params.id);
    await chat.ownConversation(claims, conversationId);
    const before = await chat.lastSeq(conversationId);
    const sent = await chat.send(claims, {
      conversationId,
      clientMessageId: body.clientMessageId ?? `api_${Date.now()}_${Math.random().toString(36).slice(2)}`,
      text: body.text,
    });
    await chat.waitForTurn(sent.userMessageId, deps.turnTimeoutMs);
    const [events, conv] = await Promise.all([
      chat.after(conversationId, before),
      deps.conversations.get(conversationId),
    ]);
    const cart = await deps.carts.view(conv!.cartId);
    res.json({ messages: toChannelMessages(events), cart: toCartPayload(cart), status: conv!.status });
  });

  r.get('/api/conversations/:id/messages', async (req, res) => {
    const claims = requireSession(deps.tokens, req);
    const q = parseInput(afterQuery, req.query);
    const conv = await chat.ownConversation(claims, String(req.params.id));
    const events = await chat.after(conv.id, q.after);
    res.json({ messages: toChannelMessages(events), lastSeq: events.at(-1)?.seq ?? q.after, status: conv.status });
  });

  const actor = (sid: string) => ({ kind: 'shopper' as const, id: sid });
  r.get('/api/cart', async (req, res) => {
    const claims = requireSession(deps.tokens, req);
    const conv = await deps.conversations.latestForSession(claims.sid);
    res.json(toCartPayload(await deps.carts.view(conv?.cartId ?? `cart_${claims.sid}`)));
  });
  r.post('/api/cart/items', async (req, res) => {
    const claims = requireSession(deps.tokens, req);
    const b = parseInput(addBody, req.body, 'field');
    res.json(
      toCartPayload(
        await chat.changeCart(claims, (cartId) => deps.carts.add(cartId, b.sku, b.quantity, actor(claims.sid))),
      ),
    );
  });
  r.patch('/api/cart/items/:sku', async (req, res) => {
    const claims = requireSession(deps.tokens, req);
    const b = parseInput(setBody, req.body, 'field');
    const s = parseInput(sku, req.params.sku, 'sku');
    res.json(
      toCartPayload(
        await chat.changeCart(claims, (cartId) => deps.carts.setQuantity(cartId, s, b.quantity, actor(claims.sid))),
      ),
    );
  });
  r.delete('/api/cart/items/:sku', async (req, res) => {
    const claims = requireSession(deps.tokens, req);
    const s = parseInput(sku, req.params.sku, 'sku');
    res.json(toCartPayload(await chat.changeCart(claims, (cartId) => deps.carts.remove(cartId, s, actor(claims.sid)))));
  });
  return r;
}
