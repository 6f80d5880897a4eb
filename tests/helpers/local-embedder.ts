import path from 'node:path';
import { createLocalEmbedder, type LocalEmbedder } from '../../src/catalog/embeddings/local-embedder.js';

/** The real local embedder, with its word-vector cache shared by every test file (built once by global setup). */
export const TEST_CACHE_DIR = path.resolve(import.meta.dirname, '../../.cache/embeddings');

let shared: Promise<LocalEmbedder> | null = null;
export function testEmbedder(): Promise<LocalEmbedder> {
  shared ??= createLocalEmbedder({ cacheDir: TEST_CACHE_DIR });
  return shared;
}
