/** Where the shop's pages are: the demo storefront of a native shop, or the shop platform's own. */
export interface ShopLinkConfig {
  platform: 'native' | 'shopify' | 'woocommerce';
  /** This server's public origin, e.g. https://concierge.example. */
  base: string;
  shopifyDomain?: string;
  wooUrl?: string;
}

export interface CartLineLink {
  quantity: number;
  /** The platform's variant id, when the catalog came from a platform. */
  platformVariantId: string | null;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * Links for outside agents and feeds: a product's page, and the page where a cart is bought.
 * Relative paths from the catalog (images) are made absolute against this server.
 */
export function createShopLinks(c: ShopLinkConfig) {
  const base = trimSlash(c.base);
  const shopify = c.platform === 'shopify' && c.shopifyDomain ? `https://${c.shopifyDomain}` : null;
  const woo = c.platform === 'woocommerce' && c.wooUrl ? trimSlash(c.wooUrl) : null;

  function product(p: { handle: string; title: string; platformId?: string | null }): string {
    if (shopify) return `${shopify}/products/${encodeURIComponent(p.handle)}`;
    if (woo && p.platformId) return `${woo}/?post_type=product&p=${encodeURIComponent(p.platformId)}`;
    if (woo) return `${woo}/?post_type=product&s=${encodeURIComponent(p.title)}`;
    return `${base}/?q=${encodeURIComponent(p.title)}`;
  }

  /** One line's add-to-cart link on WooCommerce (its link adds one product); null elsewhere. */
  function addToCart(line: CartLineLink): string | null {
    if (!woo || !line.platformVariantId) return null;
    return `${woo}/?add-to-cart=${encodeURIComponent(line.platformVariantId)}&quantity=${line.quantity}`;
  }

  /**
   * Where the cart is bought: the storefront with the cart loaded (native), Shopify's cart
   * permalink, or WooCommerce's add-to-cart link of the first line.
   */
  function checkout(cartId: string, lines: CartLineLink[]): string | null {
    if (lines.length === 0) return null;
    if (shopify) {
      const known = lines.filter((l) => l.platformVariantId);
      return known.length
        ? `${shopify}/cart/${known.map((l) => `${l.platformVariantId}:${l.quantity}`).join(',')}`
        : null;
    }
    if (woo) return addToCart(lines[0]);
    return `${base}/?cart=${encodeURIComponent(cartId)}`;
  }

  return {
    base,
    product,
    addToCart,
    checkout,
    absolute: (url: string | null) => (url === null ? null : new URL(url, `${base}/`).toString()),
    /** The MCP endpoint agents should use: Shopify's own on a Shopify shop, else ours. */
    mcpEndpoint: () => (shopify ? `${shopify}/api/mcp` : `${base}/api/mcp`),
  };
}

export type ShopLinks = ReturnType<typeof createShopLinks>;
