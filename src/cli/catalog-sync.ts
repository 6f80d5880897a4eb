import { loadConfig } from '../config.js';
import {
  missingSyncSettings,
  SYNC_PLATFORMS,
  syncPlatformCatalog,
  type SyncPlatform,
} from '../platforms/catalog-sync.js';
import { runCatalogCli, writeCatalog } from './catalog-command.js';

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
  return writeCatalog(config, (deps) =>
    syncPlatformCatalog(deps, {
      platform,
      settings: config.platforms,
      currency: config.shop.currency,
      out: process.stderr,
    }),
  );
}

runCatalogCli(main, 'Sync failed');
