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
    const seq =
      epoch === undefined
        ? await q.query<{ last_seq: number }>(
            'UPDATE conversations SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq',
            [conversationId],
          )
        : await q.query<{ last_seq: number }>(
            `UPDATE conversations SET last_seq = last_seq + 1 WHERE id = $1 AND status IN ('bot', 'queued') AND epoch = $2 RETURNING last_seq`,
            [conversationId, epoch],
          );
    if (seq.rows.length === 0) {
      if (epoch !== undefined) return null;
      throw new Error(`conversation ${conversationId} does not exist`);
    }
    const r = await q.query<{ created_at: Date }>(
      'INSERT INTO conversation_events (conversation_id, seq, type, body) VALUES ($1, $2, $3, $4::jsonb) RETURNING created_at',
      [conversationId, seq.rows[0].last_seq, body.type, toJson(body)],
    );
    return { ...body, conversationId, seq: seq.rows[0].last_seq, at: new Date(r.rows[0].created_at).toISOString() };
  }

  return {
    async appendIfAssistantOwns(conversationId, epoch, body) {
      const event = await deps.db.transaction((t) => insert(t, conversationId, body, epoch));
      if (event) bus.emit('event', event);
      return event;
    },
    async append(conversationId, body, tx) {
      const event = (
        tx ? await insert(tx, conversationId, body) : await deps.db.transaction((t) => insert(t, conversationId, body))
      )!;
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
