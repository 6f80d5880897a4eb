import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Database, Queryable } from '../db/database.js';
import { upsertCustomer, upsertOrder } from '../customers/customer-store.js';
import { AppError, ValidationError } from '../errors.js';
import { upsertPolicyDocument } from '../policies/policy-store.js';
import type { Embedder } from '../catalog/embeddings/embedder.js';
import { upsertProduct, upsertProducts, type UpsertOutcome } from '../catalog/product-store.js';
import type { CustomerRecord, OrderRecord, PolicyDocumentRecord, ProductRecord } from '../catalog/records.js';
import { textSearchConfig } from '../catalog/text-search-config.js';
import { mergeTranslation, type TranslationPatch } from '../catalog/translation-merge.js';
import { embedPending, prepareVectorTables } from '../catalog/vector-store.js';

export interface Sourced<T> {
  record: T;
  source: { file: string; line: number | null };
}

export interface IngestInput {
  products: Sourced<ProductRecord>[];
  customers: Sourced<CustomerRecord>[];
  orders: Sourced<OrderRecord>[];
  policies: Sourced<PolicyDocumentRecord>[];
  /** Translations merged into products already stored (after this batch's products). */
  translations?: Sourced<TranslationPatch>[];
  /** Problems found while reading; a `warning` failed nothing (a translation imported in part). */
  errors: { file: string; line: number | null; message: string; warning?: boolean }[];
}

export type Kind = 'products' | 'customers' | 'orders' | 'policies' | 'translations';
export type Counts = Record<'created' | 'updated' | 'unchanged' | 'failed', number>;

export interface IngestSummary {
  counts: Record<Kind, Counts>;
  embedded: { products: number; policyChunks: number };
  errors: { file: string; line: number | null; message: string; warning?: boolean }[];
}

export interface IngestProgress {
  (phase: Kind | 'embedding products' | 'embedding policies', done: number, total: number): void;
}

export interface IngestDeps {
  db: Database;
  embedder: Embedder;
  /** The language the catalog is written in (SHOP_LANGUAGE): its texts are indexed for search in it. Default en. */
  catalogLanguage?: string;
}

/** Records changed by one ingest from which the tables' statistics are gathered again. */
const ANALYZE_AFTER_CHANGES = 200;

/** Products written per batch (a few statements each). */
const PRODUCT_BATCH = 200;

const emptyCounts = (): Counts => ({ created: 0, updated: 0, unchanged: 0, failed: 0 });

/** A translation for no product in the catalog: reported on its row, nothing else changes. */
class UnknownProduct extends ValidationError {
  constructor(patch: TranslationPatch) {
    const what =
      patch.kind === 'product'
        ? `no product with ${patch.handle ? `handle "${patch.handle}"` : `title "${patch.title ?? ''}"`}`
        : patch.kind === 'option'
          ? `no product has an option "${patch.name}"`
          : `no product has an option value "${patch.value}"`;
    super('catalog:unknown_product', `${what}: its ${patch.language} translation was skipped`);
  }
}

/** Where a parse error belongs, so the summary's failed column counts it. */
function kindOfError(file: string): Kind {
  if (/customers/i.test(file)) return 'customers';
  if (/orders/i.test(file)) return 'orders';
  if (/\.md$/i.test(file)) return 'policies';
  if (/translation/i.test(basename(file))) return 'translations';
  return 'products';
}

/**
 * Writes parsed catalog records into the database (one transaction each, so a bad record never
 * takes good ones with it), then embeds what is new or changed.
 */
