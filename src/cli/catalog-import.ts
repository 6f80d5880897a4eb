import path from 'node:path';
import { importCatalog } from '../ingest/import-catalog.js';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import { AppError } from '../errors.js';
import { createAppEmbedder } from '../app/create-app-embedder.js';

const USAGE = `Usage: npm run catalog:import -- <file or folder> [more…]

Imports Shopify product CSV exports, WooCommerce product CSVs, JSON Lines (products,
customers, orders; see docs/catalog-format.md) and markdown policy documents.
Running it twice changes nothing. Exits non-zero if any row failed.`;

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== '--');
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return args.length === 0 ? 2 : 0;
  }
  const config = loadConfig();
  const db = await openDatabase(config.database);
  try {
    const embedder = await createAppEmbedder(config);
    const paths = args.map((a) => path.resolve(a));
    const { report, failed } = await importCatalog({ db, embedder }, paths, {
      currency: config.shop.currency,
      out: process.stderr,
    });
    process.stdout.write(report);
    return failed > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
    else if (err instanceof AppError && err.expose) process.stderr.write(`Error: ${err.message}\n`);
    else process.stderr.write(`Import failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
