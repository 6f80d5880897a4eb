-- Products in other languages (the `translations` of a product record): shown in the shopper's language and
-- searched in it. search_tsv is built with the language's text search configuration (src/catalog/text-search-config.ts):
-- title weight A, product type and category path B, description and option names and values C, as products' own.
CREATE TABLE IF NOT EXISTS product_translations (
  product_id       integer NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  language         text NOT NULL,
  title            text,
  description_html text,
  -- description_html as plain text.
  description      text,
  product_type     text,
  category_path    text[] NOT NULL DEFAULT '{}',
  -- By the catalog's option name: {"Color": {"name": "رنگ", "values": {"Black": "مشکی"}}}.
  options          jsonb NOT NULL DEFAULT '{}'::jsonb,
  search_tsv       tsvector NOT NULL DEFAULT ''::tsvector,
  PRIMARY KEY (product_id, language)
);
CREATE INDEX IF NOT EXISTS product_translations_search_tsv_idx ON product_translations USING gin (search_tsv);
