import type { ChatModel } from '../agent/model.js';
import type { CartStore } from '../carts/cart-store.js';
import type { ConversationStore } from '../conversations/conversation-store.js';
import type { EventLog } from '../conversations/event-log.js';
import { toCartPayload } from '../conversations/product-cards.js';
import type { CartPayload } from '../conversations/event-types.js';
import type { CustomerReader } from '../customers/customer-reader.js';
import type { Database } from '../db/database.js';
import { NotFoundError } from '../errors.js';
import type { ProductLookup } from '../catalog/product-lookup.js';
import type { AgentIdentity } from '../identity/agent-accounts.js';
import type { ConversationDetail, Note, QueueItem } from './agent-protocol.js';
import type { Approvals } from './approvals.js';
import { loadCustomer360 } from './customer-360.js';
import { buildHandoffPacket } from './handoff-packet.js';
import type { Ownership } from '../conversations/ownership.js';

export interface AgentDeskDeps {
  db: Database;
  conversations: ConversationStore;
  events: EventLog;
  carts: CartStore;
  customers: CustomerReader;
  products: ProductLookup;
  ownership: Ownership;
  approvals: Approvals;
  model: ChatModel;
}

/**
 * What an agent sees and does in the console: the queue, a conversation's full picture, replies, notes, the shopper's
 * cart.
 */
