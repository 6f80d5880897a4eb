import type { Embedder } from '../catalog/embeddings/embedder.js';
import type { Database } from '../db/database.js';
import { embedStale } from '../ingest/ingest.js';
import type { Logger } from '../logger.js';

export interface CatalogRefresher {
  /** Asks for the stale products to be embedded and the shop's words refreshed; several asks in a row run once more. */
  request(): void;
  /** Resolves once nothing is asked for or running (tests, shutdown). */
  idle(): Promise<void>;
}

/**
 * Keeps search current after webhook writes, in the background so the platform gets its answer
 * at once: embeds what is new or changed, then calls `onRefreshed` (the composition root refreshes the
 * offline model's shop vocabulary there). One run at a time; asks during a run cause one more run.
 */
export function createCatalogRefresher(deps: {
  db: Database;
  embedder: Embedder;
  logger: Logger;
  onRefreshed?: () => Promise<void>;
}): CatalogRefresher {
  let running: Promise<void> | null = null;
  let again = false;

  async function run(): Promise<void> {
    do {
      again = false;
      try {
        await embedStale({ db: deps.db, embedder: deps.embedder });
        await deps.onRefreshed?.();
      } catch (err) {
        deps.logger.error('catalog refresh after a webhook failed', { err });
      }
    } while (again);
  }

  return {
    request() {
      if (running) {
        again = true;
        return;
      }
      running = run().finally(() => {
        running = null;
      });
    },
    async idle() {
      while (running) await running;
    },
  };
}
