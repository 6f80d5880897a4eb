/**
 * tau2's database as a Concierge shop, prepared once: converted by scripts/tau2/convert.ts,
 * imported by the normal importer into an embedded Postgres, whose data directory each task then
 * loads into a fresh instance (what PGlite's `clone()` does), so every task starts from the same
 * state without a new import.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { createLocalEmbedder } from '../../../src/catalog/embeddings/local-embedder.js';
import type { Embedder } from '../../../src/catalog/embeddings/embedder.js';
import { createShopVocabulary, type ShopVocabulary } from '../../../src/catalog/shop-vocabulary.js';
import type { Database } from '../../../src/db/database.js';
import { migrate } from '../../../src/db/migrate.js';
import { createPgliteDatabase, openPglite } from '../../../src/db/pglite-database.js';
import { ingest } from '../../../src/ingest/ingest.js';
import { readCatalogFiles } from '../../../src/ingest/importers/read-catalog-files.js';
import { loadOrderRules, type OrderRules } from '../../../src/orders/order-rules.js';
import type { ChatModel } from '../../../src/agent/model.js';
import { buildCore, type Core, type CoreConfig } from '../../../src/app/build-core.js';
import type { Conversation } from '../../../src/conversations/conversation-store.js';
import { createLogger } from '../../../src/logger.js';
import { convertTau2, parseTau2Db, writeTau2Shop } from '../convert.js';
import { readTau2Json } from '../reference.js';
import type { Tau2Db, Tau2Task } from '../tau2-db.js';
import { taskUser } from './gold-calls.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const TAU2_FIXTURES = path.join(ROOT, 'tests/fixtures/tau2-retail');

export interface Tau2Shop {
  /** tau2's raw database, which the reference executor replays the gold actions on. */
  raw: Tau2Db;
  rules: OrderRules;
  embedder: Embedder;
  vocabulary: ShopVocabulary;
  /** A copy of the prepared database for one task; close it when the task is done. */
  openTaskDb(): Promise<Database>;
  close(): Promise<void>;
}

/**
 * What a task can change (the export reads the first six), cleared and copied back from the
 * imported state before each task; everything that points at customers (carts, conversations and
 * their events, changes waiting) is cleared with them.
 */
const TASK_TABLES = ['customers', 'payment_methods', 'orders', 'order_lines', 'order_payments', 'order_events'];

async function keepPristine(db: Database): Promise<void> {
  await db.exec('CREATE SCHEMA pristine');
  for (const t of TASK_TABLES) await db.exec(`CREATE TABLE pristine.${t} AS TABLE public.${t}`);
}

async function restorePristine(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.exec(`TRUNCATE ${TASK_TABLES.join(', ')} CASCADE`);
    for (const t of TASK_TABLES)
      await tx.exec(`INSERT INTO public.${t} OVERRIDING SYSTEM VALUE SELECT * FROM pristine.${t}`);
  });
}

/** Converts and imports tau2's db.json (and its policy, next to it) once. */
export async function prepareTau2Shop(
  opts: {
    dbFile?: string;
    embeddingsCacheDir?: string;
    /** Opens the empty database to import into (default: a new in-memory PGlite). */
    openDatabase?: () => Promise<PGlite>;
  } = {},
): Promise<Tau2Shop> {
  const dbFile = opts.dbFile ?? path.join(TAU2_FIXTURES, 'db.json');
  // The reference replays on the file as tau2 has it (every field); the converter reads its checked copy.
  const raw = readTau2Json<Tau2Db>(dbFile);
  const dir = await mkdtemp(path.join(tmpdir(), 'tau2-shop-'));
  let template: PGlite | null = null;
  try {
    const policy = await readFile(path.join(path.dirname(dbFile), 'policy.md'), 'utf8').catch(() => null);
    await writeTau2Shop(dir, convertTau2(parseTau2Db(raw)), policy);
    const rules = loadOrderRules(dir);
    template = await (opts.openDatabase ?? openPglite)();
    const db = createPgliteDatabase(template);
    await migrate(db);
    const cacheDir = opts.embeddingsCacheDir ?? path.join(ROOT, '.cache/embeddings');
    const embedder = await createLocalEmbedder({ cacheDir });
    const summary = await ingest({ db, embedder }, await readCatalogFiles(dir, { currency: 'USD' }));
    if (summary.errors.length) {
      throw new Error(`tau2 shop: ${summary.errors.length} rows failed, first: ${JSON.stringify(summary.errors[0])}`);
    }
    const vocabulary = createShopVocabulary({ db });
    await vocabulary.refresh();
    await keepPristine(db);
    // Tasks run one at a time on this one database, each from the imported state: restoring the
    // tables a task can change takes a few milliseconds, a fresh copy of the database half a second.
    const shared: Database = { ...db, close: async () => {} };
    return {
      raw,
      rules,
      embedder,
      vocabulary,
      openTaskDb: async () => {
        await restorePristine(db);
        return shared;
      },
      close: () => db.close(),
    };
  } catch (err) {
    await template?.close();
    throw err;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One task's shop: a fresh database copy, the assistant's core over it, and the task's user signed in. */
export interface TaskSession {
  db: Database;
  core: Core;
  conversation: Conversation;
  sessionId: string;
  close(): Promise<void>;
}

/**
 * Opens a task's copy of the shop with `model` answering, and a conversation of the task's user (as
 * tau2's agent would have found them; anonymous when no gold action names one).
 */
export async function openTaskSession(
  shop: Tau2Shop,
  opts: { config: CoreConfig; model: ChatModel; task: Tau2Task; sessionId: string },
): Promise<TaskSession> {
  const db = await shop.openTaskDb();
  try {
    const core = await buildCore({
      config: { ...opts.config, shop: { ...opts.config.shop, currency: 'USD' } },
      db,
      embedder: shop.embedder,
      model: opts.model,
      logger: createLogger('silent'),
      vocabulary: shop.vocabulary,
      orderRules: shop.rules,
    });
    const user = taskUser(shop.raw, opts.task);
    const sid = opts.sessionId;
    await core.carts.ensure(`cart_${sid}`, { currency: 'USD', customerId: user });
    const conversation = await core.conversations.create({ sessionId: sid, customerId: user, cartId: `cart_${sid}` });
    const close = async () => {
      core.prompts.close();
      await db.close();
    };
    return { db, core, conversation, sessionId: sid, close };
  } catch (err) {
    await db.close();
    throw err;
  }
}
