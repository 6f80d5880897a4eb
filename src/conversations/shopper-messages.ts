import type { Database } from '../db/database.js';
import type { Conversation } from './conversation-store.js';
import type { EventLog } from './event-log.js';
import type { ConversationEvent } from './event-types.js';

export interface StoredShopperMessage {
  /** The message row id (`u_<id>` on the wire). */
  id: number;
  seq: number;
  /** False when the same client message id was stored before (a resend after a dropped ack). */
  created: boolean;
  event: ConversationEvent | null;
}

/**
 * Stores a shopper message and its `message.created` event in one transaction, once per client
 * message id, with the session that sent it; the turn waits in the queue when the assistant answers.
 */
export async function storeShopperMessage(
  deps: { db: Database; events: EventLog },
  conv: Conversation,
  m: { clientMessageId: string; text: string; sessionId: string; assistantAnswers: boolean },
): Promise<StoredShopperMessage> {
  const stored = await deps.db.transaction(async (tx) => {
    // A resend of a stored message inserts nothing (the unique client message id), and is answered below.
    const r = await tx.query<{ id: number }>(
      `INSERT INTO messages (conversation_id, role, content, epoch, client_message_id, turn_state, session_id)
       VALUES ($1, 'user', $2, $3, $4, $5, $6)
       ON CONFLICT (conversation_id, client_message_id) WHERE client_message_id IS NOT NULL DO NOTHING
       RETURNING id`,
      [conv.id, m.text, conv.epoch, m.clientMessageId, m.assistantAnswers ? 'pending' : 'skipped', m.sessionId],
    );
    if (!r.rows[0]) return null;
    const id = r.rows[0].id;
    const body = { type: 'message.created', messageId: `u_${id}`, role: 'user', text: m.text } as const;
    const event = await deps.events.append(conv.id, { ...body, clientMessageId: m.clientMessageId }, tx);
    return { id, seq: event.seq, created: true, event };
  });
  if (!stored) {
    const dup = await deps.db.query<{ id: number; seq: number | null }>(
      `SELECT m.id, (SELECT e.seq FROM conversation_events e WHERE e.conversation_id = m.conversation_id
                     AND e.type = 'message.created' AND e.body->>'messageId' = 'u_' || m.id) AS seq
       FROM messages m WHERE m.conversation_id = $1 AND m.client_message_id = $2`,
      [conv.id, m.clientMessageId],
    );
    return { id: dup.rows[0].id, seq: dup.rows[0].seq ?? 0, created: false, event: null };
  }
  deps.events.publish([stored.event]);
  return stored;
}
