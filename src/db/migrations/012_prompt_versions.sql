-- Prompt versions: every text a prompt file has had, from the files in prompts/ or the studio.
-- One version of each prompt is published (the assistant answers with it); the others are drafts.
CREATE TABLE IF NOT EXISTS prompt_versions (
  id text PRIMARY KEY,
  name text NOT NULL,
  number integer NOT NULL,
  content_hash text NOT NULL,
  text text NOT NULL,
  author text NOT NULL,
  note text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  UNIQUE (name, number),
  UNIQUE (name, content_hash)
);
CREATE UNIQUE INDEX IF NOT EXISTS prompt_versions_one_published ON prompt_versions (name) WHERE status = 'published';

-- The content of each file in prompts/ when last read: a file that differs was changed on disk.
CREATE TABLE IF NOT EXISTS prompt_files (
  name text PRIMARY KEY,
  content_hash text NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now()
);