export function createAgentDesk(deps: AgentDeskDeps) {
  const { db, conversations, events, ownership } = deps;
  const noteListeners = new Set<(n: Note) => void>();

  async function notes(conversationId: string): Promise<Note[]> {
    const r = await db.query<{ id: number; content: string; meta: { author?: string }; created_at: Date }>(
      `SELECT id, content, meta, created_at FROM messages WHERE conversation_id = $1 AND role = 'note' ORDER BY id`,
      [conversationId],
    );
    return r.rows.map((n) => ({
      id: n.id,
      conversationId,
      author: n.meta.author ?? 'agent',
      text: n.content,
      at: new Date(n.created_at).toISOString(),
    }));
  }

  async function openRequest(conversationId: string) {
    const r = await db.query<{ reason: string; urgency: 'low' | 'normal' | 'high' }>(
      'SELECT reason, urgency FROM human_requests WHERE conversation_id = $1 ORDER BY id DESC LIMIT 1',
      [conversationId],
    );
    return r.rows[0] ?? null;
  }

  return {
    onNote(listener: (n: Note) => void) {
      noteListeners.add(listener);
    },
    /** Conversations waiting for or held by a person, and recent ones the assistant has, most urgent first. */
    async queue(): Promise<QueueItem[]> {
      const [rows, pending] = await Promise.all([
        db.query<{
          id: string;
          status: QueueItem['status'];
          assigned_agent: string | null;
          agent_name: string | null;
          queued_at: Date | null;
          reason: string | null;
          urgency: QueueItem['urgency'];
          language: string | null;
          customer_id: string | null;
          first_name: string | null;
          last_name: string | null;
          last_message: string | null;
        }>(
          `SELECT c.id, c.status, c.assigned_agent, a.name AS agent_name, c.queued_at, c.language, c.customer_id, cu.first_name, cu.last_name,
                  hr.reason, hr.urgency,
                  (SELECT m.content FROM messages m WHERE m.conversation_id = c.id AND m.role IN ('user', 'agent') ORDER BY m.id DESC LIMIT 1) AS last_message
           FROM conversations c
           LEFT JOIN agents a ON a.email = c.assigned_agent
           LEFT JOIN customers cu ON cu.id = c.customer_id
           LEFT JOIN LATERAL (SELECT reason, urgency FROM human_requests h WHERE h.conversation_id = c.id ORDER BY h.id DESC LIMIT 1) hr ON true
           WHERE c.status IN ('queued', 'human')
              OR (c.status = 'bot' AND c.updated_at > now() - interval '2 hours' AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.role = 'user'))
           ORDER BY CASE c.status WHEN 'queued' THEN 0 WHEN 'human' THEN 1 ELSE 2 END,
                    CASE hr.urgency WHEN 'high' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END, c.queued_at NULLS LAST, c.updated_at DESC
           LIMIT 200`,
        ),
        deps.approvals.pendingCounts(),
      ]);
      return rows.rows.map((c) => ({
        conversationId: c.id,
        status: c.status,
        assignedAgent: c.assigned_agent,
        assignedAgentName: c.agent_name,
        waitingSince: c.status === 'queued' && c.queued_at ? new Date(c.queued_at).toISOString() : null,
        reason: c.status === 'bot' ? null : c.reason,
        urgency: c.status === 'bot' ? null : c.urgency,
        language: c.language,
        customer: c.customer_id
          ? { id: c.customer_id, name: `${c.first_name ?? ''} ${c.last_name ?? ''}`.trim() }
          : null,
        lastMessage: c.last_message ? c.last_message.slice(0, 140) : null,
        pendingApprovals: pending.get(c.id) ?? 0,
      }));
    },

    async status(
      conversationId: string,
    ): Promise<{ status: ConversationDetail['status']; assignedAgent: string | null }> {
      const conv = await conversations.get(conversationId);
      if (!conv) throw new NotFoundError('conversation:not_found', 'Conversation not found.');
      return { status: conv.status, assignedAgent: conv.assignedAgent };
    },

    async detail(conversationId: string, afterSeq: number): Promise<ConversationDetail> {
      const conv = await conversations.get(conversationId);
      if (!conv) throw new NotFoundError('conversation:not_found', 'Conversation not found.');
      const [messages, profile, cart, evs, request, agent, approvals] = await Promise.all([
        conversations.messages(conversationId),
        conv.customerId ? deps.customers.profile(conv.customerId) : null,
        deps.carts.view(conv.cartId),
        events.after(conversationId, afterSeq),
        openRequest(conversationId),
        conv.assignedAgent
          ? db.query<{ name: string }>('SELECT name FROM agents WHERE email = $1', [conv.assignedAgent])
          : null,
        deps.approvals.list(conversationId),
      ]);
      return {
        conversationId,
        status: conv.status,
        assignedAgent: conv.assignedAgent,
        assignedAgentName: agent?.rows[0]?.name ?? null,
        epoch: conv.epoch,
        packet: await buildHandoffPacket(deps, {
          messages,
          profile,
          cart,
          reason: request?.reason ?? null,
          urgency: request?.urgency ?? null,
        }),
        events: evs,
        lastSeq: evs.at(-1)?.seq ?? (await events.lastSeq(conversationId)),
        notes: await notes(conversationId),
        customer: conv.customerId ? await loadCustomer360(deps, conv.customerId) : null,
        approvals,
      };
    },

    /** A reply to the shopper, through the same sequence-numbered stream. Only the holder may reply. */
    async reply(conversationId: string, agent: AgentIdentity, text: string): Promise<{ seq: number }> {
      await ownership.requireHolder(conversationId, agent);
      const conv = (await conversations.get(conversationId))!;
      const id = await conversations.append(conversationId, {
        role: 'agent',
        content: text,
        epoch: conv.epoch,
        meta: { author: agent.email, name: agent.name },
      });
      const e = await events.append(conversationId, {
        type: 'message.created',
        messageId: `g_${id}`,
        role: 'agent',
        text,
        author: agent.name,
      });
      return { seq: e.seq };
    },

    /** A private note: stored and shown to agents only, never to the shopper or the model. */
    async addNote(conversationId: string, agent: AgentIdentity, text: string): Promise<Note> {
      const conv = await conversations.get(conversationId);
      if (!conv) throw new NotFoundError('conversation:not_found', 'Conversation not found.');
      const id = await conversations.append(conversationId, {
        role: 'note',
        content: text,
        epoch: conv.epoch,
        meta: { author: agent.name },
      });
      const note = { id, conversationId, author: agent.name, text, at: new Date().toISOString() };
      noteListeners.forEach((l) => l(note));
      return note;
    },

    /** Sets a line of the shopper's cart (0 removes it), recorded as the agent's change; the shop updates live. */
    async setCart(conversationId: string, agent: AgentIdentity, sku: string, quantity: number): Promise<CartPayload> {
      const conv = await conversations.get(conversationId);
      if (!conv) throw new NotFoundError('conversation:not_found', 'Conversation not found.');
      const actor = { kind: 'agent' as const, id: agent.email };
      const current = await deps.carts.view(conv.cartId);
      const inCart = current.items.some((i) => i.sku === sku);
      const cart =
        quantity === 0
          ? await deps.carts.remove(conv.cartId, sku, actor)
          : inCart
            ? await deps.carts.setQuantity(conv.cartId, sku, quantity, actor)
            : await deps.carts.add(conv.cartId, sku, quantity, actor);
      await events.append(conversationId, { type: 'cart.updated', cart: toCartPayload(cart), actor: 'agent' });
      return toCartPayload(cart);
    },

    async rate(conversationId: string, rating: number, comment: string | undefined): Promise<void> {
      await db.query(
        `INSERT INTO ratings (conversation_id, rating, comment) VALUES ($1, $2, $3)
         ON CONFLICT (conversation_id) DO UPDATE SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, created_at = now()`,
        [conversationId, rating, comment ?? null],
      );
    },
  };
}

export type AgentDesk = ReturnType<typeof createAgentDesk>;
