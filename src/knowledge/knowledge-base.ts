import type { Embedder } from '../catalog/embeddings/embedder.js';
import type { Database, Queryable } from '../db/database.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { embedStale } from '../ingest/ingest.js';
import { parsePolicyMarkdown } from '../ingest/importers/policy-markdown.js';
import { upsertPolicyDocument } from '../policies/policy-store.js';
import { groupUnanswered } from './group-unanswered.js';
import { resolveUnanswered } from './unanswered-store.js';

/** An answer a merchandiser wrote for a knowledge gap; policy search finds it as document `slug`. */
export interface KnowledgeEntry {
  id: number;
  title: string;
  body: string;
  slug: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** Questions it answers. */
  resolvedQuestions: number;
}

/** Where the written answers are cited from, like the files of the imported policies. */
export const KNOWLEDGE_SOURCE = 'studio';

const slugOf = (id: number) => `studio-faq-${id}`;

interface EntryRow {
  id: number;
  title: string;
  body: string;
  created_by: string;
  created_at: Date | string;
  updated_at: Date | string;
  resolved: number | string;
}

const toEntry = (r: EntryRow): KnowledgeEntry => ({
  id: r.id,
  title: r.title,
  body: r.body,
  slug: slugOf(r.id),
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
  resolvedQuestions: Number(r.resolved),
});

const ENTRY_SQL = `SELECT e.id, e.title, e.body, e.created_by, e.created_at, e.updated_at,
  (SELECT count(*) FROM unanswered_questions q WHERE q.resolved_by = e.id) AS resolved
  FROM knowledge_entries e`;

/** The entry as a policy document: the title, then the body (its own `##` headings make sections). */
async function indexEntry(tx: Queryable, id: number, title: string, body: string): Promise<void> {
  const parsed = parsePolicyMarkdown(`# ${title}\n\n${body}\n`, { file: `${slugOf(id)}.md` });
  if (!parsed.policy || parsed.policy.chunks.length === 0) {
    throw new ValidationError('knowledge:empty', 'The answer has no text to search.');
  }
  await upsertPolicyDocument(tx, { ...parsed.policy, source: KNOWLEDGE_SOURCE });
}

export interface KnowledgeBase {
  list(): Promise<KnowledgeEntry[]>;
  /**
   * Stores the answer as a policy section, embedded before this returns (searchable at once), and
   * marks the questions it answers resolved: by id, or every question of the gap group `groupKey`.
   */
  write(
    input: { title: string; body: string; questionIds?: number[]; groupKey?: string },
    author: string,
  ): Promise<KnowledgeEntry>;
  /** Deletes the entry and its policy document; its questions are open again. */
  remove(id: number): Promise<KnowledgeEntry>;
}

/** The merchandiser-written answers, kept as policy documents that the assistant searches and cites. */
export function createKnowledgeBase(deps: { db: Database; embedder: Embedder }): KnowledgeBase {
  const { db } = deps;
  const get = async (id: number) => {
    const r = await db.query<EntryRow>(`${ENTRY_SQL} WHERE e.id = $1`, [id]);
    if (!r.rows[0]) throw new NotFoundError('knowledge:not_found', `No knowledge entry ${id}.`);
    return toEntry(r.rows[0]);
  };
  const questionsOf = async (input: { questionIds?: number[]; groupKey?: string }) => {
    if (input.groupKey === undefined) return input.questionIds ?? [];
    const group = (await groupUnanswered(db)).find((g) => g.key === input.groupKey);
    if (!group) throw new NotFoundError('knowledge:gap_not_found', 'No knowledge gap with this key.');
    return [...group.questionIds, ...(input.questionIds ?? [])];
  };
  return {
    async list() {
      return (await db.query<EntryRow>(`${ENTRY_SQL} ORDER BY e.id DESC`)).rows.map(toEntry);
    },
    async write(input, author) {
      const ids = await questionsOf(input);
      const id = await db.transaction(async (tx) => {
        const row = await tx.query<{ id: number }>(
          'INSERT INTO knowledge_entries (title, body, created_by) VALUES ($1, $2, $3) RETURNING id',
          [input.title, input.body, author],
        );
        const entryId = row.rows[0].id;
        await indexEntry(tx, entryId, input.title, input.body);
        await resolveUnanswered(tx, ids, entryId);
        return entryId;
      });
      await embedStale(deps);
      return get(id);
    },
    async remove(id) {
      const entry = await get(id);
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM policy_documents WHERE slug = $1', [slugOf(id)]);
        await tx.query('DELETE FROM knowledge_entries WHERE id = $1', [id]);
      });
      return entry;
    },
  };
}
