/**
 * Narrowing for what a platform's cart API answers. Its JSON is not ours (a theme or an app may
 * change it, a proxy may answer instead), so nothing is used before it has the expected type.
 */

export type JsonRecord = Record<string, unknown>;

export const asRecord = (v: unknown): JsonRecord | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonRecord) : null;

export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export const asString = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** An id that may arrive as a number (Shopify, WooCommerce) or a string; digits only. */
export function asId(v: unknown): string | null {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return String(v);
  if (typeof v === 'string' && /^[1-9][0-9]{0,19}$/.test(v)) return v;
  return null;
}

/** A whole number of at least 0, from a number or a string of digits (Store API prices are strings). */
export function asCount(v: unknown): number | null {
  const n = typeof v === 'string' && /^-?[0-9]+$/.test(v.trim()) ? Number(v.trim()) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** An ISO 4217 code such as `EUR`, or null. */
export const asCurrency = (v: unknown): string | null => (typeof v === 'string' && /^[A-Z]{3}$/.test(v) ? v : null);

/** Text shown to people: bounded, so a hostile answer cannot flood the chat. */
export const asText = (v: unknown, max = 300): string | null => (typeof v === 'string' ? v.slice(0, max) : null);

/** The response body as JSON, or null when it is not JSON. */
export async function readJson(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return null;
  }
}

/** A same-origin path or URL from the page's settings, else `fallback`. */
export function sameOriginUrl(v: unknown, fallback: string): string {
  if (typeof v !== 'string' || !v) return fallback;
  try {
    const url = new URL(v, location.href);
    return url.origin === location.origin ? url.href : fallback;
  } catch {
    return fallback;
  }
}
