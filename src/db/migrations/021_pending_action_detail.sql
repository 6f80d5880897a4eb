-- An order change as data (src/shared/order-change-detail.ts), beside its English summary, so the
-- shopper is told it in their own language (docs/languages.md). `result` may also hold the change
-- as it ran (`detail`) or why the rules refused it (`refusal`).
ALTER TABLE pending_actions ADD COLUMN IF NOT EXISTS detail jsonb;
