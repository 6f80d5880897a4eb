-- Carts of outside agents (the agent-facing storefront, /api/mcp): ordinary carts, counted as their own channel.
-- NULL is a shopper session's cart (its session records the channel); 'mcp' a cart an outside agent made.
ALTER TABLE carts ADD COLUMN IF NOT EXISTS channel text CHECK (channel IS NULL OR channel IN ('mcp'));
CREATE INDEX IF NOT EXISTS carts_channel_idx ON carts (channel, updated_at) WHERE channel IS NOT NULL;

-- Their changes are recorded as the outside agent's.
ALTER TABLE cart_events DROP CONSTRAINT IF EXISTS cart_events_actor_check;
ALTER TABLE cart_events ADD CONSTRAINT cart_events_actor_check
  CHECK (actor IN ('shopper', 'assistant', 'agent', 'system', 'outside_agent'));
