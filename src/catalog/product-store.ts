import { ValidationError } from '../errors.js';
import type { Queryable } from '../db/database.js';
import { toJson } from '../db/database.js';
import { contentHash } from '../shared/content-hash.js';
import { productEmbeddingText } from './embeddings/product-text.js';
import { htmlToText } from './html-to-text.js';
import type { ProductRecord } from './records.js';

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

const TSV_SQL = `
  setweight(to_tsvector('english', coalesce($2, '')), 'A') ||
  setweight(to_tsvector('english', coalesce($3, '')), 'B') ||
  setweight(to_tsvector('english', coalesce($4, '')), 'C')`;

/**
 * Inserts or updates one product and its variants by handle and SKU. A product whose content
 * hash did not change is left alone, so importing the same file twice changes nothing.
 */
export async function upsertProduct(
  tx: Queryable,
  record: ProductRecord,
): Promise<{ outcome: UpsertOutcome; productId: number }> {
  const hash = contentHash(record);
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
  if (taken.rows.length > 0) {
    const t = taken.rows[0];
    throw new ValidationError('catalog:duplicate_sku', `SKU ${t.sku} already belongs to product "${t.handle}"`);
  }
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
  const params = [
    record.handle,
    record.title,
    keywords,
    `${description} ${optionValues}`,
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
  ];
  const row = await tx.query<{ id: number }>(
    `INSERT INTO products (handle, title, search_tsv, description_html, description, vendor, product_type, category_path,
                           category, tags, attributes, images, option_names, status, content_hash, embedding_text, platform_id)
     VALUES ($1, $2, ${TSV_SQL}, $5, $6, $7, $8, $9::text[], $10, $11::text[], $12::jsonb, $13::jsonb, $14::jsonb, $15, $16, $17, $18)
     ON CONFLICT (handle) DO UPDATE SET
       title = EXCLUDED.title, search_tsv = EXCLUDED.search_tsv, description_html = EXCLUDED.description_html,
       description = EXCLUDED.description, vendor = EXCLUDED.vendor, product_type = EXCLUDED.product_type,
       category_path = EXCLUDED.category_path, category = EXCLUDED.category, tags = EXCLUDED.tags,
       attributes = EXCLUDED.attributes, images = EXCLUDED.images, option_names = EXCLUDED.option_names,
       status = EXCLUDED.status, content_hash = EXCLUDED.content_hash, embedding_text = EXCLUDED.embedding_text,
       platform_id = EXCLUDED.platform_id, updated_at = now()
     RETURNING id`,
    params,
  );
  const productId = row.rows[0].id;
  await replaceVariants(tx, productId, record);
  return { outcome: prev ? 'updated' : 'created', productId };
}

async function replaceVariants(tx: Queryable, productId: number, record: ProductRecord): Promise<void> {
  const skus = record.variants.map((v) => v.sku);
  await tx.query('DELETE FROM variants WHERE product_id = $1 AND NOT (sku = ANY($2::text[]))', [productId, skus]);
  for (const [position, v] of record.variants.entries()) {
    await tx.query(
      `INSERT INTO variants (product_id, sku, position, options, price_minor, currency, compare_at_minor, stock, image, barcode,
                             platform_id, inventory_item_id)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (sku) DO UPDATE SET
         product_id = EXCLUDED.product_id, position = EXCLUDED.position, options = EXCLUDED.options,
         price_minor = EXCLUDED.price_minor, currency = EXCLUDED.currency, compare_at_minor = EXCLUDED.compare_at_minor,
         stock = EXCLUDED.stock, image = EXCLUDED.image, barcode = EXCLUDED.barcode,
         platform_id = EXCLUDED.platform_id, inventory_item_id = EXCLUDED.inventory_item_id`,
      [
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
      ],
    );
  }
}
