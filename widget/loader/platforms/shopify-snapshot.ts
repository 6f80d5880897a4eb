import { asArray, asCount, asCurrency, asId, asRecord, asString, asText } from './coerce.js';
import { PlatformCartError, type PlatformCartLine, type PlatformCartSnapshot } from './platform-cart.js';

/** A cart line with the key `/cart/change.js` takes (one variant can have several lines). */
export interface ShopifyLine extends PlatformCartLine {
  key: string;
}

export type ShopifySnapshot = Omit<PlatformCartSnapshot, 'lines'> & { lines: ShopifyLine[] };

function readLine(v: unknown): ShopifyLine | null {
  const item = asRecord(v);
  const variantId = asId(item?.variant_id ?? item?.id);
  const key = asString(item?.key);
  const quantity = asCount(item?.quantity);
  if (!item || !variantId || !key || quantity === null) return null;
  // cart.js prices are integers in minor units already; final_price is after line discounts.
  const unitPriceMinor = asCount(item.final_price) ?? asCount(item.price) ?? 0;
  return {
    key,
    variantId,
    quantity,
    sku: asText(item.sku, 100) || null,
    title: asText(item.title) ?? asText(item.product_title) ?? '',
    unitPriceMinor,
  };
}

/** The `/cart.js` answer as lines with their keys; refuses what is not a cart. */
export function readShopifyCart(body: unknown, checkoutUrl: string): ShopifySnapshot {
  const cart = asRecord(body);
  if (!cart || !Array.isArray(cart.items)) throw new PlatformCartError('rejected', 'The shop answered without a cart');
  const lines = asArray(cart.items)
    .map(readLine)
    .filter((l): l is ShopifyLine => l !== null);
  return {
    platform: 'shopify',
    lines,
    currency: asCurrency(cart.currency) ?? '',
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    checkoutUrl,
  };
}

/** Drops the line keys: the snapshot the loader reports. */
export const withoutKeys = (s: ShopifySnapshot): PlatformCartSnapshot => ({
  ...s,
  lines: s.lines.map(({ key: _key, ...line }) => line),
});
