import type { Queryable } from '../db/database.js';
import { loadCatalogEntries, type CatalogEntry } from './catalog-vocabulary.js';
import { buildCatalogIndex, type CatalogIndex } from './catalog-index.js';

/**
 * The catalog's vocabulary kept in memory: loaded at start, reloaded after every import or sync,
 * and read by search (filters, asked types) and the offline model (entity linking).
 */
export function createShopVocabulary(deps: { db: Queryable }) {
  let entries: CatalogEntry[] = [];
  let index: CatalogIndex = buildCatalogIndex([]);
  let version = 0;
  return {
    async refresh(): Promise<void> {
      entries = await loadCatalogEntries(deps.db);
      index = buildCatalogIndex(entries);
      version++;
    },
    entries: () => entries,
    index: () => index,
    /** Bumped at every refresh, so derived indexes know when to rebuild. */
    version: () => version,
  };
}

export type ShopVocabulary = ReturnType<typeof createShopVocabulary>;
