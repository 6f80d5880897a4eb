import type { PGlite } from '@electric-sql/pglite';
import type { Embedder } from '../catalog/embeddings/embedder.js';
import { createShopVocabulary, type ShopVocabulary } from '../catalog/shop-vocabulary.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createPgliteDatabase, openPglite } from '../db/pglite-database.js';
import { AppError } from '../errors.js';
import { ingest } from '../ingest/ingest.js';
import { readCatalogFiles } from '../ingest/importers/read-catalog-files.js';

export interface InMemoryShop {
  db: Database;
  vocabulary: ShopVocabulary;
  close(): Promise<void>;
}

/**
 * A fresh embedded database with a catalog folder imported as `npm run catalog:import` would,
 * and the shop's vocabulary loaded (for the offline model and the product finder).
 */
export async function openInMemoryShop(parts: {
  catalogDir: string;
  currency: string;
  embedder: Embedder;
  /** Opens the empty database to import into (default: a new in-memory PGlite). */
  openDatabase?: () => Promise<PGlite>;
}): Promise<InMemoryShop> {
  const db = createPgliteDatabase(await (parts.openDatabase ?? openPglite)());
  try {
    await migrate(db);
    const batch = await readCatalogFiles(parts.catalogDir, { currency: parts.currency });
    const summary = await ingest({ db, embedder: parts.embedder }, batch);
    // A warning (a translation imported in part) failed nothing: the shop opens.
    const failed = summary.errors.filter((e) => !e.warning).length;
    if (failed > 0) {
      throw new AppError('catalog:import_failed', `${parts.catalogDir}: ${failed} catalog rows failed`);
    }
    const vocabulary = createShopVocabulary({ db });
    await vocabulary.refresh();
    return { db, vocabulary, close: () => db.close() };
  } catch (err) {
    await db.close();
    throw err;
  }
}
