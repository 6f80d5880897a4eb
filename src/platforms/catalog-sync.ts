import type { Writable } from 'node:stream';
import { ingestWithProgress } from '../ingest/import-catalog.js';
import type { IngestDeps, IngestInput, IngestSummary } from '../ingest/ingest.js';
import { PlatformError, type Sleep } from './platform-errors.js';
import { adoptPlatformHandle } from './platform-identity.js';
import { createShopifyAdmin } from './shopify/admin-client.js';
import { fetchShopifyCatalog } from './shopify/fetch-catalog.js';
import { createWooClient } from './woocommerce/rest-client.js';
import { fetchWooCatalog } from './woocommerce/fetch-catalog.js';

export const SYNC_PLATFORMS = ['shopify', 'woocommerce'] as const;
export type SyncPlatform = (typeof SYNC_PLATFORMS)[number];

export interface SyncSettings {
  shopify: { storeDomain?: string; adminToken?: string; apiVersion: string };
  woocommerce: { url?: string; key?: string; secret?: string };
}

/** The settings a platform's sync needs that are not set, by variable name. */
export function missingSyncSettings(platform: SyncPlatform, s: SyncSettings): string[] {
  const needed: [string, unknown][] =
    platform === 'shopify'
      ? [
          ['SHOPIFY_STORE_DOMAIN', s.shopify.storeDomain],
          ['SHOPIFY_ADMIN_TOKEN', s.shopify.adminToken],
        ]
      : [
          ['WOO_URL', s.woocommerce.url],
          ['WOO_KEY', s.woocommerce.key],
          ['WOO_SECRET', s.woocommerce.secret],
        ];
  return needed.filter(([, v]) => !v).map(([name]) => name);
}

async function fetchCatalog(
  platform: SyncPlatform,
  s: SyncSettings,
  opts: { currency: string; out: Writable; fetch?: typeof fetch; sleep?: Sleep },
): Promise<IngestInput> {
  const net = { fetch: opts.fetch, sleep: opts.sleep };
  const say = (line: string) => opts.out.write(`${line}\n`);
  if (platform === 'shopify') {
    const { storeDomain, adminToken, apiVersion } = s.shopify;
    const admin = createShopifyAdmin({ storeDomain: storeDomain!, adminToken: adminToken!, apiVersion }, net);
    return fetchShopifyCatalog(admin, {
      currency: opts.currency,
      onFetched: (n) => say(`fetched ${n} products`),
      onNotice: (m) => say(`warning: ${m}`),
    });
  }
  const { url, key, secret } = s.woocommerce;
  const client = createWooClient({ url: url!, key: key!, secret: secret! }, net);
  return fetchWooCatalog(client, { currency: opts.currency, onFetched: (what, n) => say(`fetched ${n} ${what}`) });
}

/**
 * `npm run catalog:sync -- <platform>`: reads the shop's catalog from its platform's API and writes
 * it like an import (idempotent, with progress and a summary), then embeds what changed.
 */
export async function syncPlatformCatalog(
  deps: IngestDeps,
  opts: {
    platform: SyncPlatform;
    settings: SyncSettings;
    currency: string;
    out: Writable;
    fetch?: typeof fetch;
    sleep?: Sleep;
  },
): Promise<{ summary: IngestSummary; report: string; failed: number }> {
  const missing = missingSyncSettings(opts.platform, opts.settings);
  if (missing.length > 0)
    throw new PlatformError('platform:not_configured', `catalog:sync ${opts.platform} needs ${missing.join(', ')}.`, {
      status: 400,
    });
  const batch = await fetchCatalog(opts.platform, opts.settings, opts);
  for (const { record } of batch.products) await deps.db.transaction((tx) => adoptPlatformHandle(tx, record));
  return ingestWithProgress(deps, batch, { out: opts.out });
}
