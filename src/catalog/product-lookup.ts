import type { Database } from '../db/database.js';
import { loadByHandles, loadSummaries } from './product-summaries.js';
import type { ProductSummary } from './types.js';

/** Products by handle (all variants, fresh price and stock); only active ones exist for tools. */
export interface ProductLookup {
  byHandles(handles: string[]): Promise<ProductSummary[]>;
  bySku(sku: string): Promise<ProductSummary | null>;
  /** Active products in stock, the most sold first (units in orders not cancelled or returned), then catalog order. */
  bestSellers(opts: { limit: number; excludeHandles?: string[] }): Promise<ProductSummary[]>;
}

/** Active products by handle or SKU, always read fresh from the database; never a product merchandisers hid. */
export function createProductLookup(deps: { db: Database; hidden?: () => Promise<readonly string[]> }): ProductLookup {
  const { db } = deps;
  const hidden = async () => new Set(deps.hidden ? await deps.hidden() : []);
  const visible = async (handles: string[]) => {
    const h = await hidden();
    return handles.filter((x) => !h.has(x));
  };
  return {
    byHandles: async (handles: string[]) => loadByHandles(db, await visible(handles)),
    async bySku(sku: string): Promise<ProductSummary | null> {
      const r = await db.query<{ handle: string }>(
        'SELECT p.handle FROM variants v JOIN products p ON p.id = v.product_id WHERE v.sku = $1',
        [sku],
      );
      if (r.rows.length === 0) return null;
      const [p] = await loadByHandles(db, await visible([r.rows[0].handle]));
      return p ?? null;
    },
    async bestSellers({ limit, excludeHandles = [] }) {
      const r = await db.query<{ id: number }>(
        `SELECT p.id FROM products p
         LEFT JOIN (
           SELECT v.product_id, sum(l.quantity) AS units FROM order_lines l
           JOIN orders o ON o.id = l.order_id JOIN variants v ON v.sku = l.sku
           WHERE o.status NOT IN ('cancelled', 'returned') GROUP BY v.product_id
         ) sold ON sold.product_id = p.id
         WHERE p.status = 'active' AND NOT (p.handle = ANY($2::text[]))
           AND EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id AND v.stock > 0)
         ORDER BY coalesce(sold.units, 0) DESC, p.id
         LIMIT $1`,
        [limit, [...excludeHandles, ...(await hidden())]],
      );
      return loadSummaries(
        db,
        r.rows.map((row) => row.id),
        { inStock: true },
      );
    },
  };
}
