import type { PlatformCart, PlatformName } from './platform-cart.js';
import { createShopifyCart } from './shopify-cart.js';
import { createWooCart } from './woocommerce-cart.js';

/**
 * `/widget/platform-cart.js`: the platform cart adapters, which widget.js loads only on a Shopify
 * or WooCommerce page, so other shops never download them and the loader stays small.
 */
export interface PlatformCarts {
  create(platform: PlatformName): PlatformCart;
}

declare global {
  interface Window {
    ConciergePlatformCarts?: PlatformCarts;
  }
}

window.ConciergePlatformCarts = {
  create: (platform) => (platform === 'shopify' ? createShopifyCart() : createWooCart()),
};
