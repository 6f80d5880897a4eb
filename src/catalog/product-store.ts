import { ValidationError } from '../errors.js';
import type { Queryable } from '../db/database.js';
import { toJson } from '../db/database.js';
import { contentHash } from '../shared/content-hash.js';
import { productEmbeddingText } from './embeddings/product-text.js';
import { htmlToText } from './html-to-text.js';
import type { ProductRecord } from './records.js';
import { textSearchConfig, tsvectorSql, type TextSearchConfig } from './text-search-config.js';
import { replaceTranslations } from './translation-store.js';

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

const PRODUCT_COLUMNS = `handle, title, search_tsv, description_html, description, vendor, product_type,
  category_path, category, tags, attributes, images, option_names, status, content_hash, embedding_text, platform_id`;
const PRODUCT_PARAMS = 19;
const ON_PRODUCT_CONFLICT = `ON CONFLICT (handle) DO UPDATE SET
  title = EXCLUDED.title, search_tsv = EXCLUDED.search_tsv, description_html = EXCLUDED.description_html,
  description = EXCLUDED.description, vendor = EXCLUDED.vendor, product_type = EXCLUDED.product_type,
  category_path = EXCLUDED.category_path, category = EXCLUDED.category, tags = EXCLUDED.tags,
  attributes = EXCLUDED.attributes, images = EXCLUDED.images, option_names = EXCLUDED.option_names,
  status = EXCLUDED.status, content_hash = EXCLUDED.content_hash, embedding_text = EXCLUDED.embedding_text,
  platform_id = EXCLUDED.platform_id, updated_at = now()`;

/** How the catalog's own texts are searched: its language's configuration (English unless told). */
export interface CatalogText {
  textSearch?: TextSearchConfig;
}

/**
 * One product row's VALUES tuple, its parameters numbered from `$n+1`. The configuration's name is
 * one of a fixed few, written as a literal so that English SQL stays as it always was.
 */
function productTuple(n: number, config: TextSearchConfig): string {
  const $ = (i: number) => `$${n + i}`;
  const tsv = `setweight(${tsvectorSql(config, `coalesce(${$(19)}, '')`)}, 'A') ||
    setweight(${tsvectorSql(config, `coalesce(${$(3)}, '')`)}, 'B') ||
    setweight(${tsvectorSql(config, `coalesce(${$(4)}, '')`)}, 'C')`;
  return `(${$(1)}, ${$(2)}, ${tsv}, ${$(5)}, ${$(6)}, ${$(7)}, ${$(8)}, ${$(9)}::text[], ${$(10)}, ${$(11)}::text[],
    ${$(12)}::jsonb, ${$(13)}::jsonb, ${$(14)}::jsonb, ${$(15)}, ${$(16)}, ${$(17)}, ${$(18)})`;
}

/** The parameters of a product row, in `productTuple`'s order. */
function productParams(record: ProductRecord, hash: string, config: TextSearchConfig): unknown[] {
  const description = htmlToText(record.descriptionHtml);
  const categoryPath =
    record.categoryPath.length > 0 ? record.categoryPath : record.productType ? [record.productType] : [];
  const keywords = [
    record.vendor,
    ...categoryPath,
    record.productType,
    ...record.tags,
    ...Object.values(record.attributes),
  ].join(' ');
  const optionValues = [...new Set(record.variants.flatMap((v) => Object.values(v.options)))].join(' ');
  return [
    record.handle,
    record.title,
    config.normalize(keywords),
    config.normalize(`${description} ${optionValues}`),
    record.descriptionHtml,
    description,
    record.vendor,
    record.productType,
    categoryPath,
    categoryPath[categoryPath.length - 1] ?? '',
    record.tags,
    toJson(record.attributes),
    toJson(record.images),
    toJson(record.optionNames),
    record.status,
    hash,
    productEmbeddingText(record),
    record.platformId ?? null,
    config.normalize(record.title),
  ];
}

const VARIANT_COLUMNS = `product_id, sku, position, options, price_minor, currency, compare_at_minor, stock, image,
  barcode, platform_id, inventory_item_id`;
