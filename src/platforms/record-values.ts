import { toMinor } from '../catalog/money.js';

/** Shared small conversions from platform payloads to catalog records. */

const HANDLE = /^[a-z0-9][a-z0-9-_.]*$/i;

/** The platform's handle or slug when it is a valid catalog handle, else a stable one from the id. */
export function safeHandle(handle: string | null | undefined, prefix: string, id: string): string {
  const h = (handle ?? '').trim();
  return h.length > 0 && h.length <= 255 && HANDLE.test(h) ? h : `${prefix}-${id}`;
}

/** A decimal amount as sent by the platforms ("19.90", 19.9) in minor units; null when empty or unreadable. */
export function decimalToMinor(value: string | number | null | undefined, currency: string): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) && n >= 0 ? toMinor(n, currency) : null;
}

/** The trailing number of a Shopify global id (`gid://shopify/ProductVariant/123` → `123`). */
export function numericId(gid: string): string {
  const m = /(\d+)(?:\?.*)?$/.exec(gid);
  return m ? m[1] : gid;
}

/** Distinct non-empty values, sorted, so the same tags in another order hash the same. */
export function sortedUnique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b));
}

/** A SKU for every variant: the platform's own, else one made from the variant id (stable across syncs). */
export function skuOrStable(sku: string | null | undefined, prefix: string, id: string): string {
  const s = (sku ?? '').trim();
  return s.length > 0 ? s : `${prefix}-${id}`;
}

/** Makes SKUs unique within one product: a repeated SKU gets the variant id appended. */
export function uniqueSkus<T extends { sku: string; platformId?: string | null }>(variants: T[]): T[] {
  const seen = new Set<string>();
  return variants.map((v) => {
    const sku = seen.has(v.sku) ? `${v.sku}-${v.platformId ?? seen.size}` : v.sku;
    seen.add(sku);
    return sku === v.sku ? v : { ...v, sku };
  });
}
