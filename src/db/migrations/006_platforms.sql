-- The shop's platform (Shopify, WooCommerce): its ids beside our handles and SKUs, so cart commands,
-- catalog sync and webhooks speak in the ids the platform expects. Safe to run twice.
ALTER TABLE products ADD COLUMN IF NOT EXISTS platform_id text;
ALTER TABLE variants ADD COLUMN IF NOT EXISTS platform_id text;
ALTER TABLE variants ADD COLUMN IF NOT EXISTS inventory_item_id text;
CREATE UNIQUE INDEX IF NOT EXISTS products_platform_id_idx ON products (platform_id) WHERE platform_id IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS variants_platform_id_idx ON variants (platform_id) WHERE platform_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS variants_inventory_item_idx ON variants (inventory_item_id) WHERE inventory_item_id IS NOT NULL;

-- Webhook deliveries already applied: a replayed delivery (same id) changes nothing the second time.
CREATE TABLE IF NOT EXISTS webhook_deliveries (
  platform    text NOT NULL,
  delivery_id text NOT NULL,
  topic       text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (platform, delivery_id)
);

-- An order placed from a cart the assistant helped build is attributed to that conversation.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS conversation_id text REFERENCES conversations (id) ON DELETE SET NULL;
CREATE INDEX IF NOT EXISTS orders_conversation_idx ON orders (conversation_id) WHERE conversation_id IS NOT NULL;

-- A cart that mirrors the shop platform's own cart (the loader applies changes there and reports it back).
ALTER TABLE carts ADD COLUMN IF NOT EXISTS platform text CHECK (platform IS NULL OR platform IN ('shopify', 'woocommerce'));
ALTER TABLE carts ADD COLUMN IF NOT EXISTS checkout_url text;
