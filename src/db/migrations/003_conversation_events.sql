-- The per-conversation event log the widget replays from: gapless sequence numbers, stored
-- before they are sent, so a reconnect, a restart or another server process loses nothing.
ALTER TABLE conversations ADD COLUMN IF NOT EXISTS last_seq integer NOT NULL DEFAULT 0;

CREATE TABLE IF NOT EXISTS conversation_events (
  conversation_id text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  seq             integer NOT NULL,
  type            text NOT NULL,
  body            jsonb NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (conversation_id, seq)
);

-- A message sent twice (a retry after a dropped ack) is stored once.
ALTER TABLE messages ADD COLUMN IF NOT EXISTS client_message_id text;
CREATE UNIQUE INDEX IF NOT EXISTS messages_client_id_idx ON messages (conversation_id, client_message_id) WHERE client_message_id IS NOT NULL;
-- Turn bookkeeping on shopper messages: pending until the assistant has answered (or failed).
ALTER TABLE messages ADD COLUMN IF NOT EXISTS turn_state text CHECK (turn_state IS NULL OR turn_state IN ('pending', 'running', 'done', 'failed', 'skipped'));
CREATE INDEX IF NOT EXISTS messages_pending_idx ON messages (conversation_id, id) WHERE turn_state IN ('pending', 'running');
