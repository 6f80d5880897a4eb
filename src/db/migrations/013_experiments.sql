-- A/B experiments: new conversations split between prompt sets by weight, sticky per conversation.
-- At most one experiment runs at a time.
CREATE TABLE IF NOT EXISTS experiments (
  id               text PRIMARY KEY,
  name             text NOT NULL,
  metric           text NOT NULL,
  status           text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'stopped')),
  created_by       text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  stopped_at       timestamptz,
  promoted_variant integer
);
CREATE UNIQUE INDEX IF NOT EXISTS experiments_one_running ON experiments ((true)) WHERE status = 'running';

-- Variant 0 is the control. `prompts` maps prompt names to published version ids; names left out
-- use whatever version is published when the turn runs.
CREATE TABLE IF NOT EXISTS experiment_variants (
  experiment_id text NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
  index         integer NOT NULL,
  prompts       jsonb NOT NULL DEFAULT '{}'::jsonb,
  weight        integer NOT NULL CHECK (weight > 0),
  PRIMARY KEY (experiment_id, index)
);

-- The variant each conversation got: recorded once, at its first turn while the experiment ran.
CREATE TABLE IF NOT EXISTS experiment_assignments (
  conversation_id text PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
  experiment_id   text NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
  variant         integer NOT NULL,
  assigned_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS experiment_assignments_idx ON experiment_assignments (experiment_id, variant);
