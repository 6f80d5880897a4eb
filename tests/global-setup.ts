import { createLocalEmbedder } from '../src/catalog/embeddings/local-embedder.js';
import { TEST_CACHE_DIR } from './helpers/local-embedder.js';
import { ensurePgliteTemplate } from './helpers/pglite-template.js';

/**
 * Builds once, before test files run in parallel, what they all read: the local embedder's
 * word-vector cache and the migrated database template.
 */
export default async function setup() {
  await createLocalEmbedder({ cacheDir: TEST_CACHE_DIR });
  await ensurePgliteTemplate();
}
