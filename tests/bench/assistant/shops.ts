import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createOfflineModel } from '../../../src/agent/models/offline-model.js';
import { shopIndexSource } from '../../../src/agent/models/offline/shop-index-source.js';
import type { Understanding } from '../../../src/agent/models/offline/understanding.js';
import { buildCore, type Core } from '../../../src/app/build-core.js';
import { openInMemoryShop } from '../../../src/app/in-memory-shop.js';
import { openMigratedPglite } from '../../helpers/pglite-template.js';
import type { Database } from '../../../src/db/database.js';
import { createLogger } from '../../../src/logger.js';
import { loadOrderRules } from '../../../src/orders/order-rules.js';
import { loadMerchandisingRules, NO_RULES } from '../../../src/merchandising/merchandising-rules.js';
import { convertTau2, readTau2Db, writeTau2Shop } from '../../../scripts/tau2/convert.js';
import { TEST_CONFIG } from '../../helpers/test-app.js';
import { envSchema } from '../../../src/config/env-schema.js';
import { testEmbedder } from '../../helpers/local-embedder.js';

export type CatalogName = 'demo' | 'tau2' | 'partners';

const DEFAULT_BOUNDS = envSchema.pick({ AGENT_MAX_STEPS: true, HISTORY_TOKEN_BUDGET: true }).parse({});

/** The shop currency of each bench catalog. */
export const CURRENCY: Record<CatalogName, string> = { demo: 'EUR', tau2: 'USD', partners: 'USD' };

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface StepRecord {
  intent: string;
  understanding: Understanding | null;
  ms: number;
}

export interface BenchShop {
  name: CatalogName;
  db: Database;
  core: Core;
  /** Steps the offline model took since the last `drain()`. */
  drainSteps(): StepRecord[];
  close(): Promise<void>;
}

/**
 * A catalog's files: the demo shop as committed; Shopify's partner sample stores as merchants
 * upload them, with customers, orders and policies of a made-up shop; tau2's database converted
 * the way a shop would import it.
 */
async function catalogDir(name: CatalogName): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  if (name === 'demo') return { dir: path.join(ROOT, 'catalog'), cleanup: async () => {} };
  if (name === 'partners') return { dir: path.join(ROOT, 'tests/fixtures/partner-shop'), cleanup: async () => {} };
  const dir = await mkdtemp(path.join(tmpdir(), 'tau2-shop-'));
  const fixtures = path.join(ROOT, 'tests/fixtures/tau2-retail');
  const shop = convertTau2(await readTau2Db(path.join(fixtures, 'db.json')));
  await writeTau2Shop(dir, shop, await readFile(path.join(fixtures, 'policy.md'), 'utf8'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** An in-memory shop with the catalog imported as `npm run catalog:import` would, and the offline assistant over it. */
export async function loadBenchShop(name: CatalogName): Promise<BenchShop> {
  const { dir, cleanup } = await catalogDir(name);
  const embedder = await testEmbedder();
  const { db, vocabulary } = await openInMemoryShop({
    catalogDir: dir,
    currency: CURRENCY[name],
    embedder,
    openDatabase: openMigratedPglite,
  });
  const steps: StepRecord[] = [];
  const model = createOfflineModel({ shop: shopIndexSource(vocabulary), onStep: (s) => steps.push(s) });
  const merchandising = name === 'demo' ? loadMerchandisingRules(dir) : NO_RULES;
  const core = await buildCore({
    config: {
      ...TEST_CONFIG,
      shop: { name: 'Bench Shop', currency: CURRENCY[name] },
      // The assistant's bounds as a shop runs it with nothing configured (the tests' own are tighter):
      // how much of the conversation the model reads and how many steps a turn may take.
      model: {
        ...TEST_CONFIG.model,
        maxSteps: DEFAULT_BOUNDS.AGENT_MAX_STEPS,
        historyTokenBudget: DEFAULT_BOUNDS.HISTORY_TOKEN_BUDGET,
      },
      // Each shop sets its approval line above its usual prices (tau2 sells electronics and furniture;
      // the demo shop's family tents cost up to 600) and its usual quantities (a dozen socks for a
      // team): the bench measures understanding, not approvals.
      handoff: {
        ...TEST_CONFIG.handoff,
        approvalMaxLineValue: name === 'tau2' ? 5000 : 1000,
        approvalMaxQuantity: 20,
      },
    },
    db,
    embedder,
    model,
    logger: createLogger(process.env.PROBE_RESULTS ? 'error' : 'silent'),
    merchandising,
    vocabulary,
    orderRules: loadOrderRules(dir),
  });
  await cleanup();
  return {
    name,
    db,
    core,
    drainSteps: () => steps.splice(0),
    async close() {
      core.prompts.close();
      await db.close();
    },
  };
}
