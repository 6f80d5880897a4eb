import { toVectorLiteral, type Database } from '../../../src/db/database.js';
import { contentHash } from '../../../src/shared/content-hash.js';
import type { Embedder } from '../../../src/catalog/embeddings/embedder.js';
import { productEmbeddingText } from '../../../src/catalog/embeddings/product-text.js';
import { htmlToText } from '../../../src/catalog/html-to-text.js';
import type { ProductRecord } from '../../../src/catalog/records.js';

/**
 * One product as `upsertProduct` stores it. The derived columns (plain description, keywords,
 * option values, embedding text) are computed the same way; keep the two in step.
 */
function productRow(r: ProductRecord) {
  const description = htmlToText(r.descriptionHtml);
  const categoryPath = r.categoryPath.length > 0 ? r.categoryPath : r.productType ? [r.productType] : [];
  const keywords = [r.vendor, ...categoryPath, r.productType, ...r.tags, ...Object.values(r.attributes)].join(' ');
  const optionValues = [...new Set(r.variants.flatMap((v) => Object.values(v.options)))].join(' ');
  return {
    handle: r.handle,
    title: r.title,
    keywords,
    body: `${description} ${optionValues}`,
    description_html: r.descriptionHtml,
    description,
    vendor: r.vendor,
    product_type: r.productType,
    category_path: categoryPath,
    category: categoryPath[categoryPath.length - 1] ?? '',
    tags: r.tags,
    attributes: r.attributes,
    images: r.images,
    option_names: r.optionNames,
    status: r.status,
    content_hash: contentHash(r),
    embedding_text: productEmbeddingText(r),
  };
}

const INSERT_PRODUCTS = `
  INSERT INTO products (handle, title, search_tsv, description_html, description, vendor, product_type, category_path,
                        category, tags, attributes, images, option_names, status, content_hash, embedding_text)
  SELECT r.handle, r.title,
         setweight(to_tsvector('english', r.title), 'A') || setweight(to_tsvector('english', r.keywords), 'B') ||
         setweight(to_tsvector('english', r.body), 'C'),
         r.description_html, r.description, r.vendor, r.product_type, r.category_path, r.category, r.tags,
         r.attributes, r.images, r.option_names, r.status, r.content_hash, r.embedding_text
  FROM jsonb_to_recordset($1::jsonb) AS r(handle text, title text, keywords text, body text, description_html text,
       description text, vendor text, product_type text, category_path text[], category text, tags text[],
       attributes jsonb, images jsonb, option_names jsonb, status text, content_hash text, embedding_text text)`;

const INSERT_VARIANTS = `
  INSERT INTO variants (product_id, sku, position, options, price_minor, currency, compare_at_minor, stock, image, barcode)
  SELECT p.id, r.sku, r.position, r.options, r.price_minor, r.currency, r.compare_at_minor, r.stock, r.image, r.barcode
  FROM jsonb_to_recordset($1::jsonb) AS r(handle text, sku text, position int, options jsonb, price_minor int,
       currency text, compare_at_minor int, stock int, image text, barcode text)
  JOIN products p ON p.handle = r.handle`;

// text_hash is md5 of the stored embedding text, exactly what embedStale compares against.
const INSERT_VECTORS = `
  INSERT INTO product_vectors (product_id, text_hash, embedding)
  SELECT p.id, md5(p.embedding_text), r.embedding::vector
  FROM unnest($1::text[], $2::text[]) AS r(handle, embedding)
  JOIN products p ON p.handle = r.handle`;

async function writeBatch(db: Database, records: ProductRecord[], vectors: number[][]): Promise<void> {
  const variants = records.flatMap((r) =>
    r.variants.map((v, position) => ({
      handle: r.handle,
      sku: v.sku,
      position,
      options: v.options,
      price_minor: v.priceMinor,
      currency: v.currency,
      compare_at_minor: v.compareAtPriceMinor ?? null,
      stock: v.stock,
      image: v.image ?? null,
      barcode: v.barcode ?? null,
    })),
  );
  await db.transaction(async (tx) => {
    await tx.query(INSERT_PRODUCTS, [JSON.stringify(records.map(productRow))]);
    await tx.query(INSERT_VARIANTS, [JSON.stringify(variants)]);
    await tx.query(INSERT_VECTORS, [records.map((r) => r.handle), vectors.map((v) => toVectorLiteral(v))]);
  });
}

/**
 * Loads products with set-based INSERTs (one transaction a batch) and vectors from the same
 * embedder. The next batch is embedded on this thread while the database writes the previous one.
 */
export async function bulkLoad(
  deps: { db: Database; embedder: Embedder },
  batches: Iterable<ProductRecord[]>,
  onBatch: (loaded: number) => void,
): Promise<number> {
  let loaded = 0;
  let writing: Promise<void> = Promise.resolve();
  for (const records of batches) {
    const vectors = await deps.embedder.embedDocuments(records.map(productEmbeddingText));
    await writing;
    writing = writeBatch(deps.db, records, vectors).then(() => {
      loaded += records.length;
      onBatch(loaded);
    });
    // Handled here so a failed write is not reported as unhandled while the next batch embeds; awaited below.
    writing.catch(() => undefined);
  }
  await writing;
  return loaded;
}
