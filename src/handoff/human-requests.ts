import type { Database } from '../db/database.js';
import type { HumanRequests } from '../tools/tool-deps.js';

/**
 * Records that a conversation wants a person and queues it: one conditional update moves a
 * conversation the assistant owns into the queue; one already queued or with a human stays put.
 */
export function createHumanRequests(deps: { db: Database }): HumanRequests {
  return {
    async request(conversationId, req) {
      return deps.db.transaction(async (tx) => {
        await tx.query('INSERT INTO human_requests (conversation_id, source, reason, urgency) VALUES ($1, $2, $3, $4)', [
          conversationId,
          req.source,
          req.reason,
          req.urgency,
        ]);
        await tx.query(
          `UPDATE conversations SET status = 'queued', epoch = epoch + 1, updated_at = now() WHERE id = $1 AND status IN ('bot', 'closed')`,
          [conversationId],
        );
        const pos = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM conversations WHERE status = 'queued'
             AND updated_at <= (SELECT updated_at FROM conversations WHERE id = $1)`,
          [conversationId],
        );
        return { queuePosition: Math.max(1, pos.rows[0]?.n ?? 1) };
      });
    },
  };
}
