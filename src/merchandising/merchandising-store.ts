import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import type { QueryRules } from '../catalog/query-rules.js';
import {
  createMerchandising,
  createQueryExpander,
  merchandisingSchema,
  type MerchandisingRules,
} from './merchandising-rules.js';
import { createSearchRules } from './search-rules.js';

/** The stored rules, with who changed them last and when. */
export interface StoredRules {
  rules: MerchandisingRules;
  updatedBy: string;
  updatedAt: string;
}

/** The rules in the forms their readers use, built once per change. */
export interface LiveRules extends StoredRules {
  search: QueryRules;
  expandQuery: (query: string) => string;
  tools: ReturnType<typeof createMerchandising>;
}

/** How long an instance trusts its copy before reading the database again (another instance may have saved). */
const DEFAULT_TTL_MS = 5_000;

const hashOf = (rules: MerchandisingRules) => createHash('sha256').update(JSON.stringify(rules)).digest('base64url');

function live(stored: StoredRules): LiveRules {
  return {
    ...stored,
    search: createSearchRules(stored.rules),
    expandQuery: createQueryExpander(stored.rules),
    tools: createMerchandising(stored.rules),
  };
}

/**
 * The merchandising rules, stored in the database and kept in memory. The catalog's
 * `merchandising.json` seeds them; when that file changes, it replaces them at the next start
 * (as a changed prompt file does). A save takes effect at once on this instance and within the
 * TTL on the others.
 */
export function createMerchandisingStore(deps: { db: Queryable; seed: MerchandisingRules; ttlMs?: number }) {
  const { db } = deps;
  const ttl = deps.ttlMs ?? DEFAULT_TTL_MS;
  let cached = live({ rules: deps.seed, updatedBy: 'catalog', updatedAt: new Date(0).toISOString() });
  let loadedAt = 0;

  async function load(): Promise<LiveRules> {
    const r = await db.query<{ rules: unknown; updated_by: string; updated_at: Date | string }>(
      'SELECT rules, updated_by, updated_at FROM merchandising_rules WHERE id',
    );
    const row = r.rows[0];
    if (row) {
      const rules = merchandisingSchema.parse(row.rules);
      cached = live({ rules, updatedBy: row.updated_by, updatedAt: new Date(row.updated_at).toISOString() });
    }
    loadedAt = Date.now();
    return cached;
  }

  async function write(rules: MerchandisingRules, author: string, seedHash: string | null): Promise<LiveRules> {
    await db.query(
      `INSERT INTO merchandising_rules (id, rules, seed_hash, updated_by, updated_at)
       VALUES (true, $1::jsonb, coalesce($2, ''), $3, now())
       ON CONFLICT (id) DO UPDATE SET rules = EXCLUDED.rules, updated_by = EXCLUDED.updated_by,
         updated_at = EXCLUDED.updated_at, seed_hash = coalesce($2, merchandising_rules.seed_hash)`,
      [JSON.stringify(rules), seedHash, author],
    );
    return load();
  }

  return {
    /** Seeds the rules from the catalog file when there are none or the file changed; then loads them. */
    async init(): Promise<LiveRules> {
      const seedHash = hashOf(deps.seed);
      const r = await db.query<{ seed_hash: string }>('SELECT seed_hash FROM merchandising_rules WHERE id');
      if (r.rows[0]?.seed_hash === seedHash) return load();
      return write(deps.seed, 'catalog', seedHash);
    },
    /** The rules as last read (for synchronous readers). */
    current: (): LiveRules => cached,
    /** The rules, read again from the database when the copy is older than the TTL. */
    fresh: (): Promise<LiveRules> => (Date.now() - loadedAt < ttl ? Promise.resolve(cached) : load()),
    /** Replaces the rules; the next search uses them. */
    save: (rules: MerchandisingRules, author: string): Promise<LiveRules> => write(rules, author, null),
  };
}

export type MerchandisingStore = ReturnType<typeof createMerchandisingStore>;
