import type OpenAI from 'openai';
import type { Embedder } from './embedder.js';
import { createLocalEmbedder } from './local-embedder.js';
import type { LocalVariantName } from './local-variants.js';
import { createOpenAIEmbedder } from './openai-embedder.js';

export interface EmbedderConfig {
  /** When given, embeddings come from OpenAI; otherwise from the local embedder. */
  openai?: { client: OpenAI; model: string; dimension?: number; batchSize?: number };
  /** Where the local embedder keeps its word-vector cache (the app passes `<DATA_DIR>/cache`). */
  cacheDir: string;
  localVariant?: LocalVariantName;
}

/**
 * The embedder the app runs with. Its `dimension` is always known when this resolves: for an
 * OpenAI model of unknown size, one short probe request learns it.
 */
export async function createEmbedder(cfg: EmbedderConfig): Promise<Embedder> {
  if (!cfg.openai) return createLocalEmbedder({ cacheDir: cfg.cacheDir, variant: cfg.localVariant });
  const embedder = createOpenAIEmbedder(cfg.openai);
  if (!embedder.dimensionKnown) await embedder.embedQuery('dimension probe');
  return embedder;
}
