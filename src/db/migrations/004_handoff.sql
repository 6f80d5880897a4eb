-- Human handoff: console agents, held actions awaiting approval, CSAT ratings.
CREATE TABLE IF NOT EXISTS agents (
  email         text PRIMARY KEY,
  name          text NOT NULL,
  password_hash text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE conversations ADD COLUMN IF NOT EXISTS queued_at timestamptz;
ALTER TABLE conversations ADD COLUMN IF NOT EXISTS closed_at timestamptz;
ALTER TABLE conversations ADD COLUMN IF NOT EXISTS resolution text;
ALTER TABLE conversations ADD COLUMN IF NOT EXISTS contact_email text;
CREATE INDEX IF NOT EXISTS conversations_status_idx ON conversations (status, queued_at);

CREATE TABLE IF NOT EXISTS approvals (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  conversation_id text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  tool            text NOT NULL,
  request         jsonb NOT NULL,
  reason          text NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_by      text,
  decided_at      timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS approvals_pending_idx ON approvals (conversation_id) WHERE status = 'pending';

CREATE TABLE IF NOT EXISTS ratings (
  conversation_id text PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
  rating          integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment         text,
  created_at      timestamptz NOT NULL DEFAULT now()
);
