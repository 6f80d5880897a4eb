import { EventEmitter } from 'node:events';
import type { Database, Queryable } from '../db/database.js';
import { toJson } from '../db/database.js';
import type { ConversationEvent, ConversationEventBody } from './event-types.js';

export interface EventLog {
  /** Stores an event with the conversation's next sequence number, then publishes it. */
  append(conversationId: string, body: ConversationEventBody, tx?: Queryable): Promise<ConversationEvent>;
  /**
   * Appends only while the assistant still owns the conversation (status bot or queued, same
   * epoch), checked in the same statement that takes the sequence number. Returns null when a
   * human took over or the conversation closed: the output is discarded, never sent.
   */
  appendIfAssistantOwns(
    conversationId: string,
    epoch: number,
    body: ConversationEventBody,
  ): Promise<ConversationEvent | null>;
  /** Every event after `afterSeq`, in order. */
  after(conversationId: string, afterSeq: number, limit?: number): Promise<ConversationEvent[]>;
  lastSeq(conversationId: string): Promise<number>;
  /** Live events of this process; replay from `after()` covers everything else. */
  subscribe(listener: (e: ConversationEvent) => void): () => void;
  /** Publishes events appended inside a caller's transaction, once it has committed. */
  publish(events: ConversationEvent[]): void;
}

/**
 * Takes the conversation's next sequence number and stores the event with it, in one statement
 * (one round trip, no transaction of its own): when the insert fails, the number is not taken either.
 */
const APPEND = `
  WITH next AS (UPDATE conversations SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq)
  INSERT INTO conversation_events (conversation_id, seq, type, body)
  SELECT $1, last_seq, $2::text, $3::jsonb FROM next RETURNING seq, created_at`;

/** The same, only while the assistant owns the conversation: status bot or queued, and epoch $2. */
const APPEND_IF_ASSISTANT_OWNS = `
  WITH next AS (
    UPDATE conversations SET last_seq = last_seq + 1
    WHERE id = $1 AND status IN ('bot', 'queued') AND epoch = $2 RETURNING last_seq)
  INSERT INTO conversation_events (conversation_id, seq, type, body)
  SELECT $1, last_seq, $3::text, $4::jsonb FROM next RETURNING seq, created_at`;

/**
 * The conversation event log. The sequence number comes from one atomic update of the
 * conversation row, so numbers are gapless and ordered even with several writers.
 */
export function createEventLog(deps: { db: Database }): EventLog {
  const bus = new EventEmitter();
  bus.setMaxListeners(0);

  async function insert(
    q: Queryable,
    conversationId: string,
    body: ConversationEventBody,
    epoch?: number,
  ): Promise<ConversationEvent | null> {
    const r = await q.query<{ seq: number; created_at: Date }>(
      epoch === undefined ? APPEND : APPEND_IF_ASSISTANT_OWNS,
      epoch === undefined
        ? [conversationId, body.type, toJson(body)]
        : [conversationId, epoch, body.type, toJson(body)],
    );
    const row = r.rows[0];
    if (!row) {
      if (epoch !== undefined) return null;
      throw new Error(`conversation ${conversationId} does not exist`);
    }
    return { ...body, conversationId, seq: row.seq, at: new Date(row.created_at).toISOString() };
  }

  return {
    async appendIfAssistantOwns(conversationId, epoch, body) {
      const event = await insert(deps.db, conversationId, body, epoch);
      if (event) bus.emit('event', event);
      return event;
    },
    async append(conversationId, body, tx) {
      const event = (await insert(tx ?? deps.db, conversationId, body))!;
      // Inside a caller's transaction, the caller publishes after commit.
      if (!tx) bus.emit('event', event);
      return event;
    },
    async after(conversationId, afterSeq, limit = 5_000) {
      const r = await deps.db.query<{ seq: number; body: ConversationEventBody; created_at: Date }>(
        'SELECT seq, body, created_at FROM conversation_events WHERE conversation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [conversationId, afterSeq, limit],
      );
      return r.rows.map((row) => ({
        ...row.body,
        conversationId,
        seq: row.seq,
        at: new Date(row.created_at).toISOString(),
      }));
    },
    async lastSeq(conversationId) {
      const r = await deps.db.query<{ last_seq: number }>('SELECT last_seq FROM conversations WHERE id = $1', [
        conversationId,
      ]);
      return r.rows[0]?.last_seq ?? 0;
    },
    publish(events) {
      for (const e of events) bus.emit('event', e);
    },
    subscribe(listener) {
      bus.on('event', listener);
      return () => bus.off('event', listener);
    },
  };
}
