import type { Embedder } from '../catalog/embeddings/embedder.js';
import type { ShopVocabulary } from '../catalog/shop-vocabulary.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { webhookRoutes } from '../http/routes/webhook-routes.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { attributedRevenue } from '../platforms/attribution.js';
import { createCatalogRefresher } from '../platforms/catalog-refresher.js';
import { createWebhookApplier } from '../platforms/webhook-applier.js';
import { createWooClient } from '../platforms/woocommerce/rest-client.js';

/**
 * The platforms' webhooks: routes, the applier, and the refresher that embeds written products and
 * refreshes the offline model's shop vocabulary, so a changed product is searchable within seconds.
 */
export function buildWebhooks(parts: {
  config: { shop: Config['shop']; platforms?: Config['platforms']; attributionWindowDays?: number };
  db: Database;
  embedder: Embedder;
  logger: Logger;
  metrics: Metrics;
  vocabulary: ShopVocabulary;
}) {
  const { config, db, embedder, logger, metrics, vocabulary } = parts;
  const refresher = createCatalogRefresher({ db, embedder, logger, onRefreshed: () => vocabulary.refresh() });
  const applier = createWebhookApplier({
    db,
    onCatalogWritten: () => refresher.request(),
    onOrderAttributed: metrics.orderAttributed,
    attributionWindowDays: config.attributionWindowDays,
    catalogLanguage: config.shop.language,
  });
  const woo = config.platforms?.woocommerce;
  const wooClient =
    woo?.url && woo.key && woo.secret ? createWooClient({ url: woo.url, key: woo.key, secret: woo.secret }) : null;
  const router = webhookRoutes({
    applier,
    currency: config.shop.currency,
    logger,
    shopifySecret: config.platforms?.shopify.webhookSecret,
    wooSecret: woo?.webhookSecret,
    wooClient,
    onDelivery: metrics.webhook,
  });
  return { router, refresher, attribution: (since: Date) => attributedRevenue(db, since) };
}
