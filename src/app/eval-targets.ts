import type { PGlite } from '@electric-sql/pglite';
import type { ChatModel } from '../agent/model.js';
import type { Embedder } from '../catalog/embeddings/embedder.js';
import type { ShopVocabulary } from '../catalog/shop-vocabulary.js';
import type { EvalTarget } from '../evals/run-evals.js';
import type { PromptSet } from '../evals/prompt-sets.js';
import type { Logger } from '../logger.js';
import { loadMerchandisingRules } from '../merchandising/merchandising-rules.js';
import { loadOrderRules } from '../orders/order-rules.js';
import { buildCore, type Core, type CoreConfig } from './build-core.js';
import { openInMemoryShop } from './in-memory-shop.js';

/** Evals judge the assistant, not the clock: a handoff is always within business hours. */
const ALWAYS_OPEN = 'mon-sun 00:00-24:00';

/**
 * The shops an eval run plays its scenarios against: one fresh in-memory database with the
 * catalog imported, and over it one assistant per prompt set. Scenarios stay apart by their own
 * conversation, cart and (signed-in customer's) pending actions.
 */
export async function openEvalTargets(parts: {
  config: CoreConfig;
  catalogDir: string;
  embedder: Embedder;
  logger: Logger;
  promptSets: PromptSet[];
  /** The model to evaluate, built over the shop's vocabulary (the offline model needs it). */
  model: (vocabulary: ShopVocabulary) => ChatModel;
  /** Opens the empty database to import into (default: a new in-memory PGlite). */
  openDatabase?: () => Promise<PGlite>;
}): Promise<{ targets: EvalTarget[]; close(): Promise<void> }> {
  const { config, catalogDir, embedder, logger } = parts;
  const shop = await openInMemoryShop({
    catalogDir,
    currency: config.shop.currency,
    embedder,
    openDatabase: parts.openDatabase,
  });
  const model = parts.model(shop.vocabulary);
  const cores: { label: string; core: Core }[] = [];
  for (const set of parts.promptSets) {
    const core = await buildCore({
      config: {
        ...config,
        promptsDir: set.dir,
        promptsWatch: false,
        handoff: { ...config.handoff, businessHours: ALWAYS_OPEN },
      },
      db: shop.db,
      embedder,
      model,
      logger,
      merchandising: loadMerchandisingRules(catalogDir),
      vocabulary: shop.vocabulary,
      orderRules: loadOrderRules(catalogDir),
    });
    cores.push({ label: set.label, core });
  }
  return {
    targets: cores.map(({ label, core }) => ({ label, shop: core })),
    async close() {
      for (const { core } of cores) core.prompts.close();
      await shop.close();
    },
  };
}
