import type { Language } from '../../shared/language.js';
import type { ChatModel } from '../model.js';
import { createOpenAIClient } from './create-openai-client.js';
import { createOfflineModel } from './offline-model.js';
import type { ShopIndex } from './offline/shop-index.js';
import { createOpenAIModel } from './openai-model.js';

/** What selects and tunes the model; `openai` null means the offline model. */
export interface ModelSettings {
  openai: { apiKey?: string; baseURL?: string; model: string } | null;
  model: { timeoutMs: number; maxRetries: number };
  /** The catalog's language (SHOP_LANGUAGE): the offline model reads other languages' words in it. */
  shop?: { language?: Language };
}

/**
 * The configured model: any OpenAI-compatible server when a key or base URL is set, else the
 * offline model, which links shoppers' words to the shop's own names, types and options.
 */
export function createModel(config: ModelSettings, shop: { index?: () => ShopIndex | null } = {}): ChatModel {
  if (!config.openai) {
    const language = config.shop?.language ?? 'en';
    return createOfflineModel({ shop: shop.index, language, catalogLanguage: language });
  }
  const client = createOpenAIClient({
    apiKey: config.openai.apiKey,
    baseURL: config.openai.baseURL,
    timeoutMs: config.model.timeoutMs,
    maxRetries: config.model.maxRetries,
  });
  return createOpenAIModel({ client, model: config.openai.model });
}
