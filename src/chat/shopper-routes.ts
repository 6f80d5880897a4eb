import { Router, type Request } from 'express';
import { z } from 'zod';
import type { CartView } from '../carts/types.js';
import { toCartPayload } from '../conversations/product-cards.js';
import type { SessionClaims } from '../identity/session-tokens.js';
import type { ShopperLimits } from '../limits/shopper-limits.js';
import { bearerToken } from '../shared/bearer-token.js';
import { parseInput } from '../shared/parse-input.js';
import type { ChatService } from './chat-service.js';
import {
  actionPayload,
  MAX_MESSAGE_CHARS,
  sessionRequestSchema,
  type ConversationEvent,
  type PendingActionPayload,
  type ProductCard,
} from './protocol.js';
import { startSession, type SessionDeps } from './sessions.js';

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
  /** A change the reply asks the shopper to confirm: POST …/actions/:actionId/confirm (or cancel). */
  pendingAction?: PendingActionPayload;
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
          ...(e.pendingAction ? { pendingAction: e.pendingAction } : {}),
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
    chat: ChatService;
    limits: ShopperLimits;
    turnTimeoutMs: number;
    /** A session ended or was emptied by a sign-in or sign-out: its sockets must go. */
    onSessionReplaced: (sessionId: string) => void;
  },
): Router {
  const r = Router();
  const { chat, limits } = deps;
  const clientOf = (req: Request) => req.ip ?? 'unknown';
  const sessionOf = async (req: Request): Promise<SessionClaims> =>
    deps.sessions.authenticate(bearerToken(req.get('authorization')), clientOf(req));
  const who = (req: Request, claims: SessionClaims) => ({ ip: clientOf(req), session: claims.sid });

  r.post('/api/sessions', async (req, res) => {
    const body = parseInput(sessionRequestSchema, req.body ?? {}, 'field');
    await limits.take('session', { ip: clientOf(req) });
    const started = await startSession(deps, { ...body, channel: 'api', ip: clientOf(req) });
    if (started.replaced) deps.onSessionReplaced(started.replaced);
    res.status(201).json({ token: started.token, conversationId: started.conversationId, customer: started.customer });
  });

  r.post('/api/conversations/:id/messages', async (req, res) => {
    const claims = await sessionOf(req);
    const body = parseInput(messageBody, req.body, 'field');
    await limits.take('message', who(req, claims));
    const conversationId = String(req.params.id);
    await chat.ownConversation(claims, conversationId);
    const before = await chat.lastSeq(conversationId);
    const sent = await chat.send(
      claims,
      {
        conversationId,
        clientMessageId: body.clientMessageId ?? `api_${Date.now()}_${Math.random().toString(36).slice(2)}`,
        text: body.text,
      },
      { clientIp: clientOf(req) },
    );
    await chat.waitForTurn(sent.userMessageId, deps.turnTimeoutMs);
    const [events, conv, cart] = await Promise.all([
      chat.after(conversationId, before),
      chat.ownConversation(claims, conversationId),
      chat.cart(claims),
    ]);
    res.json({ messages: toChannelMessages(events), cart: toCartPayload(cart), status: conv.status });
  });

  // Only the shopper's own confirmation runs a change the assistant prepared; confirming twice is one change.
  for (const decision of ['confirm', 'cancel'] as const) {
    r.post(`/api/conversations/:id/actions/:actionId/${decision}`, async (req, res) => {
      const claims = await sessionOf(req);
      await limits.take('message', who(req, claims));
      const p = parseInput(actionPayload, { conversationId: req.params.id, actionId: req.params.actionId });
      res.json({ action: await chat.decideAction(claims, p.conversationId, p.actionId, decision) });
    });
  }

  r.get('/api/conversations/:id/messages', async (req, res) => {
    const claims = await sessionOf(req);
    const q = parseInput(afterQuery, req.query);
    const conv = await chat.ownConversation(claims, String(req.params.id));
    const events = await chat.after(conv.id, q.after);
    res.json({ messages: toChannelMessages(events), lastSeq: events.at(-1)?.seq ?? q.after, status: conv.status });
  });

  const actor = (sid: string) => ({ kind: 'shopper' as const, id: sid });
  const changeCart = async (req: Request, change: (claims: SessionClaims, cartId: string) => Promise<CartView>) => {
    const claims = await sessionOf(req);
    await limits.take('cart', who(req, claims));
    return toCartPayload(await chat.changeCart(claims, (cartId) => change(claims, cartId)));
  };
  r.get('/api/cart', async (req, res) => {
    res.json(toCartPayload(await chat.cart(await sessionOf(req))));
  });
  r.post('/api/cart/items', async (req, res) => {
    const b = parseInput(addBody, req.body, 'field');
    res.json(await changeCart(req, (c, cartId) => deps.carts.add(cartId, b.sku, b.quantity, actor(c.sid))));
  });
  r.patch('/api/cart/items/:sku', async (req, res) => {
    const b = parseInput(setBody, req.body, 'field');
    const s = parseInput(sku, req.params.sku, 'sku');
    res.json(await changeCart(req, (c, cartId) => deps.carts.setQuantity(cartId, s, b.quantity, actor(c.sid))));
  });
  r.delete('/api/cart/items/:sku', async (req, res) => {
    const s = parseInput(sku, req.params.sku, 'sku');
    res.json(await changeCart(req, (c, cartId) => deps.carts.remove(cartId, s, actor(c.sid))));
  });
  return r;
}
