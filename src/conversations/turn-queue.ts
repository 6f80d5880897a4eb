import type { Database } from '../db/database.js';

export interface PendingTurn {
  userMessageId: number;
  text: string;
  /** The shopper session that sent the message (null for messages stored before sessions were kept). */
  sessionId: string | null;
}

export interface RunningTurn {
  conversationId: string;
  userMessageId: number;
}

/** Namespace of the advisory locks that serialize claims within one conversation. */
const CLAIM_LOCK = 4_242_019;

/**
 * The persisted queue of shopper messages waiting for the assistant, per conversation. A
 * message sent while the assistant is answering waits here; it survives a restart.
 *
 * Several instances share the queue: a turn is claimed with a lease (`owner`, expiry on the
 * database's clock), renewed while it runs. Only one turn of a conversation runs at a time,
 * whichever instance runs it, and only an expired lease can be taken over.
 */
export function createTurnQueue(deps: { db: Database; owner: string; leaseMs: number }) {
  const { db, owner, leaseMs } = deps;
  return {
    owner,
    leaseMs,
    /** Claims the conversation's oldest waiting turn, unless one of its turns runs (here or elsewhere). */
    async next(conversationId: string): Promise<PendingTurn | null> {
      return db.transaction(async (tx) => {
        // Claims in one conversation wait for each other, so two never both see "none running".
        await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CLAIM_LOCK, conversationId]);
        const r = await tx.query<{ id: number; content: string; session_id: string | null }>(
          `UPDATE messages SET turn_state = 'running', turn_owner = $2,
             turn_lease_expires_at = now() + $3::int * interval '1 millisecond'
           WHERE id = (
             SELECT id FROM messages WHERE conversation_id = $1 AND turn_state = 'pending' ORDER BY id LIMIT 1)
           AND NOT EXISTS (SELECT 1 FROM messages WHERE conversation_id = $1 AND turn_state = 'running')
           RETURNING id, content, session_id`,
          [conversationId, owner, leaseMs],
        );
        const row = r.rows[0];
        return row ? { userMessageId: row.id, text: row.content, sessionId: row.session_id } : null;
      });
    },
    /** Whether a turn of the conversation waits (one read, no lock: `next` is what claims it). */
    async hasPending(conversationId: string): Promise<boolean> {
      const r = await db.query(`SELECT 1 FROM messages WHERE conversation_id = $1 AND turn_state = 'pending' LIMIT 1`, [
        conversationId,
      ]);
      return r.rows.length > 0;
    },
    /** Extends this instance's lease on a running turn; false when the lease is no longer ours. */
    async renew(userMessageId: number): Promise<boolean> {
      const r = await db.query(
        `UPDATE messages SET turn_lease_expires_at = now() + $3::int * interval '1 millisecond'
         WHERE id = $1 AND turn_owner = $2 AND turn_state = 'running'`,
        [userMessageId, owner, leaseMs],
      );
      return r.rowCount > 0;
    },
    /** Puts a turn that could not start back in the queue. */
    async release(userMessageId: number): Promise<void> {
      await db.query(
        `UPDATE messages SET turn_state = 'pending', turn_owner = NULL, turn_lease_expires_at = NULL
         WHERE id = $1 AND turn_state = 'running' AND turn_owner = $2`,
        [userMessageId, owner],
      );
    },
    /** Ends a turn this instance owns; false when its lease was taken over meanwhile. */
    async finish(userMessageId: number, state: 'done' | 'failed' | 'skipped'): Promise<boolean> {
      const r = await db.query(
        `UPDATE messages SET turn_state = $2, turn_owner = NULL, turn_lease_expires_at = NULL
         WHERE id = $1 AND (turn_state <> 'running' OR turn_owner = $3)`,
        [userMessageId, state, owner],
      );
      return r.rowCount > 0;
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
    /** Whether a turn of this conversation runs now, on this instance or another. */
    async isRunning(conversationId: string): Promise<boolean> {
      const r = await db.query(`SELECT 1 FROM messages WHERE conversation_id = $1 AND turn_state = 'running' LIMIT 1`, [
        conversationId,
      ]);
      return r.rows.length > 0;
    },
    /** Running turns whose lease expired (their instance stopped or stalled), oldest first. */
    async expired(): Promise<RunningTurn[]> {
      const r = await db.query<{ conversation_id: string; id: number }>(
        `SELECT conversation_id, id FROM messages
         WHERE turn_state = 'running' AND (turn_lease_expires_at IS NULL OR turn_lease_expires_at <= now())
         ORDER BY id`,
      );
      return r.rows.map((x) => ({ conversationId: x.conversation_id, userMessageId: x.id }));
    },
    /** Takes over an expired lease; of several instances trying at once, exactly one gets true. */
    async takeOver(userMessageId: number): Promise<boolean> {
      const r = await db.query(
        `UPDATE messages SET turn_owner = $2, turn_lease_expires_at = now() + $3::int * interval '1 millisecond'
         WHERE id = $1 AND turn_state = 'running'
           AND (turn_lease_expires_at IS NULL OR turn_lease_expires_at <= now())`,
        [userMessageId, owner, leaseMs],
      );
      return r.rowCount > 0;
    },
    /** Ends this instance's leases now (it is stopping), so another instance recovers its turns at once. */
    async expireOwn(): Promise<void> {
      await db.query(
        `UPDATE messages SET turn_lease_expires_at = now() WHERE turn_state = 'running' AND turn_owner = $1`,
        [owner],
      );
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
