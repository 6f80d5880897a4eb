import type { CatalogEntry } from './catalog-vocabulary.js';
import { phraseKey, stems } from './terms.js';

export interface ProductType {
  /** How the shop names the type, e.g. "Earrings" or "Running shoes". */
  label: string;
  key: string;
  handles: Set<string>;
}

/**
 * The shop's product types, by the words that name them: each product's type and category names,
 * and the last one or two words of its title ("Gold Hoop Earrings" → earrings, hoop earrings),
 * which is where product names carry their type.
 */
export function indexProductTypes(entries: CatalogEntry[]): Map<string, ProductType> {
  const types = new Map<string, ProductType>();
  const add = (label: string, handle: string) => {
    const key = phraseKey(label);
    if (!key || /^\d/.test(key)) return;
    const t = types.get(key) ?? { label, key, handles: new Set<string>() };
    t.handles.add(handle);
    types.set(key, t);
  };
  for (const e of entries) {
    if (e.productType) add(e.productType, e.handle);
    for (const c of e.categoryPath) add(c, e.handle);
    const words = e.title
      .replace(/\(.*?\)/g, ' ')
      .trim()
      .split(/\s+/);
    if (words.length > 0) add(words.at(-1)!, e.handle);
    if (words.length > 1) add(words.slice(-2).join(' '), e.handle);
  }
  return types;
}

/**
 * The product type a query asks for: its longest type phrase, the first one when several are as
 * long ("jacket for hiking" asks for a jacket, not for hiking gear).
 */
export function askedType(query: string, types: Map<string, ProductType>): ProductType | null {
  const s = stems(query);
  for (let n = Math.min(3, s.length); n >= 1; n--) {
    for (let i = 0; i + n <= s.length; i++) {
      const t = types.get(s.slice(i, i + n).join(' '));
      if (t) return t;
    }
  }
  return null;
}
