import { contentHash } from '../shared/content-hash.js';
import type { PolicyChunkRecord, PolicyDocumentRecord } from '../catalog/records.js';
import type { Queryable } from '../db/database.js';
import type { UpsertOutcome } from '../catalog/product-store.js';
import { writePolicyTranslations } from './policy-translation-store.js';

/**
 * How chunks are indexed for full-text search; part of the content hash, so a change here
 * re-indexes every policy on the next import. Weight A: the section's headings (the title for the
 * text before the first section); B: the document title; C: the text.
 */
const INDEX_VERSION = 2;

/** The section's own headings: its heading path below the document title. */
function sectionHeadings(title: string, chunk: PolicyChunkRecord): string {
  const below = chunk.path[0] === title ? chunk.path.slice(1) : chunk.path;
  return (below.length ? below : [chunk.heading]).join(' ');
}

/** Inserts or replaces a policy document, its chunks and their translations by slug. */
export async function upsertPolicyDocument(tx: Queryable, doc: PolicyDocumentRecord): Promise<UpsertOutcome> {
  const translations = doc.translations ?? [];
  // A document without translations hashes as it always has, so no import rewrites it for them.
  const hash = contentHash({
    title: doc.title,
    chunks: doc.chunks,
    index: INDEX_VERSION,
    ...(translations.length ? { translations } : {}),
  });
  const prev = await tx.query<{ id: number; content_hash: string }>(
    'SELECT id, content_hash FROM policy_documents WHERE slug = $1',
    [doc.slug],
  );
  if (prev.rows[0]?.content_hash === hash) return 'unchanged';
  const row = await tx.query<{ id: number }>(
    `INSERT INTO policy_documents (slug, title, source, content_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (slug) DO UPDATE SET title = EXCLUDED.title, source = EXCLUDED.source, content_hash = EXCLUDED.content_hash, updated_at = now()
     RETURNING id`,
    [doc.slug, doc.title, doc.source, hash],
  );
  const id = row.rows[0].id;
  await tx.query('DELETE FROM policy_chunks WHERE document_id = $1', [id]);
  const chunkIds = new Map<number, number>();
  for (const c of doc.chunks) {
    const chunk = await tx.query<{ id: number }>(
      `INSERT INTO policy_chunks (document_id, position, heading, heading_path, anchor, body, search_tsv)
       VALUES ($1, $2, $3, $4::text[], $5, $6,
               setweight(to_tsvector('english', $7), 'A') || setweight(to_tsvector('english', $8), 'B')
               || setweight(to_tsvector('english', $6), 'C'))
       RETURNING id`,
      [id, c.position, c.heading, c.path, c.anchor, c.text, sectionHeadings(doc.title, c), doc.title],
    );
    chunkIds.set(c.position, chunk.rows[0].id);
  }
  await writePolicyTranslations(tx, id, chunkIds, translations);
  return prev.rows.length > 0 ? 'updated' : 'created';
}
