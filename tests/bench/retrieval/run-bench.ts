import type { Embedder } from '../../../src/catalog/embeddings/embedder.js';
import { ingest, type IngestInput, type IngestSummary } from '../../../src/ingest/ingest.js';
import {
  createQueryExpander,
  NO_RULES,
  type MerchandisingRules,
} from '../../../src/merchandising/merchandising-rules.js';
import { inCatalogLanguage } from '../../../src/catalog/query-language.js';
import { createCatalogSearch, type CatalogSearch } from '../../../src/catalog/search.js';
import type { SearchFilters, SearchMode } from '../../../src/catalog/types.js';
import type { Database } from '../../../src/db/database.js';
import { migrate } from '../../../src/db/migrate.js';
import { createPgliteDatabase, openPglite } from '../../../src/db/pglite-database.js';
import { mean, ndcgAt, recallAt, type Judgements } from './metrics.js';

export const MODES: SearchMode[] = ['lexical', 'vector', 'hybrid'];
export const NDCG_K = 10;
export const RECALL_K = 20;
/** Untimed searches per mode before timing starts. */
export const WARM_UP = 3;

export interface JudgedQuery {
  id: string;
  query: string;
  kind: string;
  filters?: SearchFilters;
  judgements: Judgements;
}

/** A catalog to search and the judged queries to measure it with. */
export interface BenchSet {
  /** One line saying what was loaded, for the report. */
  label: string;
  catalog: IngestInput;
  /** The shop's merchandising rules (query expansions), as the app loads them. */
  merchandising?: MerchandisingRules;
  queries: JudgedQuery[];
  /** Things the loader left out or could not read, for the report. */
  notes: string[];
}

export interface LoadedBench {
  db: Database;
  search: CatalogSearch;
  ingested: IngestSummary;
  ms: number;
}

/** A fresh in-memory PGlite, migrated, with the set's catalog ingested and embedded the way the app does it. */
export async function loadBench(set: BenchSet, embedder: Embedder): Promise<LoadedBench> {
  const started = performance.now();
  const db = createPgliteDatabase(await openPglite());
  try {
    await migrate(db);
    const ingested = await ingest({ db, embedder }, set.catalog);
    return {
      db,
      search: createCatalogSearch({ db, embedder, expandQuery: createQueryExpander(set.merchandising ?? NO_RULES) }),
      ingested,
      ms: performance.now() - started,
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}

export interface QueryOutcome {
  id: string;
  kind: string;
  query: string;
  ndcg: number;
  recall: number;
  ms: number;
}

export type ModeOutcomes = Record<SearchMode, QueryOutcome[]>;

/**
 * Runs every query through `search()` in each mode with the query's filters, as the assistant's
 * tool would (a query in another language than the catalog's put in it first, as the product finder
 * does), and scores the top results. A few untimed warm-up searches per mode come first; the
 * modes take turns query by query, so a busy machine slows them alike.
 */
export async function runModes(
  search: CatalogSearch,
  queries: JudgedQuery[],
  opts: { warmUp?: number } = {},
): Promise<ModeOutcomes> {
  const limit = Math.max(NDCG_K, RECALL_K);
  const run = (q: JudgedQuery, mode: SearchMode) =>
    search.search({ ...q.filters, query: inCatalogLanguage(q.query), limit, mode });
  const out = Object.fromEntries(MODES.map((m) => [m, []])) as unknown as ModeOutcomes;
  for (const q of queries.slice(0, opts.warmUp ?? WARM_UP)) for (const mode of MODES) await run(q, mode);
  for (const q of queries) {
    for (const mode of MODES) {
      const started = performance.now();
      const ranked = (await run(q, mode)).map((p) => p.handle);
      const ms = performance.now() - started;
      out[mode].push({
        id: q.id,
        kind: q.kind,
        query: q.query,
        ndcg: ndcgAt(NDCG_K, ranked, q.judgements),
        recall: recallAt(RECALL_K, ranked, q.judgements),
        ms,
      });
    }
  }
  return out;
}

export interface GroupScores {
  group: string;
  n: number;
  ndcg: Record<SearchMode, number>;
  recall: Record<SearchMode, number>;
}

/** Mean scores overall, then per query kind in name order. */
export function summarize(outcomes: ModeOutcomes): GroupScores[] {
  const all = outcomes[MODES[0]];
  const kinds = [...new Set(all.map((o) => o.kind))].sort();
  const groups = [
    { group: 'all', keep: () => true },
    ...kinds.map((k) => ({ group: k, keep: (o: QueryOutcome) => o.kind === k })),
  ];
  if (kinds.length === 1) groups.pop();
  return groups.map(({ group, keep }) => {
    const per = (metric: 'ndcg' | 'recall') =>
      Object.fromEntries(MODES.map((m) => [m, mean(outcomes[m].filter(keep).map((o) => o[metric]))])) as Record<
        SearchMode,
        number
      >;
    return { group, n: all.filter(keep).length, ndcg: per('ndcg'), recall: per('recall') };
  });
}

/** Handles judged for some query that the catalog does not hold (a stale judgement file). */
export function unknownJudgedHandles(set: BenchSet): string[] {
  const handles = new Set(set.catalog.products.map((p) => p.record.handle));
  return [...new Set(set.queries.flatMap((q) => Object.keys(q.judgements)))].filter((h) => !handles.has(h)).sort();
}
