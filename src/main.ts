import http from 'node:http';
import { createAppEmbedder } from './app/create-app-embedder.js';
import { importCatalog } from './catalog/import-catalog.js';
import { createCatalogSearch } from './catalog/search.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/open-database.js';
import { AppError } from './errors.js';
import { createHttpApp } from './http/create-app.js';
import { productSearchRoute } from './http/routes/product-search-route.js';
import { createLogger } from './logger.js';

/** Composition root: reads config, wires the modules, imports the catalog, starts the server. */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  logger.info('starting', { database: config.database.kind, embeddings: config.embeddings, model: config.openai ? config.openai.model : 'offline' });
  const db = await openDatabase(config.database);
  const embedder = await createAppEmbedder(config);
  if (config.importOnStart) {
    const { report, failed } = await importCatalog({ db, embedder }, config.catalogDir, { currency: config.shop.currency, out: process.stderr });
    logger.info(`catalog ${config.catalogDir} imported${failed ? ` with ${failed} failed rows` : ''}\n${report}`);
  }
  const search = createCatalogSearch({ db, embedder });
  const app = createHttpApp({ logger, routers: [productSearchRoute({ search, currency: config.shop.currency })] });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(`Concierge is running: http://localhost:${port}/`);

  const shutdown = async (signal: string) => {
    logger.info(`${signal}: shutting down`);
    server.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else if (err instanceof AppError && err.expose) console.error(`Error: ${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ''}`);
  else console.error(err);
  process.exit(1);
});
