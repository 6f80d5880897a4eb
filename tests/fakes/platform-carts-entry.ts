import { detectPlatform } from '../../widget/loader/platforms/detect-platform.js';
import { PlatformCartError } from '../../widget/loader/platforms/platform-cart.js';
import { createShopifyCart } from '../../widget/loader/platforms/shopify-cart.js';
import { createWooCart } from '../../widget/loader/platforms/woocommerce-cart.js';

/**
 * Test-only bundle: the platform adapters on `window`, so browser tests drive them with
 * `page.evaluate` on a fake shop's page. The loader's own wiring of them is not part of it.
 */
const exposed = {
  createShopifyCart,
  createWooCart,
  detectPlatform,
  PlatformCartError,
  /** What the page's tag and globals say, as the loader would read them when this script runs. */
  detected: detectPlatform(document.currentScript?.dataset.platform),
};

declare global {
  interface Window {
    conciergePlatforms?: typeof exposed;
  }
}

window.conciergePlatforms = exposed;
