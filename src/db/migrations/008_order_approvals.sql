-- Order changes a person approves or makes: an approval may hold a pending order action (one
-- approval per action) and keeps the agent's reason when it is rejected; an action an agent
-- prepared in the console is theirs to run, never the shopper's to confirm. Safe to run twice.
ALTER TABLE approvals ADD COLUMN IF NOT EXISTS action_id text REFERENCES pending_actions (id) ON DELETE CASCADE;
ALTER TABLE approvals ADD COLUMN IF NOT EXISTS decision_note text;
CREATE UNIQUE INDEX IF NOT EXISTS approvals_action_idx ON approvals (action_id) WHERE action_id IS NOT NULL;

ALTER TABLE pending_actions ADD COLUMN IF NOT EXISTS prepared_by text;
