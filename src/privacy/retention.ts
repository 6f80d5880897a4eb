import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';

export interface RetentionReport {
  idleSessions: number;
  conversations: number;
  carts: number;
  sessions: number;
  agentSessions: number;
  auditEntries: number;
}

const DAY_MS = 86_400_000;

/**
 * Keeps data no longer than it is needed. Anonymous sessions that never sent a message or touched
 * their cart go after a day (with their empty conversation and cart); everything else (conversations
 * with their messages and events, carts, sessions, the audit log) after `retentionDays` without
 * activity. Runs at start and then daily; orders and the catalog are the shop's records, not ours.
 */
export function createRetentionJob(deps: {
  db: Database;
  retentionDays: number;
  logger: Logger;
  /** Carts of outside agents (the `mcp` channel) go after this many days without a change. */
  agentCartIdleDays?: number;
  now?: () => Date;
}) {
  const { db, logger } = deps;
  const now = deps.now ?? (() => new Date());
  let timer: NodeJS.Timeout | null = null;

  async function runOnce(): Promise<RetentionReport> {
    const t = now();
    const idleCutoff = new Date(t.getTime() - DAY_MS);
    const cutoff = new Date(t.getTime() - deps.retentionDays * DAY_MS);
    const agentCartCutoff = new Date(t.getTime() - (deps.agentCartIdleDays ?? deps.retentionDays) * DAY_MS);
    return db.transaction(async (tx) => {
      const idle = await tx.query<{ id: string; cart_id: string }>(
        `DELETE FROM shopper_sessions s WHERE s.customer_id IS NULL AND s.created_at < $1
           AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.session_id = s.id)
           AND NOT EXISTS (SELECT 1 FROM conversations c JOIN messages m ON m.conversation_id = c.id AND m.role = 'user'
                           WHERE c.session_id = s.id)
           AND NOT EXISTS (SELECT 1 FROM cart_events e WHERE e.cart_id = s.cart_id)
         RETURNING s.id, s.cart_id`,
        [idleCutoff],
      );
      const idleIds = idle.rows.map((r) => r.id);
      await tx.query(
        `DELETE FROM conversations c WHERE c.session_id = ANY($1::text[])
           AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.role = 'user')`,
        [idleIds],
      );
      const conversations = await tx.query(
        `DELETE FROM conversations c WHERE c.updated_at < $1
           AND NOT EXISTS (SELECT 1 FROM conversation_events e WHERE e.conversation_id = c.id AND e.created_at >= $1)`,
        [cutoff],
      );
      const sessions = await tx.query(
        `DELETE FROM shopper_sessions s WHERE s.last_seen_at < $1
           AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.session_id = s.id)`,
        [cutoff],
      );
      const carts = await tx.query(
        `DELETE FROM carts c
         WHERE (c.updated_at < $1 OR c.id = ANY($2::text[]) OR (c.channel = 'mcp' AND c.updated_at < $3))
           AND NOT EXISTS (SELECT 1 FROM conversations v WHERE v.cart_id = c.id)
           AND NOT EXISTS (SELECT 1 FROM shopper_sessions s WHERE s.cart_id = c.id)`,
        [cutoff, idle.rows.map((r) => r.cart_id), agentCartCutoff],
      );
      const agentSessions = await tx.query('DELETE FROM agent_sessions WHERE expires_at < $1', [t]);
      const audit = await tx.query('DELETE FROM audit_log WHERE at < $1', [cutoff]);
      await tx.query('DELETE FROM model_usage_daily WHERE day < $1::date', [cutoff]);
      // Searches go with their conversation; the storefront's and outside agents' after the same time.
      await tx.query('DELETE FROM search_events WHERE created_at < $1', [cutoff]);
      return {
        idleSessions: idle.rowCount,
        conversations: conversations.rowCount,
        carts: carts.rowCount,
        sessions: sessions.rowCount,
        agentSessions: agentSessions.rowCount,
        auditEntries: audit.rowCount,
      };
    });
  }

  const tick = () =>
    runOnce().then(
      (r) => {
        if (Object.values(r).some((n) => n > 0)) logger.info('retention: old data deleted', { ...r });
      },
      (err: unknown) => logger.error('retention job failed; it runs again tomorrow', { err }),
    );

  return {
    runOnce,
    /** Runs now and then every day; never keeps the process alive on its own. */
    start(intervalMs = DAY_MS): void {
      void tick();
      timer = setInterval(() => void tick(), intervalMs);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

export type RetentionJob = ReturnType<typeof createRetentionJob>;
