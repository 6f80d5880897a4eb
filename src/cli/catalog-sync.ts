import { createAppEmbedder } from '../app/create-app-embedder.js';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import { AppError } from '../errors.js';
import {
  missingSyncSettings,
  SYNC_PLATFORMS,
  syncPlatformCatalog,
  type SyncPlatform,
} from '../platforms/catalog-sync.js';

const USAGE = `Usage: npm run catalog:sync -- <shopify|woocommerce>

Reads the shop's catalog from its platform and writes it like catalog:import (see docs/platforms.md):
  shopify      products, variants, images, collections and policies through the Admin GraphQL API
               (SHOPIFY_STORE_DOMAIN, SHOPIFY_ADMIN_TOKEN, optional SHOPIFY_API_VERSION)
  woocommerce  products, variations, customers and orders through the REST API v3
               (WOO_URL, WOO_KEY, WOO_SECRET)
Running it twice changes nothing. Exits non-zero if anything failed.`;

const isPlatform = (s: string): s is SyncPlatform => (SYNC_PLATFORMS as readonly string[]).includes(s);

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== '--');
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.length !== 1 || !isPlatform(args[0])) {
    const why = args.length === 0 ? 'name the platform' : `unknown arguments: ${args.join(' ')}`;
    process.stderr.write(`catalog:sync: ${why}\n\n${USAGE}\n`);
    return 2;
  }
  const platform = args[0];
  const config = loadConfig();
  const missing = missingSyncSettings(platform, config.platforms);
  if (missing.length > 0) {
    process.stderr.write(`catalog:sync ${platform}: set ${missing.join(', ')} (see docs/platforms.md)\n`);
    return 2;
  }
  const db = await openDatabase(config.database);
  try {
    const embedder = await createAppEmbedder(config);
    const { report, failed } = await syncPlatformCatalog(
      { db, embedder },
      { platform, settings: config.platforms, currency: config.shop.currency, out: process.stderr },
    );
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
    else process.stderr.write(`Sync failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
