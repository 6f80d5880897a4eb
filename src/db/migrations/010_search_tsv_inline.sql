-- Full-text search reads products.search_tsv several times for every row that matches a query word (the match,
-- each term's coverage, the rank). With the default storage a product's row (descriptions, embedding text and
-- search_tsv, about 2 kB) is over the TOAST threshold and search_tsv went out of line for most rows: every read
-- was a lookup in the TOAST table, and lexical search spent most of its time there (bench:search). MAIN keeps
-- search_tsv in the row; the long texts, read only for the products shown, move out of line instead.
ALTER TABLE products ALTER COLUMN search_tsv SET STORAGE MAIN;

-- Rows written before keep an out-of-line value until it is rewritten: rewrite those now (a copy of the value is
-- stored the new way). Finding them needs Postgres 17; on an older server they are rewritten as products change.
DO $$
BEGIN
  IF current_setting('server_version_num')::int >= 170000 THEN
    EXECUTE $sql$UPDATE products SET search_tsv = search_tsv || ''::tsvector
                 WHERE pg_column_toast_chunk_id(search_tsv) IS NOT NULL$sql$;
  END IF;
END $$;
