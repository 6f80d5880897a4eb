import type { Queryable } from '../db/database.js';

export type UnansweredReason = 'no_policy_match' | 'not_understood' | 'no_answer';

/** A question the assistant could not answer, as recorded at the end of its turn. */
export interface UnansweredRow {
  id: number;
  conversationId: string;
  question: string;
  reason: UnansweredReason;
  promptVersions: Record<string, string>;
  createdAt: Date;
  resolvedBy: number | null;
}

interface Row {
  id: number;
  conversation_id: string;
  question: string;
  reason: UnansweredReason;
  prompt_versions: Record<string, string>;
  created_at: Date | string;
  resolved_by: number | null;
}

const toRow = (r: Row): UnansweredRow => ({
  id: r.id,
  conversationId: r.conversation_id,
  question: r.question,
  reason: r.reason,
  promptVersions: r.prompt_versions ?? {},
  createdAt: new Date(r.created_at),
  resolvedBy: r.resolved_by,
});

/** The longest question kept: enough to read, bounded against pasted essays. */
const MAX_QUESTION = 1_000;

/** Records one unanswered question (one insert). */
export async function recordUnanswered(
  db: Queryable,
  q: { conversationId: string; question: string; reason: UnansweredReason; promptVersions: Record<string, string> },
): Promise<void> {
  await db.query(
    `INSERT INTO unanswered_questions (conversation_id, question, reason, prompt_versions)
     VALUES ($1, $2, $3, $4::jsonb)`,
    [q.conversationId, q.question.slice(0, MAX_QUESTION), q.reason, JSON.stringify(q.promptVersions)],
  );
}

/** The questions asked in [from, to), oldest first; either bound may be left open. */
export async function listUnanswered(db: Queryable, range: { from?: Date; to?: Date } = {}): Promise<UnansweredRow[]> {
  const r = await db.query<Row>(
    `SELECT id, conversation_id, question, reason, prompt_versions, created_at, resolved_by
     FROM unanswered_questions
     WHERE ($1::timestamptz IS NULL OR created_at >= $1) AND ($2::timestamptz IS NULL OR created_at < $2)
     ORDER BY created_at, id`,
    [range.from ?? null, range.to ?? null],
  );
  return r.rows.map(toRow);
}

/** Marks the questions answered by a knowledge entry; returns how many were still open. */
export async function resolveUnanswered(db: Queryable, ids: number[], entryId: number): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db.query<{ id: number }>(
    `UPDATE unanswered_questions SET resolved_by = $2 WHERE id = ANY($1::int[]) AND resolved_by IS NULL RETURNING id`,
    [ids, entryId],
  );
  return r.rows.length;
}
