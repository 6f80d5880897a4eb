-- After the sale: addresses, payment methods, order states beyond shipping, payments and refunds,
-- order events with their actor, and actions that wait for the shopper's confirmation. Safe to run twice.
ALTER TABLE customers ADD COLUMN IF NOT EXISTS address jsonb;

CREATE TABLE IF NOT EXISTS payment_methods (
  customer_id   text NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  id            text NOT NULL,
  position      integer NOT NULL DEFAULT 0,
  kind          text NOT NULL CHECK (kind IN ('credit_card', 'paypal', 'gift_card', 'other')),
  brand         text,
  last4         text,
  -- A gift card's balance; refunds to it are credited at once.
  balance_minor integer CHECK (balance_minor IS NULL OR balance_minor >= 0),
  PRIMARY KEY (customer_id, id)
);

ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_status_check;
UPDATE orders SET status = 'pending' WHERE status IN ('placed', 'paid');
ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN
  ('pending', 'processed', 'shipped', 'delivered', 'cancelled', 'return_requested', 'exchange_requested', 'returned'));
ALTER TABLE orders ADD COLUMN IF NOT EXISTS shipping_address jsonb;
-- The return or exchange asked for: which lines, for what, refunded or charged to which method.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS requested_change jsonb;
ALTER TABLE order_lines ADD COLUMN IF NOT EXISTS tracking_number text;

CREATE TABLE IF NOT EXISTS order_payments (
  order_id          text NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  seq               integer NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('payment', 'refund')),
  amount_minor      integer NOT NULL CHECK (amount_minor >= 0),
  currency          char(3) NOT NULL,
  payment_method_id text NOT NULL,
  at                timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (order_id, seq)
);

CREATE TABLE IF NOT EXISTS order_events (
  id        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id  text NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  at        timestamptz NOT NULL DEFAULT now(),
  actor     text NOT NULL CHECK (actor IN ('shopper', 'agent', 'system')),
  actor_id  text,
  action    text NOT NULL,
  reason    text,
  details   jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX IF NOT EXISTS order_events_order_idx ON order_events (order_id, id);

-- A write the assistant (or an agent) prepared: it runs only when the shopper confirms it.
CREATE TABLE IF NOT EXISTS pending_actions (
  id              text PRIMARY KEY,
  conversation_id text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  customer_id     text NOT NULL,
  kind            text NOT NULL,
  order_id        text,
  args            jsonb NOT NULL,
  summary         text NOT NULL,
  status          text NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'awaiting_approval', 'done', 'cancelled', 'expired', 'refused')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz NOT NULL,
  decided_at      timestamptz,
  result          jsonb
);
CREATE INDEX IF NOT EXISTS pending_actions_conversation_idx ON pending_actions (conversation_id, created_at DESC);
