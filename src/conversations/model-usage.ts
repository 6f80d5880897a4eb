import type { Database } from '../db/database.js';

/** Model tokens spent, per conversation and per day (UTC), for the spend caps. */
export function createModelUsage(deps: { db: Database }) {
  const { db } = deps;
  return {
    async spent(conversationId: string, day: string): Promise<{ conversation: number; day: number }> {
      const r = await db.query<{ conversation: string | null; day: string | null }>(
        `SELECT (SELECT model_tokens FROM conversations WHERE id = $1) AS conversation,
                (SELECT tokens FROM model_usage_daily WHERE day = $2::date) AS day`,
        [conversationId, day],
      );
      return { conversation: Number(r.rows[0]?.conversation ?? 0), day: Number(r.rows[0]?.day ?? 0) };
    },
    async add(conversationId: string, day: string, tokens: number): Promise<void> {
      if (tokens <= 0) return;
      await db.transaction(async (tx) => {
        await tx.query('UPDATE conversations SET model_tokens = model_tokens + $2 WHERE id = $1', [
          conversationId,
          tokens,
        ]);
        await tx.query(
          `INSERT INTO model_usage_daily (day, tokens) VALUES ($1::date, $2)
           ON CONFLICT (day) DO UPDATE SET tokens = model_usage_daily.tokens + EXCLUDED.tokens`,
          [day, tokens],
        );
      });
    },
  };
}

export type ModelUsage = ReturnType<typeof createModelUsage>;
