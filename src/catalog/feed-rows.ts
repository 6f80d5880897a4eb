import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database.js';

/** One active variant with its product, as product feeds read it. */
export interface FeedRow {
  id: number;
  sku: string;
  options: Record<string, string>;
  price_minor: number;
  compare_at_minor: number | null;
  currency: string;
  stock: number;
  image: string | null;
  barcode: string | null;
  platform_id: string | null;
  handle: string;
  title: string;
  description: string;
  vendor: string;
  images: string[];
  product_platform_id: string | null;
}

const PAGE = 500;

/** Every active variant in catalog order, read a page at a time (a large catalog never sits in memory). */
export async function* feedRows(db: Queryable): AsyncGenerator<FeedRow> {
  let after = 0;
  for (;;) {
    const r = await db.query<FeedRow>(
      `SELECT v.id, v.sku, v.options, v.price_minor, v.compare_at_minor, v.currency, v.stock, v.image, v.barcode,
              v.platform_id, p.handle, p.title, p.description, p.vendor, p.images, p.platform_id AS product_platform_id
       FROM variants v JOIN products p ON p.id = v.product_id
       WHERE p.status = 'active' AND v.id > $1 ORDER BY v.id LIMIT ${PAGE}`,
      [after],
    );
    yield* r.rows;
    if (r.rows.length < PAGE) return;
    after = r.rows[r.rows.length - 1].id;
  }
}

/**
 * A version of what the feeds show: it changes whenever a product is added, changed or removed,
 * or a variant's price or stock changes (also by a direct stock update that leaves products alone).
 */
export async function catalogVersion(db: Queryable): Promise<string> {
  const r = await db.query<Record<string, string | null>>(
    `SELECT (SELECT count(*) FROM products) AS products, (SELECT max(updated_at)::text FROM products) AS changed,
            count(*) AS variants, sum(stock) AS stock, sum(price_minor) AS prices,
            sum(coalesce(compare_at_minor, 0)) AS compare_at, max(id) AS last_variant
     FROM variants`,
  );
  return createHash('sha256').update(JSON.stringify(r.rows[0])).digest('base64url').slice(0, 22);
}
