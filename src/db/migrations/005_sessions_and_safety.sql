-- Safe to deploy: console roles and server-side agent sessions, shopper sessions that can be
-- revoked, the sender of each shopper message, model spend per conversation and per day, an audit
-- log, and erasure tombstones (orders outlive an erased customer as anonymous figures).
ALTER TABLE agents ADD COLUMN IF NOT EXISTS role text NOT NULL DEFAULT 'agent';
ALTER TABLE agents ADD COLUMN IF NOT EXISTS disabled_at timestamptz;

CREATE TABLE IF NOT EXISTS agent_sessions (
  -- SHA-256 of the bearer token; the token itself is never stored.
  token_hash  text PRIMARY KEY,
  agent_email text NOT NULL REFERENCES agents (email) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  ip          text
);
CREATE INDEX IF NOT EXISTS agent_sessions_agent_idx ON agent_sessions (agent_email);

CREATE TABLE IF NOT EXISTS shopper_sessions (
  id           text PRIMARY KEY,
  customer_id  text REFERENCES customers (id) ON DELETE CASCADE,
  cart_id      text NOT NULL,
  channel      text NOT NULL DEFAULT 'web',
  ip           text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz
);
CREATE INDEX IF NOT EXISTS shopper_sessions_customer_idx ON shopper_sessions (customer_id);
CREATE INDEX IF NOT EXISTS shopper_sessions_created_idx ON shopper_sessions (created_at);
-- Sessions from before this migration keep working.
INSERT INTO shopper_sessions (id, customer_id, cart_id, channel)
  SELECT DISTINCT ON (session_id) session_id, customer_id, cart_id, channel FROM conversations
  ORDER BY session_id, created_at DESC
  ON CONFLICT (id) DO NOTHING;

ALTER TABLE messages ADD COLUMN IF NOT EXISTS session_id text;
CREATE INDEX IF NOT EXISTS messages_session_idx ON messages (session_id) WHERE session_id IS NOT NULL;

ALTER TABLE conversations ADD COLUMN IF NOT EXISTS model_tokens bigint NOT NULL DEFAULT 0;
CREATE TABLE IF NOT EXISTS model_usage_daily (
  day    date PRIMARY KEY,
  tokens bigint NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS audit_log (
  id      integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at      timestamptz NOT NULL DEFAULT now(),
  actor   text NOT NULL,
  action  text NOT NULL,
  subject text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE TABLE IF NOT EXISTS erased_customers (
  -- SHA-256 of the customer id: enough to skip them on the next import, nothing more.
  id_hash   text PRIMARY KEY,
  erased_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE orders ALTER COLUMN customer_id DROP NOT NULL;
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_customer_id_fkey;
ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey
  FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE SET NULL;
CREATE INDEX IF NOT EXISTS conversations_updated_idx ON conversations (updated_at);
