-- Every product search the assistant, the storefront and the MCP storefront make through the shared
-- product finder, for the studio's analytics (top and zero-result searches). `zero_result`: nothing
-- passed the finder's judgement (no products, or the shop plainly lacks what was asked), so nearest
-- neighbours never hide the demand. A conversation's searches go with it (erasure, retention).
CREATE TABLE IF NOT EXISTS search_events (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  query            text NOT NULL,
  normalized_query text NOT NULL,
  result_count     integer NOT NULL,
  zero_result      boolean NOT NULL,
  channel          text NOT NULL CHECK (channel IN ('assistant', 'storefront', 'mcp')),
  conversation_id  text REFERENCES conversations (id) ON DELETE CASCADE,
  prompt_version   text,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS search_events_created_idx ON search_events (created_at);
CREATE INDEX IF NOT EXISTS search_events_conversation_idx ON search_events (conversation_id)
  WHERE conversation_id IS NOT NULL;
