import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductRecord } from '../../src/catalog/records.js';
import type { Database } from '../../src/db/database.js';
import { ingest, type IngestInput } from '../../src/ingest/ingest.js';
import { testEmbedder } from '../helpers/local-embedder.js';
import { product } from '../helpers/product-fixtures.js';
import { openTestDatabase } from '../helpers/test-database.js';

// Products are written in batches of a few statements; these check that batching keeps what the
// one-record-at-a-time path promised: a bad record fails alone with a clear message, the others land.
let db: Database;
beforeAll(async () => {
  db = await openTestDatabase('pglite');
});
afterAll(async () => {
  await db?.close();
});

const input = (records: ProductRecord[]): IngestInput => ({
  products: records.map((record, i) => ({ record, source: { file: 'products.jsonl', line: i + 1 } })),
  customers: [],
  orders: [],
  policies: [],
  errors: [],
});
const run = async (records: ProductRecord[], onProgress?: (done: number, total: number) => void) =>
  ingest({ db, embedder: await testEmbedder() }, input(records), {
    onProgress: (phase, done, total) => phase === 'products' && onProgress?.(done, total),
  });
const many = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    product({
      handle: `${prefix}-${i}`,
      title: `${prefix} item ${i}`,
      variants: [
        { sku: `${prefix}-${i}-a`, options: { Size: 'S' }, priceMinor: 1000 + i, currency: 'EUR', stock: 3 },
        { sku: `${prefix}-${i}-b`, options: { Size: 'M' }, priceMinor: 1100 + i, currency: 'EUR', stock: 0 },
      ],
    }),
  );

describe('product import in batches', () => {
  it('writes hundreds of products with their variants, reports progress to the total, and leaves them alone the second time', async () => {
    const records = many('bulk', 450);
    const seen: number[] = [];
    const first = await run(records, (done, total) => {
      expect(total).toBe(450);
      seen.push(done);
    });
    expect(first.counts.products).toEqual({ created: 450, updated: 0, unchanged: 0, failed: 0 });
    expect(seen.at(-1)).toBe(450);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const variants = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM variants v JOIN products p ON p.id = v.product_id WHERE p.handle LIKE 'bulk-%'`,
    );
    expect(variants.rows[0].n).toBe(900);
    const one = await db.query(
      `SELECT p.title, v.position, v.price_minor, v.options FROM products p JOIN variants v ON v.product_id = p.id
       WHERE p.handle = 'bulk-7' ORDER BY v.position`,
    );
    expect(one.rows).toEqual([
      { title: 'bulk item 7', position: 0, price_minor: 1007, options: { Size: 'S' } },
      { title: 'bulk item 7', position: 1, price_minor: 1107, options: { Size: 'M' } },
    ]);
    expect((await run(records)).counts.products).toMatchObject({ created: 0, unchanged: 450 });

    // A changed product is updated in place, and a variant it no longer lists goes.
    const changed = records.map((r) => (r.handle === 'bulk-7' ? { ...r, variants: r.variants.slice(0, 1) } : r));
    expect((await run(changed)).counts.products).toMatchObject({ updated: 1, unchanged: 449 });
    const left = await db.query(`SELECT sku FROM variants WHERE sku LIKE 'bulk-7-%'`);
    expect(left.rows).toEqual([{ sku: 'bulk-7-a' }]);
  });

  it('fails only the records that are wrong, each with its own message', async () => {
    await run([product({ handle: 'owner', title: 'Owner', variants: [variant('OWNED-1')] })]);
    const records = [
      ...many('mixed', 5),
      product({ handle: 'thief', title: 'Thief', variants: [variant('OWNED-1')] }),
      product({ handle: 'twice', title: 'Twice', variants: [variant('TWICE-1'), variant('TWICE-1')] }),
      product({ handle: 'first', title: 'First', variants: [variant('SHARED-1')] }),
      product({ handle: 'second', title: 'Second', variants: [variant('SHARED-1')] }),
      // The database refuses a NUL character in text: the batch falls back to one record at a time.
      product({ handle: 'nul', title: 'Bad \u0000 title' }),
    ];
    const summary = await run(records);
    expect(summary.counts.products).toEqual({ created: 6, updated: 0, unchanged: 0, failed: 4 });
    expect(summary.errors.map((e) => [e.line, e.message])).toEqual([
      [6, 'SKU OWNED-1 already belongs to product "owner"'],
      [7, 'SKU TWICE-1 appears twice in product "twice"'],
      [9, 'SKU SHARED-1 already belongs to product "first"'],
      [10, expect.stringMatching(/^could not be saved/)],
    ]);
    const handles = await db.query<{ handle: string }>(
      `SELECT handle FROM products WHERE handle IN ('thief', 'twice', 'first', 'second', 'nul', 'mixed-4') ORDER BY handle`,
    );
    expect(handles.rows.map((r) => r.handle)).toEqual(['first', 'mixed-4']);
  });
});

function variant(sku: string) {
  return { sku, options: {}, priceMinor: 500, currency: 'EUR', stock: 1 };
}
