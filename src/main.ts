import { createAppEmbedder } from './app/create-app-embedder.js';
import { buildApp } from './app/build-app.js';
import { resolveSessionSecret } from './app/session-secret.js';
import { createModel } from './agent/models/create-model.js';
import { importCatalog } from './ingest/import-catalog.js';
import { embedStale } from './ingest/ingest.js';
import { listCategories } from './catalog/list-categories.js';
import { ConfigError, DEMO_IDENTITY_SECRET, loadConfig } from './config.js';
import { openDatabase } from './db/open-database.js';
import { AppError } from './errors.js';
import { widgetRoutes } from './http/routes/widget-routes.js';
import { createLogger } from './logger.js';
import { loadMerchandisingRules } from './merchandising/merchandising-rules.js';

/** Composition root: reads config, wires the modules, imports the catalog, starts the server. */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  logger.info('starting', {
    database: config.database.kind,
    embeddings: config.embeddings,
    model: config.openai?.model ?? 'offline',
  });
  if (config.identitySecret === DEMO_IDENTITY_SECRET)
    logger.warn('IDENTITY_SECRET is not set: using the demo secret (fine for the demo shop, never for a real one)');
  const db = await openDatabase(config.database);
  const embedder = await createAppEmbedder(config);
  if (config.importOnStart) {
    const { report, failed } = await importCatalog({ db, embedder }, config.catalogDir, {
      currency: config.shop.currency,
      out: process.stderr,
    });
    logger.info(`catalog ${config.catalogDir} imported${failed ? ` with ${failed} failed rows` : ''}\n${report}`);
  } else {
    // The embedder may have changed since the last run: vectors of another provider or size are rebuilt.
    await embedStale({ db, embedder });
  }
  const model = createModel(config, { categories: await listCategories(db) });
  const app = await buildApp({
    config: { ...config, sessionSecret: resolveSessionSecret(config.sessionSecret, config.dataDir) },
    db,
    embedder,
    model,
    logger,
    merchandising: loadMerchandisingRules(config.catalogDir),
    extraRouters: [await widgetRoutes({ minify: config.env === 'production', allowedOrigins: config.allowedOrigins })],
  });
  await new Promise<void>((resolve) => app.server.listen(config.port, config.host, resolve));
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(`Concierge is running: http://localhost:${port}/ (agent console: http://localhost:${port}/console)`);

  const shutdown = async (signal: string) => {
    logger.info(`${signal}: shutting down`);
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else if (err instanceof AppError && err.expose)
    console.error(`Error: ${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ''}`);
  else console.error(err);
  process.exit(1);
});
