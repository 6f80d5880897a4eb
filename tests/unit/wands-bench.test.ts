import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEmbedder } from '../helpers/local-embedder.js';
import {
  loadBench,
  MODES,
  runModes,
  summarize,
  type BenchSet,
  type LoadedBench,
  type ModeOutcomes,
} from '../bench/retrieval/run-bench.js';
import { loadWands, WANDS_PLACEHOLDER_PRICE_MINOR } from '../bench/retrieval/wands.js';

const DIR = path.resolve(import.meta.dirname, '../fixtures/wands-mini');

describe('WANDS loader', () => {
  it('maps products, queries and Exact/Partial/Irrelevant labels', async () => {
    const set = await loadWands(DIR);
    expect(set.catalog.products).toHaveLength(12);
    expect(set.catalog.errors).toEqual([]);
    expect(set.queries.map((q) => q.query)).toEqual([
      'tufted velvet accent chair',
      'platform bed',
      'counter height bar stool with back',
      '36" round coffee table',
      'dresser with 6 drawers',
    ]);
    expect(set.queries[0].judgements).toEqual({ 'wands-4': 2, 'wands-1': 1, 'wands-5': 1, 'wands-6': 0, 'wands-2': 0 });

    const chair = set.catalog.products.find((p) => p.record.handle === 'wands-1')!;
    expect(chair.source.line).toBe(3);
    expect(chair.record).toMatchObject({
      title: "ainsley 28 '' wide polyester armchair",
      categoryPath: ['Furniture', 'Living Room Furniture', 'Chairs & Seating', 'Accent Chairs'],
      productType: 'Teen Lounge Furniture, Accent Chairs',
      variants: [{ sku: 'wands-1', priceMinor: WANDS_PLACEHOLDER_PRICE_MINOR, currency: 'EUR', stock: 1 }],
    });
    expect(chair.record.descriptionHtml).toContain('rubberwood frame');
    expect(chair.record.descriptionHtml).toContain('<li>upholsterymaterial: polyester</li>');
  });

  it('keeps the products judged for the chosen queries first when limited, and drops judgements of products left out', async () => {
    const set = await loadWands(DIR, { limitQueries: 1, limitProducts: 4 });
    expect(set.queries).toHaveLength(1);
    expect(set.catalog.products.map((p) => p.record.handle)).toEqual(['wands-1', 'wands-2', 'wands-4', 'wands-5']);
    expect(set.queries[0].judgements).toEqual({ 'wands-4': 2, 'wands-1': 1, 'wands-5': 1, 'wands-2': 0 });
  });
});

describe('retrieval bench on WANDS data', () => {
  let set: BenchSet;
  let bench: LoadedBench;
  let outcomes: ModeOutcomes;

  beforeAll(async () => {
    set = await loadWands(DIR);
    bench = await loadBench(set, await testEmbedder());
    outcomes = await runModes(bench.search, set.queries, { warmUp: 0 });
  });
  afterAll(() => bench?.db.close());

  it('ingests every product into the in-memory database', () => {
    expect(bench.ingested.counts.products).toMatchObject({ created: 12, failed: 0 });
    expect(bench.ingested.embedded.products).toBe(12);
  });

  it('scores every query in all three modes with metrics between 0 and 1', () => {
    for (const mode of MODES) {
      expect(outcomes[mode]).toHaveLength(5);
      for (const o of outcomes[mode]) {
        expect(o.ndcg).toBeGreaterThanOrEqual(0);
        expect(o.ndcg).toBeLessThanOrEqual(1);
        expect(o.recall).toBeGreaterThanOrEqual(0);
        expect(o.recall).toBeLessThanOrEqual(1);
        expect(o.ms).toBeGreaterThan(0);
      }
    }
    const [all] = summarize(outcomes);
    expect(all).toMatchObject({ group: 'all', n: 5 });
    for (const mode of MODES) expect(all.ndcg[mode]).toBeGreaterThan(0);
  });

  it('finds the exact product for an obvious query in the top 3 with hybrid search', async () => {
    const top = await bench.search.search({ query: 'tufted velvet accent chair', limit: 3, mode: 'hybrid' });
    expect(top.map((p) => p.handle)).toContain('wands-4');
  });
});
