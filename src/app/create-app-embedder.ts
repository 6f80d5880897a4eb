import path from 'node:path';
import { createOpenAIClient } from '../agent/models/create-openai-client.js';
import { createEmbedder } from '../catalog/embeddings/create-embedder.js';
import type { Embedder } from '../catalog/embeddings/embedder.js';
import type { Config } from '../config.js';

/** The embedder the configuration asks for: OpenAI-compatible when configured, else the local one. */
export function createAppEmbedder(config: Config): Promise<Embedder> {
  const cacheDir = path.join(config.dataDir, 'cache');
  if (config.embeddings === 'openai' && config.openai) {
    const client = createOpenAIClient({
      apiKey: config.openai.apiKey,
      baseURL: config.openai.baseURL,
      timeoutMs: config.model.timeoutMs,
      maxRetries: config.model.maxRetries,
    });
    return createEmbedder({
      cacheDir,
      openai: { client, model: config.openai.embeddingModel, dimension: config.openai.embeddingDimension },
    });
  }
  return createEmbedder({ cacheDir });
}
