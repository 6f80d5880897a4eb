import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database.js';
import { toJson } from '../db/database.js';

export type ConversationStatus = 'bot' | 'queued' | 'human' | 'closed';

export interface Conversation {
  id: string;
  sessionId: string;
  customerId: string | null;
  cartId: string;
  channel: string;
  status: ConversationStatus;
  assignedAgent: string | null;
  epoch: number;
  /** The language of the shopper's latest message that told one (docs/languages.md). */
  language: string | null;
  /** The language the shop's page declared (its `lang`, or the widget's data-lang). */
  pageLanguage: string | null;
  createdAt: string;
}

/** A tool call as the model made it, stored with the assistant message. */
export interface StoredToolCall {
  id: string;
  name: string;
  arguments: string;
}

export type StoredRole = 'user' | 'assistant' | 'tool' | 'agent' | 'system' | 'note';

export interface StoredMessage {
  id: number;
  role: StoredRole;
  content: string | null;
  toolCalls: StoredToolCall[] | null;
  toolCallId: string | null;
  toolName: string | null;
  epoch: number;
  meta: Record<string, unknown>;
  createdAt: string;
}

export interface NewMessage {
  role: StoredRole;
  content: string | null;
  toolCalls?: StoredToolCall[] | null;
  toolCallId?: string | null;
  toolName?: string | null;
  epoch?: number;
  meta?: Record<string, unknown>;
}

interface ConvRow {
  id: string;
  session_id: string;
  customer_id: string | null;
  cart_id: string;
  channel: string;
  status: ConversationStatus;
  assigned_agent: string | null;
  epoch: number;
  language: string | null;
  page_language: string | null;
  created_at: Date;
}

const toConversation = (r: ConvRow): Conversation => ({
  id: r.id,
  sessionId: r.session_id,
  customerId: r.customer_id,
  cartId: r.cart_id,
  channel: r.channel,
  status: r.status,
  assignedAgent: r.assigned_agent,
  epoch: r.epoch,
  language: r.language,
  pageLanguage: r.page_language ?? null,
  createdAt: new Date(r.created_at).toISOString(),
});

/** Conversations and their stored messages. */
export function createConversationStore(deps: { db: Database }) {
  const { db } = deps;

  /** Stores messages in one statement, in order; returns their ids in the same order. */
  async function insertMessages(q: Queryable, conversationId: string, ms: NewMessage[]): Promise<number[]> {
    if (ms.length === 0) return [];
    const params: unknown[] = [conversationId];
    const rows = ms.map((m) => {
      const at = params.length;
      params.push(
        m.role,
        m.content,
        m.toolCalls ? toJson(m.toolCalls) : null,
        m.toolCallId ?? null,
        m.toolName ?? null,
        m.epoch ?? 0,
        toJson(m.meta ?? {}),
      );
      return `($1, $${at + 1}, $${at + 2}, $${at + 3}::jsonb, $${at + 4}, $${at + 5}, $${at + 6}::int, $${at + 7}::jsonb)`;
    });
    const r = await q.query<{ id: number }>(
      `INSERT INTO messages (conversation_id, role, content, tool_calls, tool_call_id, tool_name, epoch, meta)
       VALUES ${rows.join(', ')} RETURNING id`,
      params,
    );
    // Ids come from a sequence, taken row by row in VALUES order.
    return r.rows.map((row) => row.id).sort((a, b) => a - b);
  }

  return {
    async create(c: {
      id?: string;
      sessionId: string;
      customerId: string | null;
      cartId: string;
      channel?: string;
    }): Promise<Conversation> {
      const r = await db.query<ConvRow>(
        `INSERT INTO conversations (id, session_id, customer_id, cart_id, channel) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [c.id ?? `conv_${randomUUID()}`, c.sessionId, c.customerId, c.cartId, c.channel ?? 'web'],
      );
      return toConversation(r.rows[0]);
    },
    async get(id: string): Promise<Conversation | null> {
      const r = await db.query<ConvRow>('SELECT * FROM conversations WHERE id = $1', [id]);
      return r.rows[0] ? toConversation(r.rows[0]) : null;
    },
    async latestForSession(sessionId: string): Promise<Conversation | null> {
      const r = await db.query<ConvRow>(
        'SELECT * FROM conversations WHERE session_id = $1 ORDER BY created_at DESC LIMIT 1',
        [sessionId],
      );
      return r.rows[0] ? toConversation(r.rows[0]) : null;
    },
    /** Moves a session's conversations to another session (a shopper signed in), with the now verified customer. */
    async moveSession(fromSessionId: string, toSessionId: string, customerId: string | null, q: Queryable = db) {
      await q.query(
        `UPDATE conversations SET session_id = $2, customer_id = coalesce($3, customer_id), updated_at = now()
         WHERE session_id = $1`,
        [fromSessionId, toSessionId, customerId],
      );
    },
    /** A closed conversation the shopper writes to again goes back to the assistant; false if it was not closed. */
    async reopen(id: string): Promise<boolean> {
      const r = await db.query(
        `UPDATE conversations SET status = 'bot', assigned_agent = NULL, epoch = epoch + 1, updated_at = now()
         WHERE id = $1 AND status = 'closed'`,
        [id],
      );
      return r.rowCount > 0;
    },
    async setLanguage(id: string, language: string): Promise<void> {
      await db.query('UPDATE conversations SET language = $2 WHERE id = $1 AND language IS DISTINCT FROM $2', [
        id,
        language,
      ]);
    },
    async setPageLanguage(id: string, language: string): Promise<void> {
      await db.query(
        'UPDATE conversations SET page_language = $2 WHERE id = $1 AND page_language IS DISTINCT FROM $2',
        [id, language],
      );
    },
    append: async (conversationId: string, m: NewMessage) => (await insertMessages(db, conversationId, [m]))[0],
    /** Appends several messages atomically (one statement): a tool call is never stored without its result. */
    appendAll: (conversationId: string, ms: NewMessage[]) => insertMessages(db, conversationId, ms),
    async messages(conversationId: string, opts: { afterId?: number } = {}): Promise<StoredMessage[]> {
      const r = await db.query<{
        id: number;
        role: StoredRole;
        content: string | null;
        tool_calls: StoredToolCall[] | null;
        tool_call_id: string | null;
        tool_name: string | null;
        epoch: number;
        meta: Record<string, unknown>;
        created_at: Date;
      }>('SELECT * FROM messages WHERE conversation_id = $1 AND id > $2 ORDER BY id', [
        conversationId,
        opts.afterId ?? 0,
      ]);
      return r.rows.map((m) => ({
        id: m.id,
        role: m.role,
        content: m.content,
        toolCalls: m.tool_calls,
        toolCallId: m.tool_call_id,
        toolName: m.tool_name,
        epoch: m.epoch,
        meta: m.meta,
        createdAt: new Date(m.created_at).toISOString(),
      }));
    },
  };
}

export type ConversationStore = ReturnType<typeof createConversationStore>;
