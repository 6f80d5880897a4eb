-- Conversations, their messages (with what produced each assistant reply) and requests for a human.
CREATE TABLE IF NOT EXISTS conversations (
  id             text PRIMARY KEY,
  session_id     text NOT NULL,
  customer_id    text REFERENCES customers (id) ON DELETE SET NULL,
  cart_id        text NOT NULL REFERENCES carts (id),
  channel        text NOT NULL DEFAULT 'web',
  status         text NOT NULL DEFAULT 'bot' CHECK (status IN ('bot', 'queued', 'human', 'closed')),
  assigned_agent text,
  -- Bumped at every handoff, so the assistant never treats an earlier handoff's turns as current.
  epoch          integer NOT NULL DEFAULT 0,
  language       text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS conversations_session_idx ON conversations (session_id, created_at DESC);
CREATE INDEX IF NOT EXISTS conversations_customer_idx ON conversations (customer_id, created_at DESC);

CREATE TABLE IF NOT EXISTS messages (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  conversation_id text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  role            text NOT NULL CHECK (role IN ('user', 'assistant', 'tool', 'agent', 'system', 'note')),
  content         text,
  tool_calls      jsonb,
  tool_call_id    text,
  tool_name       text,
  epoch           integer NOT NULL DEFAULT 0,
  -- For assistant replies: model, prompt version, tools called, token usage, timings, products shown.
  meta            jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS messages_conversation_idx ON messages (conversation_id, id);

CREATE TABLE IF NOT EXISTS human_requests (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  conversation_id text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  source          text NOT NULL CHECK (source IN ('shopper', 'assistant', 'rule', 'agent')),
  reason          text NOT NULL,
  urgency         text NOT NULL CHECK (urgency IN ('low', 'normal', 'high')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  resolved_at     timestamptz
);
CREATE INDEX IF NOT EXISTS human_requests_open_idx ON human_requests (created_at) WHERE resolved_at IS NULL;
