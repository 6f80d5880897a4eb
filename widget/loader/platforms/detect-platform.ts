import type { PlatformName } from './platform-cart.js';

type PlatformGlobals = Window & {
  Shopify?: unknown;
  wcSettings?: unknown;
  wc?: unknown;
  wcBlocksMiddlewareConfig?: unknown;
  woocommerce_params?: unknown;
  wc_add_to_cart_params?: unknown;
};

const NAMES: Record<string, PlatformName> = { shopify: 'shopify', woocommerce: 'woocommerce', woo: 'woocommerce' };

/**
 * Which platform's cart this page has: the embedding tag's `data-platform` when it names one,
 * else what the page's globals show (`window.Shopify`; WooCommerce's settings and script
 * parameters). Null when it is neither, so the loader keeps Concierge's own cart.
 */
export function detectPlatform(dataPlatform?: string | null, win: Window = window): PlatformName | null {
  const named = dataPlatform?.trim().toLowerCase();
  if (named && Object.prototype.hasOwnProperty.call(NAMES, named)) return NAMES[named];
  const g = win as PlatformGlobals;
  if (typeof g.Shopify === 'object' && g.Shopify !== null) return 'shopify';
  const woo = [g.wcSettings, g.wc, g.wcBlocksMiddlewareConfig, g.woocommerce_params, g.wc_add_to_cart_params];
  if (woo.some((v) => typeof v === 'object' && v !== null)) return 'woocommerce';
  return null;
}