const VARIANT_PARAMS = 12;
const ON_VARIANT_CONFLICT = `ON CONFLICT (sku) DO UPDATE SET
  product_id = EXCLUDED.product_id, position = EXCLUDED.position, options = EXCLUDED.options,
  price_minor = EXCLUDED.price_minor, currency = EXCLUDED.currency, compare_at_minor = EXCLUDED.compare_at_minor,
  stock = EXCLUDED.stock, image = EXCLUDED.image, barcode = EXCLUDED.barcode,
  platform_id = EXCLUDED.platform_id, inventory_item_id = EXCLUDED.inventory_item_id`;

const variantTuple = (n: number) =>
  `(${Array.from({ length: VARIANT_PARAMS }, (_, i) => `$${n + i + 1}${i === 3 ? '::jsonb' : ''}`).join(', ')})`;

function variantRows(productId: number, record: ProductRecord): unknown[][] {
  return record.variants.map((v, position) => [
    productId,
    v.sku,
    position,
    toJson(v.options),
    v.priceMinor,
    v.currency,
    v.compareAtPriceMinor ?? null,
    v.stock,
    v.image ?? null,
    v.barcode ?? null,
    v.platformId ?? null,
    v.inventoryItemId ?? null,
  ]);
}

/** Inserts or updates variants, many rows a statement. */
async function writeVariants(tx: Queryable, rows: unknown[][]): Promise<void> {
  const perStatement = Math.floor(30_000 / VARIANT_PARAMS);
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const tuples = chunk.map((_, j) => variantTuple(j * VARIANT_PARAMS)).join(', ');
    await tx.query(`INSERT INTO variants (${VARIANT_COLUMNS}) VALUES ${tuples} ${ON_VARIANT_CONFLICT}`, chunk.flat());
  }
}

/**
 * The record's content hash, with what else decides how it is indexed: outside English the text
 * search configuration, in English the stop words kept; a product is indexed again when they change.
 */
const hashOf = (record: ProductRecord, config: TextSearchConfig) =>
  contentHash(config.name === 'english' ? { record, kept: config.kept } : { record, textSearch: config.name });

const skuTaken = (sku: string, handle: string) =>
  new ValidationError('catalog:duplicate_sku', `SKU ${sku} already belongs to product "${handle}"`);

/**
 * Inserts or updates one product and its variants by handle and SKU. A product whose content
 * hash did not change is left alone, so importing the same file twice changes nothing.
 */
export async function upsertProduct(
  tx: Queryable,
  record: ProductRecord,
  text: CatalogText = {},
): Promise<{ outcome: UpsertOutcome; productId: number }> {
  const config = text.textSearch ?? textSearchConfig('en');
  const twice = record.variants.find((v, i) => record.variants.findIndex((w) => w.sku === v.sku) !== i);
  if (twice) {
    throw new ValidationError('catalog:duplicate_sku', `SKU ${twice.sku} appears twice in product "${record.handle}"`);
  }
  const hash = hashOf(record, config);
  const existing = await tx.query<{ id: number; content_hash: string }>(
    'SELECT id, content_hash FROM products WHERE handle = $1',
    [record.handle],
  );
  const prev = existing.rows[0];
  if (prev && prev.content_hash === hash) return { outcome: 'unchanged', productId: prev.id };

  const taken = await tx.query<{ sku: string; handle: string }>(
    'SELECT v.sku, p.handle FROM variants v JOIN products p ON p.id = v.product_id WHERE v.sku = ANY($1::text[]) AND p.handle <> $2',
    [record.variants.map((v) => v.sku), record.handle],
  );
  if (taken.rows.length > 0) throw skuTaken(taken.rows[0].sku, taken.rows[0].handle);
  const row = await tx.query<{ id: number }>(
    `INSERT INTO products (${PRODUCT_COLUMNS}) VALUES ${productTuple(0, config)} ${ON_PRODUCT_CONFLICT} RETURNING id`,
    productParams(record, hash, config),
  );
  const productId = row.rows[0].id;
  if (record.translations) await replaceTranslations(tx, [{ productId, translations: record.translations }]);
  const skus = record.variants.map((v) => v.sku);
  await tx.query('DELETE FROM variants WHERE product_id = $1 AND NOT (sku = ANY($2::text[]))', [productId, skus]);
  await writeVariants(tx, variantRows(productId, record));
  return { outcome: prev ? 'updated' : 'created', productId };
}

