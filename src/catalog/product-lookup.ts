import type { Database } from '../db/database.js';
import { loadByHandles } from './product-summaries.js';
import type { ProductSummary } from './types.js';

/** Products by handle (all variants, fresh price and stock); only active ones exist for tools. */
export interface ProductLookup {
  byHandles(handles: string[]): Promise<ProductSummary[]>;
  bySku(sku: string): Promise<ProductSummary | null>;
}

/** Active products by handle or SKU, always read fresh from the database. */
export function createProductLookup(deps: { db: Database }): ProductLookup {
  const { db } = deps;
  return {
    byHandles: (handles: string[]) => loadByHandles(db, handles),
    async bySku(sku: string): Promise<ProductSummary | null> {
      const r = await db.query<{ handle: string }>(
        'SELECT p.handle FROM variants v JOIN products p ON p.id = v.product_id WHERE v.sku = $1',
        [sku],
      );
      if (r.rows.length === 0) return null;
      const [p] = await loadByHandles(db, [r.rows[0].handle]);
      return p ?? null;
    },
  };
}
