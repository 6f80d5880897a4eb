import path from 'node:path';
import { importCatalog } from '../ingest/import-catalog.js';
import { loadConfig } from '../config.js';
import { runCatalogCli, writeCatalog } from './catalog-command.js';

const USAGE = `Usage: npm run catalog:import -- <file or folder> [more…]

Imports Shopify product CSV exports, Shopify translation exports (merged into the
products already imported), WooCommerce product CSVs, JSON Lines (products,
customers, orders; see docs/catalog-format.md) and markdown policy documents.
Running it twice changes nothing. Exits non-zero if any row failed.`;

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== '--');
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return args.length === 0 ? 2 : 0;
  }
  const config = loadConfig();
  const paths = args.map((a) => path.resolve(a));
  return writeCatalog(config, (deps) =>
    importCatalog(deps, paths, { currency: config.shop.currency, out: process.stderr }),
  );
}

runCatalogCli(main, 'Import failed');
