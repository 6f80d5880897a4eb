import path from 'node:path';
import { createAppEmbedder } from './app/create-app-embedder.js';
import { buildApp } from './app/build-app.js';
import { resolveSessionSecret } from './app/session-secret.js';
import { createModel } from './agent/models/create-model.js';
import { importCatalog } from './ingest/import-catalog.js';
import { embedStale } from './ingest/ingest.js';
import { createShopVocabulary } from './catalog/shop-vocabulary.js';
import { shopIndexSource } from './agent/models/offline/shop-index-source.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/open-database.js';
import { AppError } from './errors.js';
import { widgetRoutes } from './http/routes/widget-routes.js';
import { createLogger, type Logger } from './logger.js';
import { catalogImageOrigins } from './catalog/image-origins.js';
import { loadMerchandisingRules } from './merchandising/merchandising-rules.js';
import { loadOrderRules } from './orders/order-rules.js';
import { createRedisConnection } from './redis/redis-connection.js';

/** Composition root: reads config, wires the modules, imports the catalog, starts the server. */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, undefined, { format: config.logFormat });
  installLastResortHandlers(logger);
  logger.info('starting', {
    mode: config.env,
    database: config.database.kind,
    embeddings: config.embeddings,
    model: config.openai?.model ?? 'offline',
  });
  if (!config.production) {
    logger.warn(
      'demo mode: demo logins, the demo identity secret and the "Sign in as" list are on. ' +
        'Set CONCIERGE_ENV=production for a real shop.',
    );
    if (config.hostFromEnv && !isLoopback(config.host)) {
      logger.warn(
        `HOST=${config.host} exposes the demo beyond this machine: anyone who can reach it can sign in to the ` +
          'console with the public demo login and read every demo customer. Use CONCIERGE_ENV=production.',
      );
    }
  }
  if (!config.sessionSecret && (config.redis || config.database.kind === 'postgres')) {
    logger.warn(
      'SESSION_SECRET is not set: this instance signs sessions with its own secret from DATA_DIR, ' +
        'so another instance sharing the database or Redis will refuse them. Set the same SESSION_SECRET on each.',
    );
  }
  const redis = config.redis ? createRedisConnection({ ...config.redis, logger }) : undefined;
  let db = await openDatabase(config.database, logger);
  const embedder = await createAppEmbedder(config);
  if (config.importOnStart) {
    const { report, failed, summary } = await importCatalog(
      { db, embedder, catalogLanguage: config.shop.language },
      config.catalogDir,
      {
        currency: config.shop.currency,
        out: process.stderr,
      },
    );
    logger.info(`catalog ${config.catalogDir} imported${failed ? ` with ${failed} failed rows` : ''}\n${report}`);
    if (config.database.kind === 'embedded' && summary.embedded.products > 0) {
      // The embedded engine's memory grows while it loads and indexes, and never shrinks (the demo
      // shop's first start: about 150 MB): opened again, it starts small.
      await db.close();
      db = await openDatabase(config.database, logger);
    }
  } else {
    // The embedder may have changed since the last run: vectors of another provider or size are rebuilt.
    await embedStale({ db, embedder });
  }
  const vocabulary = createShopVocabulary({ db });
  await vocabulary.refresh();
  const index = shopIndexSource(vocabulary);
  // The offline model answers every turn: its index of the shop (half a second at 10k products) is built
  // before serving rather than in the first shopper's turn.
  if (!config.openai) index();
  const model = createModel(config, { index });
  const app = await buildApp({
    config: { ...config, sessionSecret: resolveSessionSecret(config.sessionSecret, config.dataDir) },
    db,
    embedder,
    model,
    fallbackModel: config.openai ? createModel({ ...config, openai: null }, { index }) : undefined,
    redis,
    turnLeases: { leaseMs: config.turnLeaseMs },
    vocabulary,
    logger,
    merchandising: loadMerchandisingRules(config.catalogDir),
    orderRules: loadOrderRules(config.catalogDir),
    evals: { config, suitesDir: path.resolve('evals') },
    extraRouters: [
      await widgetRoutes({
        minify: config.production,
        allowedOrigins: config.allowedOrigins,
        imageHosts: [...new Set([...config.imageHosts, ...(await catalogImageOrigins(db))])],
        logger,
      }),
    ],
  });
  await new Promise<void>((resolve) => app.server.listen(config.port, config.host, resolve));
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shown = isLoopback(config.host) || config.host === '0.0.0.0' ? 'localhost' : config.host;
  logger.info(`Concierge is running: http://${shown}:${port}/ (agent console: http://${shown}:${port}/console)`);

  // SIGTERM (a deploy, a scale-down): replies being written get the grace period, then sockets
  // close and their clients reconnect elsewhere. A second signal, or a close that hangs, ends it at once.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info(`${signal}: shutting down (grace ${config.shutdownGraceMs} ms)`);
    setTimeout(() => {
      logger.error('shutdown did not finish in time; exiting');
      process.exit(1);
    }, config.shutdownGraceMs + 10_000).unref();
    await app.close({ graceMs: config.shutdownGraceMs });
    await redis?.close();
    await db.close();
    logger.info('stopped');
    process.exit(0);
  };
  const onSignal = (signal: string) =>
    shutdown(signal).catch((err: unknown) => {
      logger.error('shutdown failed', { err });
      process.exit(1);
    });
  process.on('SIGINT', () => void onSignal('SIGINT'));
  process.on('SIGTERM', () => void onSignal('SIGTERM'));
}

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || host.startsWith('127.');

/**
 * The last line of defence: an error no module caught is logged with its stack, and the server
 * keeps serving every other socket (each path that can fail has its own handler; this one only
 * makes a missed one visible instead of dropping every connection).
 */
function installLastResortHandlers(logger: Logger): void {
  process.on('unhandledRejection', (reason) =>
    logger.error('unhandled rejection (the server keeps running)', { err: reason }),
  );
  process.on('uncaughtException', (err) => logger.error('uncaught exception (the server keeps running)', { err }));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else if (err instanceof AppError && err.expose)
    console.error(`Error: ${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ''}`);
  else console.error(err);
  process.exit(1);
});
