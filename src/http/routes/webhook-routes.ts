import { createHash } from 'node:crypto';
import express, { Router, type Request } from 'express';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { isShopifyTopic, shopifyWebhookChange } from '../../platforms/shopify/webhook-change.js';
import type { WebhookApplier } from '../../platforms/webhook-applier.js';
import { verifyWebhookSignature } from '../../platforms/webhook-signature.js';
import type { WooClient } from '../../platforms/woocommerce/rest-client.js';
import { isWooTopic, wooWebhookChange } from '../../platforms/woocommerce/webhook-change.js';

/** Platform payloads (a product with many variants) are larger than the API's JSON limit. */
const WEBHOOK_BODY_LIMIT = '2mb';
const rawBody = express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT });

const bodyOf = (req: Request): Buffer => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw new ValidationError('webhooks:bad_json', 'The webhook body is not valid JSON.', { cause: err });
  }
}

/** The platform's delivery id, or (when a sender leaves it out) a digest of topic and body. */
const deliveryIdOf = (header: string | undefined, topic: string, body: Buffer) =>
  header?.trim() || `sha256:${createHash('sha256').update(topic).update(body).digest('hex')}`;

/**
 * The platforms' webhooks (docs/platforms.md). Mounted before the JSON parser: the signature is
 * over the raw bytes. Unsigned or wrongly signed calls are 401 and change nothing; without a
 * secret every call is refused. A delivery id already applied answers 200 without applying again.
 */
export function webhookRoutes(deps: {
  applier: WebhookApplier;
  currency: string;
  logger: Logger;
  shopifySecret?: string;
  wooSecret?: string;
  /** Reads a variable product's variations; null without WOO_URL, WOO_KEY and WOO_SECRET. */
  wooClient: WooClient | null;
  onDelivery?: (platform: string, topic: string, outcome: string) => void;
}): Router {
  const r = Router();

  r.post('/api/webhooks/shopify/:resource/:event', rawBody, async (req, res) => {
    const topic = `${req.params.resource}/${req.params.event}`;
    if (!isShopifyTopic(topic)) throw new NotFoundError('webhooks:unknown_topic', `No Shopify webhook ${topic} here.`);
    const body = bodyOf(req);
    verifyWebhookSignature({
      platform: 'Shopify',
      secret: deps.shopifySecret,
      body,
      signature: req.get('x-shopify-hmac-sha256'),
      header: 'X-Shopify-Hmac-Sha256',
    });
    const headerTopic = req.get('x-shopify-topic');
    if (headerTopic && headerTopic !== topic)
      throw new ValidationError('webhooks:topic_mismatch', `X-Shopify-Topic ${headerTopic} was sent to ${topic}.`);
    const change = shopifyWebhookChange(topic, parseJson(body), { currency: deps.currency });
    const deliveryId = deliveryIdOf(req.get('x-shopify-webhook-id'), topic, body);
    const outcome = await deps.applier.apply({ platform: 'shopify', deliveryId, topic, change });
    deps.onDelivery?.('shopify', topic, outcome);
    deps.logger.info('webhook', { platform: 'shopify', topic, deliveryId, outcome });
    res.json({ ok: true, outcome });
  });

  r.post('/api/webhooks/woocommerce', rawBody, async (req, res) => {
    const body = bodyOf(req);
    const topic = req.get('x-wc-webhook-topic');
    // WooCommerce pings a new webhook's URL with `webhook_id=N`, unsigned; the answer applies nothing.
    if (!topic && /^webhook_id=\d+$/.test(body.toString('utf8').trim())) {
      res.json({ ok: true, outcome: 'ping' });
      return;
    }
    verifyWebhookSignature({
      platform: 'WooCommerce',
      secret: deps.wooSecret,
      body,
      signature: req.get('x-wc-webhook-signature'),
      header: 'X-WC-Webhook-Signature',
    });
    if (!topic || !isWooTopic(topic)) {
      // Other topics the merchant subscribed to are acknowledged, so WooCommerce does not disable the hook.
      res.json({ ok: true, outcome: 'ignored' });
      return;
    }
    const change = await wooWebhookChange(topic, parseJson(body), { currency: deps.currency, client: deps.wooClient });
    const deliveryId = deliveryIdOf(req.get('x-wc-webhook-delivery-id'), topic, body);
    const outcome = await deps.applier.apply({ platform: 'woocommerce', deliveryId, topic, change });
    deps.onDelivery?.('woocommerce', topic, outcome);
    deps.logger.info('webhook', { platform: 'woocommerce', topic, deliveryId, outcome });
    res.json({ ok: true, outcome });
  });
  return r;
}
