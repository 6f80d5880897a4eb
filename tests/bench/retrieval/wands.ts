import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Sourced } from '../../../src/ingest/ingest.js';
import { MAX_FIELD_CHARS, productRecordSchema, type ProductRecord } from '../../../src/catalog/records.js';
import type { BenchSet, JudgedQuery } from './run-bench.js';
import { parseTsv, type TsvRow } from './tsv.js';

/**
 * Wayfair's WANDS relevance set (https://github.com/wayfair/WANDS): `product.csv`, `query.csv`
 * and `label.csv`, tab-separated with headers, labels Exact / Partial / Irrelevant.
 */
export interface WandsOptions {
  /** Load at most this many products: those judged for the chosen queries first, then the rest in file order. */
  limitProducts?: number;
  /** Use the first this many queries of query.csv. */
  limitQueries?: number;
}

export const WANDS_GRADES: Record<string, number> = { exact: 2, partial: 1, irrelevant: 0 };
/** WANDS has no prices; every product gets this one so price filters never matter. */
export const WANDS_PLACEHOLDER_PRICE_MINOR = 10_000;

const COLUMNS = {
  'product.csv': [
    'product_id',
    'product_name',
    'product_class',
    'category hierarchy',
    'product_description',
    'product_features',
  ],
  'query.csv': ['query_id', 'query'],
  'label.csv': ['query_id', 'product_id', 'label'],
} as const;

export const wandsHandle = (productId: string) => `wands-${productId.trim()}`;

async function readTable(dir: string, name: keyof typeof COLUMNS): Promise<{ file: string; rows: TsvRow[] }> {
  const file = join(dir, name);
  const { header, rows } = parseTsv(await readFile(file, 'utf8'));
  const missing = COLUMNS[name].filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw new Error(
      `${file}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (is it tab-separated?)`,
    );
  return { file, rows };
}

/** Features are `key:value|key : value|…`; blank keys and values are dropped. */
export function wandsFeatures(features: string): string[] {
  return features
    .split('|')
    .map((f) => {
      const at = f.indexOf(':');
      const key = (at < 0 ? '' : f.slice(0, at)).trim();
      const value = (at < 0 ? f : f.slice(at + 1)).trim();
      return value ? (key ? `${key}: ${value}` : value) : '';
    })
    .filter(Boolean);
}

const shortPath = (p: string) => (relative(process.cwd(), p).startsWith('..') ? p : relative(process.cwd(), p) || '.');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A WANDS product as the catalog's product record: one in-stock variant at a placeholder price. */
export function wandsProductRecord(v: Record<string, string>): ProductRecord {
  const id = v.product_id.trim();
  if (!/^[\w.-]+$/.test(id)) throw new Error(`product_id "${id}" is not an id`);
  const description = v.product_description.trim();
  const features = wandsFeatures(v.product_features);
  const html = [
    description ? `<p>${escapeHtml(description)}</p>` : '',
    features.length ? `<ul>${features.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul>` : '',
  ].join('');
  return productRecordSchema.parse({
    handle: wandsHandle(id),
    title: (v.product_name.trim() || v.product_class.trim() || `WANDS product ${id}`).slice(0, 500),
    descriptionHtml: html.slice(0, MAX_FIELD_CHARS),
    // A product listed under several hierarchies ("a / b|c / d") keeps the first.
    categoryPath: (v['category hierarchy'].split('|')[0] ?? '')
      .split(' / ')
      .map((c) => c.trim().slice(0, 255))
      .filter(Boolean)
      .slice(0, 10),
    productType: v.product_class
      .split('|')
      .map((c) => c.trim())
      .filter(Boolean)
      .join(', ')
      .slice(0, 255),
    variants: [{ sku: wandsHandle(id), priceMinor: WANDS_PLACEHOLDER_PRICE_MINOR, currency: 'EUR', stock: 1 }],
  });
}

