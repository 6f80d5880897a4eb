import { withReplyVersions } from './reply-versions.js';
import type { ChatModel } from '../agent/model.js';
import type { CartStore } from '../carts/cart-store.js';
import type { ConversationStore } from '../conversations/conversation-store.js';
import type { EventLog } from '../conversations/event-log.js';
import { toCartPayload } from '../conversations/product-cards.js';
import type { CartPayload } from '../conversations/event-types.js';
import type { CustomerReader } from '../customers/customer-reader.js';
import type { Database } from '../db/database.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { ProductLookup } from '../catalog/product-lookup.js';
import type { AgentIdentity } from '../identity/agent-accounts.js';
import type { OrderChange } from '../orders/order-change.js';
import type { OrderActions } from '../orders/pending-actions.js';
import {
  DEFAULT_QUEUE_VIEW,
  type ConversationDetail,
  type OrderActionView,
  type Note,
  type QueuePage,
  type QueueView,
} from './agent-protocol.js';
import { loadQueuePage } from './agent-queue.js';
import type { Approvals } from './approvals.js';
import { loadCustomer360 } from './customer-360.js';
import { buildHandoffPacket } from './handoff-packet.js';
import { createTranslator } from './translate-text.js';
import type { Ownership } from '../conversations/ownership.js';
import { chooseLanguage } from '../shared/choose-language.js';
import type { Language } from '../shared/language.js';

export interface AgentDeskDeps {
  db: Database;
  conversations: ConversationStore;
  events: EventLog;
  carts: CartStore;
  customers: CustomerReader;
  products: ProductLookup;
  ownership: Ownership;
  approvals: Approvals;
  orderActions: OrderActions;
  model: ChatModel;
  /** SHOP_LANGUAGE: a conversation's language when nothing else tells (en when absent). */
  shopLanguage?: Language;
}

/**
 * What an agent sees and does in the console: the queue, a conversation's full picture, replies, notes, the shopper's
 * cart, and the signed-in customer's orders (changed under the same rules as the assistant's changes).
 */
export function createAgentDesk(deps: AgentDeskDeps) {
  const { db, conversations, events, ownership } = deps;
  const noteListeners = new Set<(n: Note) => void>();
  const translator = createTranslator(deps.model);

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

  /** The signed-in customer of the conversation: an order change is only ever for them. */
  async function customerOf(conversationId: string): Promise<string> {
    const conv = await conversations.get(conversationId);
    if (!conv) throw new NotFoundError('conversation:not_found', 'Conversation not found.');
    if (!conv.customerId) {
      throw new ValidationError('order:anonymous', 'This shopper is not signed in: there are no orders to change.');
    }
    return conv.customerId;
  }

  /** The action as the console lists it, once it is stored. */
  async function listed(conversationId: string, actionId: string): Promise<OrderActionView> {
    const all = await deps.orderActions.list(conversationId);
    const found = all.find((a) => a.id === actionId);
    if (!found) throw new NotFoundError('action:not_found', 'There is no such change.');
    return found;
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
    /** A page of the queue as one agent sees it (see loadQueuePage for the order). */
    async queue(agent: { email: string }, view: QueueView = DEFAULT_QUEUE_VIEW): Promise<QueuePage> {
      return loadQueuePage(db, await deps.approvals.pendingCounts(), { ...view, agentEmail: agent.email });
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
      const [messages, profile, cart, evs, request, agent, approvals, orderActions] = await Promise.all([
        conversations.messages(conversationId),
        conv.customerId ? deps.customers.profile(conv.customerId) : null,
        deps.carts.view(conv.cartId),
        events.after(conversationId, afterSeq),
        openRequest(conversationId),
        conv.assignedAgent
          ? db.query<{ name: string }>('SELECT name FROM agents WHERE email = $1', [conv.assignedAgent])
          : null,
        deps.approvals.list(conversationId),
        deps.orderActions.list(conversationId),
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
        events: await withReplyVersions(db, conversationId, evs),
        lastSeq: evs.at(-1)?.seq ?? (await events.lastSeq(conversationId)),
        notes: await notes(conversationId),
        customer: conv.customerId ? await loadCustomer360(deps, conv.customerId) : null,
        approvals,
        orderActions,
        language: chooseLanguage({
          conversation: conv.language,
          customer: profile?.language,
          page: conv.pageLanguage,
          shop: deps.shopLanguage ?? 'en',
        }),
        cancelReasons: deps.orderActions.rules.cancelReasons,
        translation: translator.available,
      };
    },

    /** A machine translation for an agent working on this conversation (see translate-text.ts). */
    async translate(conversationId: string, text: string, to: Language): Promise<{ text: string; to: Language }> {
      if (!(await conversations.get(conversationId))) {
        throw new NotFoundError('conversation:not_found', 'Conversation not found.');
      }
      return { text: await translator.translate(text, to), to };
    },

    /** Checks an order change for the conversation's customer and keeps it as the agent's; nothing changes yet. */
    async prepareOrderChange(conversationId: string, agent: AgentIdentity, change: OrderChange) {
      const customerId = await customerOf(conversationId);
      const action = await deps.orderActions.prepare({ conversationId, customerId }, change, agent.email);
      return listed(conversationId, action.id);
    },

    /** Runs a change the console prepared, as the agent, and tells the shopper what was done. */
    async executeOrderChange(conversationId: string, agent: AgentIdentity, actionId: string) {
      await customerOf(conversationId);
      const { action, changed } = await deps.orderActions.execute(conversationId, actionId, agent.email);
      if (changed && action.outcome) {
        await events.append(conversationId, {
          type: 'message.created',
          messageId: `order_${actionId}`,
          role: 'system',
          text: `${agent.name}: ${action.outcome}`,
          author: agent.name,
        });
      }
      return listed(conversationId, actionId);
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
