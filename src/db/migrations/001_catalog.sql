-- Catalog, customers, orders, carts and policies. Safe to run twice.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE IF NOT EXISTS products (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  handle           text NOT NULL UNIQUE,
  title            text NOT NULL,
  description_html text NOT NULL DEFAULT '',
  description      text NOT NULL DEFAULT '',
  vendor           text NOT NULL DEFAULT '',
  product_type     text NOT NULL DEFAULT '',
  category_path    text[] NOT NULL DEFAULT '{}',
  category         text NOT NULL DEFAULT '',
  tags             text[] NOT NULL DEFAULT '{}',
  attributes       jsonb NOT NULL DEFAULT '{}'::jsonb,
  images           jsonb NOT NULL DEFAULT '[]'::jsonb,
  option_names     jsonb NOT NULL DEFAULT '[]'::jsonb,
  status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'draft', 'archived')),
  content_hash     text NOT NULL,
  search_tsv       tsvector NOT NULL DEFAULT ''::tsvector,
  -- What the embedder reads; vectors are refreshed only when it changes.
  embedding_text   text NOT NULL DEFAULT '',
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS products_search_tsv_idx ON products USING gin (search_tsv);
CREATE INDEX IF NOT EXISTS products_status_idx ON products (status);
CREATE INDEX IF NOT EXISTS products_vendor_idx ON products (lower(vendor));
CREATE INDEX IF NOT EXISTS products_tags_idx ON products USING gin (tags);

CREATE TABLE IF NOT EXISTS variants (
  id                    integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  product_id            integer NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  sku                   text NOT NULL UNIQUE,
  position              integer NOT NULL DEFAULT 0,
  options               jsonb NOT NULL DEFAULT '{}'::jsonb,
  price_minor           integer NOT NULL CHECK (price_minor >= 0),
  currency              char(3) NOT NULL,
  compare_at_minor      integer CHECK (compare_at_minor IS NULL OR compare_at_minor >= 0),
  stock                 integer NOT NULL DEFAULT 0 CHECK (stock >= 0),
  image                 text,
  barcode               text
);
CREATE INDEX IF NOT EXISTS variants_product_idx ON variants (product_id);
CREATE INDEX IF NOT EXISTS variants_price_idx ON variants (price_minor);

-- Which embedder produced the vectors in product_vectors / policy_vectors (one row).
CREATE TABLE IF NOT EXISTS embedding_state (
  id          boolean PRIMARY KEY DEFAULT true CHECK (id),
  provider    text NOT NULL,
  dimension   integer NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS customers (
  id                text PRIMARY KEY,
  email             text NOT NULL UNIQUE,
  first_name        text NOT NULL,
  last_name         text NOT NULL DEFAULT '',
  phone             text,
  city              text,
  country           text,
  language          text NOT NULL DEFAULT 'en',
  tags              text[] NOT NULL DEFAULT '{}',
  accepts_marketing boolean NOT NULL DEFAULT false,
  content_hash      text NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orders (
  id               text PRIMARY KEY,
  customer_id      text NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  status           text NOT NULL CHECK (status IN ('placed', 'paid', 'shipped', 'delivered', 'returned', 'cancelled')),
  placed_at        timestamptz NOT NULL,
  currency         char(3) NOT NULL,
  subtotal_minor   integer NOT NULL,
  shipping_minor   integer NOT NULL DEFAULT 0,
  total_minor      integer NOT NULL,
  tracking_carrier text,
  tracking_number  text,
  tracking_url     text,
  shipped_at       timestamptz,
  delivered_at     timestamptz,
  returned_at      timestamptz,
  content_hash     text NOT NULL,
  -- Optimistic concurrency: every change bumps it.
  version          integer NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS orders_customer_idx ON orders (customer_id, placed_at DESC);

CREATE TABLE IF NOT EXISTS order_lines (
  order_id         text NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  line_no          integer NOT NULL,
  sku              text NOT NULL,
  title            text NOT NULL,
  quantity         integer NOT NULL CHECK (quantity > 0),
  unit_price_minor integer NOT NULL CHECK (unit_price_minor >= 0),
  PRIMARY KEY (order_id, line_no)
);
CREATE INDEX IF NOT EXISTS order_lines_sku_idx ON order_lines (sku);

-- Carts are written by the shopper, the assistant and a human agent at once:
-- items are changed with single atomic statements, and every change is logged.
CREATE TABLE IF NOT EXISTS carts (
  id           text PRIMARY KEY,
  customer_id  text REFERENCES customers (id) ON DELETE SET NULL,
  currency     char(3) NOT NULL,
  version      integer NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS cart_items (
  cart_id     text NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  sku         text NOT NULL REFERENCES variants (sku) ON DELETE CASCADE,
  quantity    integer NOT NULL CHECK (quantity > 0),
  added_at    timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cart_id, sku)
);

CREATE TABLE IF NOT EXISTS cart_events (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  cart_id     text NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  actor       text NOT NULL CHECK (actor IN ('shopper', 'assistant', 'agent', 'system')),
  actor_id    text,
  action      text NOT NULL CHECK (action IN ('add', 'set', 'remove', 'clear')),
  sku         text,
  quantity    integer,
  cart_version integer NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS cart_events_cart_idx ON cart_events (cart_id, id);

CREATE TABLE IF NOT EXISTS policy_documents (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug         text NOT NULL UNIQUE,
  title        text NOT NULL,
  source       text NOT NULL,
  content_hash text NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS policy_chunks (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id  integer NOT NULL REFERENCES policy_documents (id) ON DELETE CASCADE,
  position     integer NOT NULL,
  heading      text NOT NULL,
  heading_path text[] NOT NULL DEFAULT '{}',
  anchor       text NOT NULL,
  body         text NOT NULL,
  search_tsv   tsvector NOT NULL DEFAULT ''::tsvector,
  UNIQUE (document_id, position)
);
CREATE INDEX IF NOT EXISTS policy_chunks_tsv_idx ON policy_chunks USING gin (search_tsv);
