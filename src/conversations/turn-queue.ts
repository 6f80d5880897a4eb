import type { Database } from '../db/database.js';

export interface PendingTurn {
  userMessageId: number;
  text: string;
  /** The shopper session that sent the message (null for messages stored before sessions were kept). */
  sessionId: string | null;
}

/**
 * The persisted queue of shopper messages waiting for the assistant, per conversation. A
 * message sent while the assistant is answering waits here; it survives a restart.
 */
export function createTurnQueue(deps: { db: Database }) {
  const { db } = deps;
  return {
    async next(conversationId: string): Promise<PendingTurn | null> {
      const r = await db.query<{ id: number; content: string; session_id: string | null }>(
        `UPDATE messages SET turn_state = 'running' WHERE id = (
           SELECT id FROM messages WHERE conversation_id = $1 AND turn_state = 'pending' ORDER BY id LIMIT 1)
         RETURNING id, content, session_id`,
        [conversationId],
      );
      const row = r.rows[0];
      return row ? { userMessageId: row.id, text: row.content, sessionId: row.session_id } : null;
    },
    /** Puts a turn that could not start back in the queue. */
    async release(userMessageId: number): Promise<void> {
      await db.query(`UPDATE messages SET turn_state = 'pending' WHERE id = $1 AND turn_state = 'running'`, [
        userMessageId,
      ]);
    },
    async finish(userMessageId: number, state: 'done' | 'failed' | 'skipped'): Promise<void> {
      await db.query('UPDATE messages SET turn_state = $2 WHERE id = $1', [userMessageId, state]);
    },
    async stateOf(userMessageId: number): Promise<string | null> {
      const r = await db.query<{ turn_state: string | null }>('SELECT turn_state FROM messages WHERE id = $1', [
        userMessageId,
      ]);
      return r.rows[0]?.turn_state ?? null;
    },
    /** Puts a failed turn back in the queue (the shopper pressed Retry); a finished one cannot be run again. */
    async requeue(conversationId: string, userMessageId: number): Promise<boolean> {
      const r = await db.query(
        `UPDATE messages SET turn_state = 'pending' WHERE id = $1 AND conversation_id = $2 AND role = 'user' AND turn_state = 'failed'`,
        [userMessageId, conversationId],
      );
      return r.rowCount > 0;
    },
    /** Turns a previous process was running when it stopped, and conversations with turns waiting. */
    async interrupted(): Promise<{ conversationId: string; userMessageId: number }[]> {
      const r = await db.query<{ conversation_id: string; id: number }>(
        `SELECT conversation_id, id FROM messages WHERE turn_state = 'running' ORDER BY id`,
      );
      return r.rows.map((x) => ({ conversationId: x.conversation_id, userMessageId: x.id }));
    },
    async conversationsWithPending(): Promise<string[]> {
      const r = await db.query<{ conversation_id: string }>(
        `SELECT DISTINCT conversation_id FROM messages WHERE turn_state = 'pending'`,
      );
      return r.rows.map((x) => x.conversation_id);
    },
    /** Skips whatever still waits (a human took the conversation). */
    async skipPending(conversationId: string): Promise<void> {
      await db.query(
        `UPDATE messages SET turn_state = 'skipped' WHERE conversation_id = $1 AND turn_state = 'pending'`,
        [conversationId],
      );
    },
  };
}

export type TurnQueue = ReturnType<typeof createTurnQueue>;
