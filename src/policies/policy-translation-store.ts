import type { PolicyTranslationRecord } from '../catalog/records.js';
import type { Queryable } from '../db/database.js';
import { policyTextConfig, searchableText } from './policy-text-config.js';

/** The section's own headings: its heading path below the document title. */
function sectionHeadings(title: string, path: string[], heading: string): string {
  const below = path[0] === title ? path.slice(1) : path;
  return (below.length ? below : [heading]).join(' ');
}

/**
 * Writes a document's translations (after its chunks, whose ids `chunkIds` gives by position),
 * indexed with each language's text configuration, weighted as the originals are: A the
 * section's headings, B the document title, C the text.
 */
export async function writePolicyTranslations(
  tx: Queryable,
  documentId: number,
  chunkIds: Map<number, number>,
  translations: PolicyTranslationRecord[],
): Promise<void> {
  await tx.query('DELETE FROM policy_document_translations WHERE document_id = $1', [documentId]);
  for (const t of translations) {
    await tx.query(
      'INSERT INTO policy_document_translations (document_id, language, title, source) VALUES ($1, $2, $3, $4)',
      [documentId, t.language, t.title, t.source],
    );
    const config = policyTextConfig(t.language);
    const indexed = (text: string) => searchableText(t.language, text);
    for (const c of t.chunks) {
      const chunkId = chunkIds.get(c.position);
      if (chunkId === undefined) continue;
      await tx.query(
        `INSERT INTO policy_chunk_translations (chunk_id, language, heading, heading_path, body, search_tsv)
         VALUES ($1, $2, $3, $4::text[], $5,
                 setweight(to_tsvector($6::regconfig, $7), 'A') || setweight(to_tsvector($6::regconfig, $8), 'B')
                 || setweight(to_tsvector($6::regconfig, $9), 'C'))`,
        [
          chunkId,
          t.language,
          c.heading,
          c.path,
          c.text,
          config,
          indexed(sectionHeadings(t.title, c.path, c.heading)),
          indexed(t.title),
          indexed(c.text),
        ],
      );
    }
  }
}
