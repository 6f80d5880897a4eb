import type { Queryable } from '../db/database.js';

/** What waits right now, across every instance: conversations for a person, turns for the assistant, approvals. */
export async function countWaiting(
  db: Queryable,
): Promise<{ conversations: number; turns: number; approvals: number }> {
  const r = await db.query<{ conversations: number; turns: number; approvals: number }>(
    `SELECT (SELECT count(*)::int FROM conversations WHERE status = 'queued') AS conversations,
            (SELECT count(*)::int FROM messages WHERE turn_state = 'pending') AS turns,
            (SELECT count(*)::int FROM approvals WHERE status = 'pending') AS approvals`,
  );
  return r.rows[0];
}
