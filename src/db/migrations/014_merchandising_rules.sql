-- The shop's merchandising rules (synonyms, pins, boosts, hidden products, query expansions,
-- complements, gender tags) as one document, edited in the studio. `seed_hash` is the hash of the
-- catalog/merchandising.json the row was last seeded from: a changed file replaces the rules at start.
CREATE TABLE IF NOT EXISTS merchandising_rules (
  id         boolean PRIMARY KEY DEFAULT true CHECK (id),
  rules      jsonb NOT NULL,
  seed_hash  text NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
