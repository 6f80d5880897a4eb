import type { ChatModel } from '../agent/model.js';
import { createPromptStore } from '../agent/prompts/load-prompts.js';
import { createCartStore } from '../carts/cart-store.js';
import type { Embedder } from '../catalog/embeddings/embedder.js';
import { createProductLookup } from '../catalog/product-lookup.js';
import { createCatalogSearch } from '../catalog/search.js';
import { createConversationStore } from '../chat/conversation-store.js';
import type { TurnDeps } from '../chat/run-turn.js';
import type { Config } from '../config.js';
import { createCustomerReader } from '../customers/customer-reader.js';
import type { Database } from '../db/database.js';
import { createHumanRequests } from '../handoff/human-requests.js';
import type { Logger } from '../logger.js';
import { createPolicySearch } from '../policies/policy-search.js';
import { createTools } from '../tools/registry.js';

export type CoreConfig = Pick<Config, 'shop' | 'model' | 'promptsDir' | 'promptsWatch'>;

/** The domain services and the assistant's turn dependencies, shared by the server and the terminal chat. */
export async function buildCore(parts: { config: CoreConfig; db: Database; embedder: Embedder; model: ChatModel; logger: Logger }) {
  const { config, db, embedder, model, logger } = parts;
  const search = createCatalogSearch({ db, embedder });
  const products = createProductLookup({ db });
  const carts = createCartStore({ db });
  const customers = createCustomerReader({ db });
  const policies = createPolicySearch({ db, embedder });
  const humans = createHumanRequests({ db });
  const conversations = createConversationStore({ db });
  const tools = createTools({ search, products, carts, customers, policies, humans, currency: config.shop.currency });
  const prompts = await createPromptStore({ dir: config.promptsDir, watch: config.promptsWatch, logger });
  const turn: TurnDeps = {
    model, tools, prompts, conversations, customers, products,
    shop: config.shop, maxSteps: config.model.maxSteps, historyTokenBudget: config.model.historyTokenBudget,
  };
  return { search, products, carts, customers, policies, humans, conversations, tools, prompts, turn };
}

export type Core = Awaited<ReturnType<typeof buildCore>>;
