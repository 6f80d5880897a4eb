-- Knowledge gaps: questions the assistant could not answer, and the answers merchandisers wrote.
-- Each entry is also a policy document (slug `studio-faq-<id>`), so policy search finds and cites it.
CREATE TABLE IF NOT EXISTS knowledge_entries (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title       text NOT NULL,
  body        text NOT NULL,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Removed with their conversation (privacy erasure, retention).
-- reason: no_policy_match (no policy section held it) or not_understood (the offline model could not read it).
CREATE TABLE IF NOT EXISTS unanswered_questions (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  conversation_id text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  question        text NOT NULL,
  reason          text NOT NULL CHECK (reason IN ('no_policy_match', 'not_understood', 'no_answer')),
  prompt_versions jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at      timestamptz NOT NULL DEFAULT now(),
  resolved_by     integer REFERENCES knowledge_entries (id) ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS unanswered_questions_created_idx ON unanswered_questions (created_at);
CREATE INDEX IF NOT EXISTS unanswered_questions_conversation_idx ON unanswered_questions (conversation_id);

-- Scenario eval runs started from the studio, against the prompt versions published at the start.
-- status: running until it ends; a run whose instance stopped is marked error at the next start.
CREATE TABLE IF NOT EXISTS eval_runs (
  id           text PRIMARY KEY,
  started_by   text NOT NULL,
  prompts      jsonb NOT NULL DEFAULT '{}'::jsonb,
  suite        text,
  repeat       integer NOT NULL DEFAULT 1,
  status       text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'passed', 'failed', 'error')),
  pass_rate    double precision,
  results      jsonb NOT NULL DEFAULT '[]'::jsonb,
  error        text,
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz
);
CREATE INDEX IF NOT EXISTS eval_runs_started_idx ON eval_runs (started_at DESC);
