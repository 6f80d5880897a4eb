import type { ChatModel } from '../model.js';
import { createOpenAIClient } from './create-openai-client.js';
import { createOfflineModel } from './offline-model.js';
import { createOpenAIModel } from './openai-model.js';

/** What selects and tunes the model; `openai` null means the offline model. */
export interface ModelSettings {
  openai: { apiKey?: string; baseURL?: string; model: string } | null;
  model: { timeoutMs: number; maxRetries: number };
}

/**
 * The configured model: any OpenAI-compatible server when a key or base URL is set, else the
 * offline model, which learns the shop's category names so it can map shoppers' words to them.
 */
export function createModel(config: ModelSettings, shop: { categories?: readonly string[] } = {}): ChatModel {
  if (!config.openai)
    return createOfflineModel(shop.categories && shop.categories.length > 0 ? { categories: shop.categories } : {});
  const client = createOpenAIClient({
    apiKey: config.openai.apiKey,
    baseURL: config.openai.baseURL,
    timeoutMs: config.model.timeoutMs,
    maxRetries: config.model.maxRetries,
  });
  return createOpenAIModel({ client, model: config.openai.model });
}
