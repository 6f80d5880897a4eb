import { asArray, asCount, asCurrency, asId, asRecord, asString, asText } from './coerce.js';
import { PlatformCartError, type PlatformCartLine, type PlatformCartSnapshot } from './platform-cart.js';

/** A Store API cart line with the key that `update-item` and `remove-item` take. */
export interface WooLine extends PlatformCartLine {
  key: string;
}

export type WooSnapshot = Omit<PlatformCartSnapshot, 'lines'> & { lines: WooLine[] };

/** The Store API escapes product names in its texts (`&quot;Beanie&quot;`); the chat shows plain text. */
export function decodeEntities(text: string): string {
  const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: ' ' };
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] !== '#') return named[code.toLowerCase()] ?? whole;
    const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
  });
}

/** The currency's ISO 4217 decimals (2 for EUR, 0 for JPY), as the browser knows them. */
function isoDecimals(currency: string): number | null {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? null;
  } catch {
    return null;
  }
}

/**
 * A Store API amount (a string of the shop's minor units, `currency_minor_unit` decimals) in the
 * currency's ISO minor units: a shop may show EUR without cents, and "18" then means 1800 cents.
 */
export function toIsoMinor(amount: unknown, prices: Record<string, unknown> | null): number | null {
  const value = asCount(amount);
  const currency = asCurrency(prices?.currency_code);
  const shopDecimals = asCount(prices?.currency_minor_unit);
  if (value === null || !currency || shopDecimals === null || shopDecimals > 8) return value;
  const iso = isoDecimals(currency) ?? shopDecimals;
  return Math.round(value * 10 ** (iso - shopDecimals));
}

function readLine(v: unknown): WooLine | null {
  const item = asRecord(v);
  const variantId = asId(item?.id);
  const key = asString(item?.key);
  const quantity = asCount(item?.quantity);
  if (!item || !variantId || !key || quantity === null) return null;
  // Store API prices are strings of minor units ("1800" with currency_minor_unit 2 is 18.00).
  const prices = asRecord(item.prices);
  return {
    key,
    variantId,
    quantity,
    sku: asText(item.sku, 100) || null,
    title: decodeEntities(asText(item.name) ?? ''),
    unitPriceMinor: toIsoMinor(prices?.price, prices) ?? 0,
  };
}

/** The Store API's cart as lines with their keys; refuses what is not a cart. */
export function readWooCart(body: unknown, checkoutUrl: string): WooSnapshot {
  const cart = asRecord(body);
  if (!cart || !Array.isArray(cart.items)) throw new PlatformCartError('rejected', 'The shop answered without a cart');
  const lines = asArray(cart.items)
    .map(readLine)
    .filter((l): l is WooLine => l !== null);
  const totals = asRecord(cart.totals);
  return {
    platform: 'woocommerce',
    lines,
    currency: asCurrency(totals?.currency_code) ?? '',
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    checkoutUrl,
  };
}

export const withoutKeys = (s: WooSnapshot): PlatformCartSnapshot => ({
  ...s,
  lines: s.lines.map(({ key: _key, ...line }) => line),
});
