-- Policy translations (catalog/policies/<language>/<name>.md, docs/catalog-format.md): the document's
-- title per language, and each chunk's text per language, aligned with the original's chunks by
-- position. Deleting or rewriting a document's chunks deletes their translations. Translated text is
-- searched in full text only (the original's vectors stand for the section): `simple` over text
-- folded like foldArabicScript for fa/ar, `german` for de (src/policies/policy-text-config.ts).
CREATE TABLE IF NOT EXISTS policy_document_translations (
  document_id integer NOT NULL REFERENCES policy_documents (id) ON DELETE CASCADE,
  language    text NOT NULL,
  title       text NOT NULL,
  source      text NOT NULL,
  PRIMARY KEY (document_id, language)
);

CREATE TABLE IF NOT EXISTS policy_chunk_translations (
  chunk_id     integer NOT NULL REFERENCES policy_chunks (id) ON DELETE CASCADE,
  language     text NOT NULL,
  heading      text NOT NULL,
  heading_path text[] NOT NULL DEFAULT '{}',
  body         text NOT NULL,
  search_tsv   tsvector NOT NULL DEFAULT ''::tsvector,
  PRIMARY KEY (chunk_id, language)
);
CREATE INDEX IF NOT EXISTS policy_chunk_translations_tsv_idx ON policy_chunk_translations USING gin (search_tsv);
CREATE INDEX IF NOT EXISTS policy_chunk_translations_language_idx ON policy_chunk_translations (language);