export async function ingest(
  deps: IngestDeps,
  input: IngestInput,
  opts: { onProgress?: IngestProgress; signal?: AbortSignal } = {},
): Promise<IngestSummary> {
  const { db } = deps;
  const text = { textSearch: textSearchConfig(deps.catalogLanguage) };
  const counts: Record<Kind, Counts> = {
    products: emptyCounts(),
    customers: emptyCounts(),
    orders: emptyCounts(),
    policies: emptyCounts(),
    translations: emptyCounts(),
  };
  const errors = [...input.errors];
  for (const e of input.errors) if (!e.warning) counts[kindOfError(e.file)].failed++;

  const fail = (kind: Kind, item: Sourced<unknown>, err: unknown) => {
    counts[kind].failed++;
    const message =
      err instanceof AppError && err.expose ? err.message : `could not be saved (${(err as Error).message})`;
    errors.push({ file: item.source.file, line: item.source.line, message });
  };

  async function run<T>(
    kind: Kind,
    items: Sourced<T>[],
    write: (tx: Queryable, r: T) => Promise<UpsertOutcome>,
    at = { offset: 0, total: items.length },
  ) {
    for (const [i, item] of items.entries()) {
      opts.signal?.throwIfAborted();
      try {
        counts[kind][await db.transaction((tx) => write(tx, item.record))]++;
      } catch (err) {
        fail(kind, item, err);
      }
      opts.onProgress?.(kind, at.offset + i + 1, at.total);
    }
  }

  // Products go in batches of a few statements each; a batch that fails as a whole (a bad row the
  // database refuses, records sharing a SKU) is written again one record at a time, so a bad record
  // never takes good ones with it.
  for (let i = 0; i < input.products.length; i += PRODUCT_BATCH) {
    opts.signal?.throwIfAborted();
    const batch = input.products.slice(i, i + PRODUCT_BATCH);
    const outcomes = await db
      .transaction((tx) =>
        upsertProducts(
          tx,
          batch.map((b) => b.record),
          text,
        ),
      )
      .catch(() => null);
    if (outcomes) {
      outcomes.forEach((o, j) => ('error' in o ? fail('products', batch[j], o.error) : counts.products[o.outcome]++));
      opts.onProgress?.('products', i + batch.length, input.products.length);
    } else {
      const at = { offset: i, total: input.products.length };
      await run('products', batch, async (tx, r) => (await upsertProduct(tx, r, text)).outcome, at);
    }
  }
  await run('customers', input.customers, upsertCustomer);
  await run('orders', input.orders, upsertOrder);
  await run('policies', input.policies, upsertPolicyDocument);
  for (const item of input.translations ?? []) {
    try {
      const merged = await db.transaction((tx) => mergeTranslation(tx, item.record));
      if (merged.products === 0) fail('translations', item, new UnknownProduct(item.record));
      else counts.translations[merged.changed > 0 ? 'updated' : 'unchanged']++;
    } catch (err) {
      fail('translations', item, err);
    }
  }
  const embedded = await embedStale(deps, opts);
  const changed = Object.values(counts).reduce((n, c) => n + c.created + c.updated, 0);
  // Fresh statistics after a bulk load, or the planner guesses (the embedded engine has no autovacuum).
  if (changed >= ANALYZE_AFTER_CHANGES) {
    const vectors = db.capabilities.vector ? ', product_vectors, policy_vectors' : '';
    await db.exec(
      `ANALYZE products, variants, customers, orders, order_lines, policy_documents, policy_chunks${vectors}`,
    );
  }
  return { counts, embedded, errors };
}

/** Embeds every product and policy chunk whose vector is missing, stale or from another provider. */
export async function embedStale(
  deps: { db: Database; embedder: Embedder },
  opts: { onProgress?: IngestProgress; signal?: AbortSignal } = {},
): Promise<{ products: number; policyChunks: number }> {
  const { db, embedder } = deps;
  // Without pgvector there is nowhere to keep vectors: search is lexical only.
  if (!db.capabilities.vector) return { products: 0, policyChunks: 0 };
  await prepareVectorTables(db, embedder);
  const staleProducts = await db.query<{ id: number; text: string }>(
    `SELECT p.id, p.embedding_text AS text FROM products p LEFT JOIN product_vectors v ON v.product_id = p.id
     WHERE v.product_id IS NULL OR v.text_hash <> md5(p.embedding_text) ORDER BY p.id`,
  );
  const products = await embedPending(
    db,
    embedder,
    'product',
    staleProducts.rows.map((r) => ({ id: r.id, text: r.text, hash: md5Hex(r.text) })),
    { onProgress: (d, t) => opts.onProgress?.('embedding products', d, t), signal: opts.signal },
  );
  const staleChunks = await db.query<{ id: number; text: string }>(
    `SELECT c.id, d.title || ' — ' || c.heading || E'\\n' || c.body AS text FROM policy_chunks c
     JOIN policy_documents d ON d.id = c.document_id LEFT JOIN policy_vectors v ON v.chunk_id = c.id
     WHERE v.chunk_id IS NULL OR v.text_hash <> md5(d.title || ' — ' || c.heading || E'\\n' || c.body) ORDER BY c.id`,
  );
  const policyChunks = await embedPending(
    db,
    embedder,
    'policy',
    staleChunks.rows.map((r) => ({ id: r.id, text: r.text, hash: md5Hex(r.text) })),
    { onProgress: (d, t) => opts.onProgress?.('embedding policies', d, t), signal: opts.signal },
  );
  return { products, policyChunks };
}

function md5Hex(s: string): string {
  return createHash('md5').update(s, 'utf8').digest('hex');
}