export type BulkOutcome = { outcome: UpsertOutcome; productId: number } | { error: ValidationError };

/**
 * `upsertProduct` for many records in a few statements (one transaction, the caller's). Records
 * whose SKUs belong to another product get their error and are skipped. Throws on anything else,
 * and when records of the batch share a handle or a SKU: the caller then writes them one by one.
 */
export async function upsertProducts(
  tx: Queryable,
  records: ProductRecord[],
  text: CatalogText = {},
): Promise<BulkOutcome[]> {
  const config = text.textSearch ?? textSearchConfig('en');
  const handles = records.map((r) => r.handle);
  const skus = records.flatMap((r) => r.variants.map((v) => v.sku));
  if (new Set(handles).size !== handles.length || new Set(skus).size !== skus.length) {
    throw new ValidationError('catalog:batch_overlap', 'records of one batch share a handle or a SKU');
  }
  const hashes = records.map((r) => hashOf(r, config));
  const existing = await tx.query<{ id: number; handle: string; content_hash: string }>(
    'SELECT id, handle, content_hash FROM products WHERE handle = ANY($1::text[])',
    [handles],
  );
  const prev = new Map(existing.rows.map((r) => [r.handle, r]));
  const taken = await tx.query<{ sku: string; handle: string }>(
    'SELECT v.sku, p.handle FROM variants v JOIN products p ON p.id = v.product_id WHERE v.sku = ANY($1::text[])',
    [skus],
  );
  const owner = new Map(taken.rows.map((r) => [r.sku, r.handle]));
  const out: (BulkOutcome | null)[] = records.map((r, i) => {
    const p = prev.get(r.handle);
    if (p && p.content_hash === hashes[i]) return { outcome: 'unchanged', productId: p.id };
    const clash = r.variants.find((v) => owner.has(v.sku) && owner.get(v.sku) !== r.handle);
    return clash ? { error: skuTaken(clash.sku, owner.get(clash.sku)!) } : null;
  });
  const todo = records.flatMap((r, i) => (out[i] === null ? [i] : []));
  if (todo.length === 0) return out as BulkOutcome[];
  const tuples = todo.map((_, j) => productTuple(j * PRODUCT_PARAMS, config)).join(', ');
  const written = await tx.query<{ id: number; handle: string }>(
    `INSERT INTO products (${PRODUCT_COLUMNS}) VALUES ${tuples} ${ON_PRODUCT_CONFLICT} RETURNING id, handle`,
    todo.flatMap((i) => productParams(records[i], hashes[i], config)),
  );
  const ids = new Map(written.rows.map((r) => [r.handle, r.id]));
  const productIds = todo.map((i) => ids.get(records[i].handle)!);
  await tx.query(`DELETE FROM variants WHERE product_id = ANY($1::int[]) AND NOT (sku = ANY($2::text[]))`, [
    productIds,
    todo.flatMap((i) => records[i].variants.map((v) => v.sku)),
  ]);
  await writeVariants(
    tx,
    todo.flatMap((i, j) => variantRows(productIds[j], records[i])),
  );
  // A record without `translations` (a platform's, or a file's that never had them) keeps the stored ones,
  // which a translation export may have merged in; `"translations": {}` removes them.
  const translated = todo.flatMap((i, j) => (records[i].translations ? [j] : []));
  await replaceTranslations(
    tx,
    translated.map((j) => ({ productId: productIds[j], translations: records[todo[j]].translations })),
  );
  todo.forEach(
    (i, j) => (out[i] = { outcome: prev.has(records[i].handle) ? 'updated' : 'created', productId: productIds[j] }),
  );
  return out as BulkOutcome[];
}
