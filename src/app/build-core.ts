import type { ChatModel } from '../agent/model.js';
import { createPromptStore } from '../agent/prompts/load-prompts.js';
import { createExperimentPrompts } from '../agent/prompts/experiment-prompts.js';
import { createExperimentStore } from '../experiments/experiment-store.js';
import { createCartStore } from '../carts/cart-store.js';
import { createCartRelay } from '../carts/platform-cart.js';
import { DEFAULT_ORDER_RULES, type OrderRules } from '../orders/order-rules.js';
import { createOrderActions } from '../orders/pending-actions.js';
import { createPlatformCartStore } from '../carts/platform-cart-store.js';
import type { Embedder } from '../catalog/embeddings/embedder.js';
import { createProductTranslations } from '../catalog/product-translations.js';
import { createProductLookup } from '../catalog/product-lookup.js';
import { createCatalogSearch } from '../catalog/search.js';
import { createProductFinder } from '../catalog/find-products.js';
import { createSearchEvents } from '../catalog/search-events.js';
import { createShopVocabulary, type ShopVocabulary } from '../catalog/shop-vocabulary.js';
import { NO_RULES, type MerchandisingRules } from '../merchandising/merchandising-rules.js';
import { createMerchandisingStore } from '../merchandising/merchandising-store.js';
import { createConversationStore } from '../conversations/conversation-store.js';
import type { TurnDeps, TurnObserver } from '../agent/run-turn.js';
import type { Config } from '../config.js';
import { createCustomerReader } from '../customers/customer-reader.js';
import type { Database } from '../db/database.js';
import { createApprovals } from '../handoff/approvals.js';
import { parseBusinessHours } from '../shared/business-hours.js';
import { createOwnership, type QueueRequest } from '../conversations/ownership.js';
import { createEventLog } from '../conversations/event-log.js';
import { createConversationLanguage } from '../conversations/conversation-language.js';
import type { Logger } from '../logger.js';
import { createPolicySearch } from '../policies/policy-search.js';
import { createTools } from '../tools/registry.js';
import type { HumanRequests } from '../tools/tool-deps.js';
import { createSpendGuard } from '../agent/spend-guard.js';
import { createModelUsage } from '../conversations/model-usage.js';
import { createPromptVersions } from '../prompt-versions/prompt-versions.js';
import { recordUnanswered } from '../knowledge/unanswered-store.js';

export type CoreConfig = Pick<Config, 'model' | 'promptsDir' | 'promptsWatch' | 'handoff'> &
  Partial<Pick<Config, 'spend'>> & {
    shop: Omit<Config['shop'], 'platform'> & Partial<Pick<Config['shop'], 'platform'>>;
  };

