import type { CatalogEntry } from './catalog-vocabulary.js';
import { phraseKey, stems } from './terms.js';

export interface ProductType {
  /** How the shop names the type, e.g. "Ladders" or "Hand tools". */
  label: string;
  key: string;
  handles: Set<string>;
}

/**
 * The shop's product types, by the words that name them: each product's type and category names,
 * and the last one or two words of its title ("Folding Step Ladder" → ladder, step ladder),
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
  // Tags many products share (who they are for, a material): labels, not kinds of product.
  const tagCount = new Map<string, number>();
  for (const e of entries) for (const t of new Set(e.tags.map(phraseKey))) tagCount.set(t, (tagCount.get(t) ?? 0) + 1);
  const commonLabels = new Set([...tagCount].filter(([, n]) => n >= 3).map(([t]) => t));
  for (const e of entries) {
    if (e.productType) add(e.productType, e.handle);
    for (const c of e.categoryPath) add(c, e.handle);
    const words = e.title
      .replace(/\(.*?\)/g, ' ')
      .trim()
      .split(/\s+/);
    // A label after the type word is not the type: "Oak Ladder Deluxe" (type Ladder, a label many
    // products carry) is a ladder.
    const labels = new Set([...e.tags, ...Object.values(e.options).flat()].map((x) => phraseKey(x)));
    const typeKeys = new Set([e.productType, ...e.categoryPath].map((x) => phraseKey(x)));
    const last = phraseKey(words.at(-1) ?? '');
    const isLabel = labels.has(last) || commonLabels.has(last);
    if (words.length > 1 && isLabel && typeKeys.has(phraseKey(words.at(-2)!))) words.pop();
    if (words.length > 0) add(words.at(-1)!, e.handle);
    if (words.length > 1) add(words.slice(-2).join(' '), e.handle);
  }
  // "Camping Chair" and "Camp Chair" are one kind: types whose names differ only by "-ing" share products.
  const groups = new Map<string, ProductType[]>();
  for (const t of types.values()) {
    const k = t.key.replace(/(\w{3,})ing\b/g, '$1');
    groups.set(k, [...(groups.get(k) ?? []), t]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const all = new Set(group.flatMap((t) => [...t.handles]));
    for (const t of group) t.handles = new Set(all);
  }
  return types;
}

/**
 * The product type a query asks for, among the type phrases it holds: the most specific (fewest
 * products: "camping chairs" asks for chairs, not for all camping gear), then the longest, then the
 * first ("jacket for hiking" asks for a jacket).
 */
export function bestType(
  stemmed: string[],
  types: Map<string, ProductType>,
): (ProductType & { start: number; end: number }) | null {
  let best: (ProductType & { start: number; end: number }) | null = null;
  for (let n = Math.min(3, stemmed.length); n >= 1; n--) {
    for (let i = 0; i + n <= stemmed.length; i++) {
      const t = types.get(stemmed.slice(i, i + n).join(' '));
      if (!t) continue;
      const better =
        !best ||
        t.handles.size < best.handles.size ||
        (t.handles.size === best.handles.size && n > best.end - best.start);
      if (better) best = { ...t, start: i, end: i + n };
    }
  }
  return best;
}

export function askedType(query: string, types: Map<string, ProductType>): ProductType | null {
  return bestType(stems(query), types);
}
