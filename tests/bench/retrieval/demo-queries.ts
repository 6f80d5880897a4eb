import { loadMerchandisingRules } from '../../../src/merchandising/merchandising-rules.js';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { z } from 'zod';
import { readCatalogFiles } from '../../../src/ingest/importers/read-catalog-files.js';
import type { BenchSet, JudgedQuery } from './run-bench.js';

const filtersSchema = z
  .object({
    minPriceMinor: z.number().int().nonnegative(),
    maxPriceMinor: z.number().int().nonnegative(),
    category: z.string(),
    vendor: z.string(),
    inStock: z.boolean(),
    options: z.record(z.string(), z.string()),
    tags: z.array(z.string()),
    excludeHandles: z.array(z.string()),
  })
  .partial()
  .strict();

const judgedQuerySchema = z.object({
  id: z.string().min(1),
  query: z.string().min(1),
  kind: z.string().min(1),
  filters: filtersSchema.optional(),
  judgements: z.record(z.string(), z.number().int().min(0)),
});

/**
 * Judged queries from JSON Lines; a bad line throws with its line number, since a silently shorter set would skew the
 * scores.
 */
export function parseJudgedQueries(text: string, file: string): JudgedQuery[] {
  const queries: JudgedQuery[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (cause) {
      throw new Error(`${file}:${i + 1}: not JSON`, { cause });
    }
    const parsed = judgedQuerySchema.safeParse(raw);
    if (!parsed.success)
      throw new Error(
        `${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
      );
    queries.push(parsed.data);
  });
  return queries;
}

/**
 * The demo shop's products (customers, orders and policies are not searched here) and its
 * labelled queries. Queries with no relevant product are left out: nDCG has no ideal for them.
 */
export async function loadDemoBench(opts: { catalogDir: string; queriesFile: string }): Promise<BenchSet> {
  const batch = await readCatalogFiles(opts.catalogDir);
  const all = parseJudgedQueries(await readFile(opts.queriesFile, 'utf8'), opts.queriesFile);
  const queries = all.filter((q) => Object.values(q.judgements).some((g) => g > 0));
  const notes: string[] = [];
  if (queries.length < all.length)
    notes.push(`${all.length - queries.length} queries without any relevant product left out`);
  const where = relative(process.cwd(), opts.catalogDir) || '.';
  return {
    label: `demo shop (${where}/, ${batch.products.length} products), ${queries.length} judged queries from ${relative(process.cwd(), opts.queriesFile)}`,
    catalog: { products: batch.products, customers: [], orders: [], policies: [], errors: batch.errors },
    merchandising: loadMerchandisingRules(opts.catalogDir),
    queries,
    notes,
  };
}
