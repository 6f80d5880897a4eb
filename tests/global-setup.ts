import { createLocalEmbedder } from '../src/catalog/embeddings/local-embedder.js';
import { TEST_CACHE_DIR } from './helpers/local-embedder.js';

/** Builds the local embedder's word-vector cache once, before test files run in parallel. */
export default async function setup() {
  await createLocalEmbedder({ cacheDir: TEST_CACHE_DIR });
}