/** The domain services and the assistant's turn dependencies, shared by the server and the terminal chat. */
export async function buildCore(parts: {
  config: CoreConfig;
  db: Database;
  embedder: Embedder;
  model: ChatModel;
  logger: Logger;
  /** The shop's merchandising rules (catalog/merchandising.json); none by default. */
  merchandising?: MerchandisingRules;
  /** Answers when a spend cap is reached (the offline model); no caps without it. */
  fallbackModel?: ChatModel;
  onBudgetFallback?: (scope: 'conversation' | 'day') => void;
  /** The catalog's vocabulary, when the caller already loaded it (to build the offline model from it too). */
  vocabulary?: ShopVocabulary;
  /** What shoppers may change after the sale (catalog/order-rules.json); the defaults without it. */
  orderRules?: OrderRules;
  /** Told how each turn and tool call went, and of each handoff (metrics). */
  observe?: { turns?: TurnObserver; handoff?: (req: QueueRequest) => void };
  /** Spends one new handoff of this client address; rejects with `limits:rate_limited` when none is left. */
  limitHandoff?: (clientIp: string) => Promise<void>;
}) {
  const { config, db, embedder, model, logger } = parts;
  // The rules live in the database (seeded from the catalog's file) and may change between two searches.
  const merchandising = createMerchandisingStore({ db, seed: parts.merchandising ?? NO_RULES });
  await merchandising.init();
  const rules = async () => (await merchandising.fresh()).search;
  const expandQuery = (q: string) => merchandising.current().expandQuery(q);
  const catalogLanguage = config.shop.language ?? 'en';
  const search = createCatalogSearch({ db, embedder, expandQuery, rules, catalogLanguage });
  const vocabulary = parts.vocabulary ?? createShopVocabulary({ db });
  if (!parts.vocabulary) await vocabulary.refresh();
  const expands = (q: string) => expandQuery(q) !== q || merchandising.current().search.withSynonyms(q) !== q;
  const searchEvents = createSearchEvents({ db, logger });
  const finder = createProductFinder({
    db,
    search,
    index: vocabulary.index,
    expands,
    rules,
    onSearch: searchEvents.record,
    catalogLanguage,
  });
  const products = createProductLookup({ db, hidden: async () => (await rules()).hidden });
  const nativeCarts = createCartStore({ db });
  const platform = config.shop.platform ?? 'native';
  const relay = createCartRelay();
  // On a Shopify or WooCommerce shop the carts are the platform's own, changed through the shop's page.
  const platformCarts =
    platform === 'native'
      ? null
      : { store: createPlatformCartStore({ db, native: nativeCarts, relay, platform, logger }), relay, platform };
  const carts = platformCarts?.store ?? nativeCarts;
  const customers = createCustomerReader({ db });
  const policies = createPolicySearch({ db, embedder });
  const conversations = createConversationStore({ db });
  const events = createEventLog({ db });
  const hours = parseBusinessHours(config.handoff.businessHours, config.handoff.timezone);
  const ownership = createOwnership({ db, events, hours, onQueued: parts.observe?.handoff });
  const humans: HumanRequests = {
    // A client may open only so many new handoffs (the limiter throws); a conversation already waiting is no new one.
    async request(conversationId, req, from) {
      if (from.clientIp && parts.limitHandoff && !(await ownership.isWaitingForHuman(conversationId))) {
        await parts.limitHandoff(from.clientIp);
      }
      return ownership.requestHuman(conversationId, req);
    },
  };
  const orderActions = createOrderActions({
    db,
    rules: parts.orderRules ?? DEFAULT_ORDER_RULES,
    currency: config.shop.currency,
  });
  const languages = createConversationLanguage({
    conversations,
    events,
    customers,
    shopLanguage: config.shop.language ?? 'en',
  });
  const approvals = createApprovals({
    db,
    events,
    carts,
    orderActions,
    async languageOf(conversationId) {
      const conv = await conversations.get(conversationId);
      return conv ? languages.current(conv) : (config.shop.language ?? 'en');
    },
    currency: config.shop.currency,
    maxQuantity: config.handoff.approvalMaxQuantity,
    maxLineValue: config.handoff.approvalMaxLineValue,
    maxRefund: config.handoff.approvalMaxRefund,
  });
  const tools = createTools({
    search,
    finder,
    products,
    translations: createProductTranslations({ db, catalogLanguage }),
    carts,
    customers,
    policies,
    humans,
    approvals,
    orderActions,
    merchandising: {
      complementsOf: (categories) => merchandising.current().tools.complementsOf(categories),
      tagsForGender: (gender) => merchandising.current().tools.tagsForGender(gender),
    },
    currency: config.shop.currency,
  });
  const promptVersions = createPromptVersions({ db });
  const prompts = await createPromptStore({
    dir: config.promptsDir,
    watch: config.promptsWatch,
    logger,
    versions: promptVersions,
  });
  const experiments = createExperimentStore({ db });
  const turn: TurnDeps = {
    model,
    tools,
    prompts,
    experimentPrompts: createExperimentPrompts({ experiments, versions: promptVersions }),
    conversations,
    customers,
    products,
    shop: config.shop,
    maxSteps: config.model.maxSteps,
    historyTokenBudget: config.model.historyTokenBudget,
    logger,
    observer: parts.observe?.turns,
    unanswered: { record: (q) => recordUnanswered(db, q) },
    spend:
      parts.fallbackModel && config.spend
        ? createSpendGuard({
            model,
            fallback: parts.fallbackModel,
            usage: createModelUsage({ db }),
            tokensPerConversation: config.spend.tokensPerConversation,
            tokensPerDay: config.spend.tokensPerDay,
            logger,
            onFallback: parts.onBudgetFallback,
          })
        : undefined,
  };
  return {
    search,
    finder,
    vocabulary,
    products,
    carts,
    platformCarts,
    customers,
    policies,
    conversations,
    events,
    ownership,
    approvals,
    languages,
    orderActions,
    tools,
    humans,
    prompts,
    promptVersions,
    experiments,
    merchandising,
    turn,
    model,
  };
}

export type Core = Awaited<ReturnType<typeof buildCore>>;
