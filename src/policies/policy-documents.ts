import type { Queryable } from '../db/database.js';

export interface PolicyDocument {
  slug: string;
  title: string;
}

/** The shop's policy documents, by title. */
export async function listPolicyDocuments(db: Queryable): Promise<PolicyDocument[]> {
  const r = await db.query<PolicyDocument>('SELECT slug, title FROM policy_documents ORDER BY title');
  return r.rows;
}

/** One policy document as markdown (its sections under their headings), or null. */
export async function policyMarkdown(db: Queryable, slug: string): Promise<string | null> {
  const r = await db.query<{ title: string; heading: string; body: string }>(
    `SELECT d.title, c.heading, c.body FROM policy_documents d
     LEFT JOIN policy_chunks c ON c.document_id = d.id WHERE d.slug = $1 ORDER BY c.position`,
    [slug],
  );
  if (r.rows.length === 0) return null;
  const sections = r.rows
    .filter((row) => row.body)
    .map((row) => (row.heading && row.heading !== row.title ? `## ${row.heading}\n\n${row.body}` : row.body));
  return [`# ${r.rows[0].title}`, ...sections].join('\n\n') + '\n';
}