/** WANDS queries have no kind; group them by length, which is what separates lexical from vector search most. */
export function wandsQueryKind(query: string): string {
  const words = query.trim().split(/\s+/).length;
  return words <= 2 ? '1-2 words' : words <= 4 ? '3-4 words' : '5+ words';
}

/**
 * Loads a WANDS folder as a bench set. Judgements keep only loaded products (a product that is not
 * in the catalog cannot be found), and queries left with nothing relevant are dropped.
 */
export async function loadWands(dir: string, opts: WandsOptions = {}): Promise<BenchSet> {
  const [products, queryTable, labels] = await Promise.all([
    readTable(dir, 'product.csv'),
    readTable(dir, 'query.csv'),
    readTable(dir, 'label.csv'),
  ]);
  const notes: string[] = [];

  const allQueries = queryTable.rows
    .map((r) => ({ id: r.values.query_id.trim(), query: r.values.query.trim() }))
    .filter((q) => q.id && q.query);
  const chosen = allQueries.slice(0, opts.limitQueries ?? allQueries.length);
  const grades = new Map(chosen.map((q) => [q.id, new Map<string, number>()]));
  let badLabels = 0;
  for (const { values } of labels.rows) {
    const forQuery = grades.get(values.query_id.trim());
    if (!forQuery) continue;
    const grade = WANDS_GRADES[values.label.trim().toLowerCase()];
    if (grade === undefined) badLabels++;
    else forQuery.set(values.product_id.trim(), grade);
  }
  if (badLabels > 0) notes.push(`${badLabels} labels other than Exact/Partial/Irrelevant ignored`);

  // Judged products first (relevant, then judged irrelevant: the hard negatives), then the rest as distractors.
  const tier = new Map<string, number>();
  for (const forQuery of grades.values()) {
    for (const [pid, g] of forQuery) tier.set(pid, Math.min(tier.get(pid) ?? 2, g > 0 ? 0 : 1));
  }
  const ordered = products.rows
    .map((row, i) => ({ row, i, tier: tier.get(row.values.product_id.trim()) ?? 2 }))
    .sort((a, b) => (opts.limitProducts === undefined ? a.i - b.i : a.tier - b.tier || a.i - b.i))
    .slice(0, opts.limitProducts ?? products.rows.length)
    .sort((a, b) => a.i - b.i);

  const catalogProducts: Array<Sourced<ProductRecord>> = [];
  const errors: BenchSet['catalog']['errors'] = [];
  for (const { row } of ordered) {
    try {
      catalogProducts.push({ record: wandsProductRecord(row.values), source: { file: products.file, line: row.line } });
    } catch (err) {
      errors.push({
        file: products.file,
        line: row.line,
        message: `not a valid product (${(err as Error).message.slice(0, 200)})`,
      });
    }
  }

  const loaded = new Set(catalogProducts.map((p) => p.record.handle));
  const queries: JudgedQuery[] = [];
  for (const q of chosen) {
    const judgements: Record<string, number> = {};
    for (const [pid, g] of grades.get(q.id)!) if (loaded.has(wandsHandle(pid))) judgements[wandsHandle(pid)] = g;
    if (Object.values(judgements).some((g) => g > 0))
      queries.push({ id: q.id, query: q.query, kind: wandsQueryKind(q.query), judgements });
  }
  if (queries.length < chosen.length)
    notes.push(
      `${chosen.length - queries.length} of ${chosen.length} queries have no relevant product loaded and were left out`,
    );

  const limited = catalogProducts.length < products.rows.length ? ` of ${products.rows.length}` : '';
  return {
    label: `WANDS (${shortPath(dir)}: ${catalogProducts.length}${limited} products), ${queries.length} judged queries${chosen.length < allQueries.length ? ` (first ${chosen.length} of ${allQueries.length})` : ''}`,
    catalog: { products: catalogProducts, customers: [], orders: [], policies: [], errors },
    queries,
    notes,
  };
}
