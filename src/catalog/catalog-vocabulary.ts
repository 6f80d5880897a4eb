import type { Queryable } from '../db/database.js';
import { normalizeOptionName } from './search-filters.js';

/** One active product as the shop's vocabulary knows it: the words a shopper may use for it. */
export interface CatalogEntry {
  handle: string;
  title: string;
  productType: string;
  categoryPath: string[];
  vendor: string;
  tags: string[];
  /** Option name (as the shop spells it) → its values across the variants. */
  options: Record<string, string[]>;
  attributes: Record<string, string>;
  minPriceMinor: number;
  currency: string;
}

/**
 * What the catalog calls things, loaded at start and after an import: every active product's
 * names, types, vendor and option values. Search uses it to tell filters from soft words and to
 * keep the asked product type; the offline model links shoppers' words to it.
 */
export async function loadCatalogEntries(db: Queryable): Promise<CatalogEntry[]> {
  const r = await db.query<{
    handle: string;
    title: string;
    product_type: string;
    category_path: string[];
    vendor: string;
    tags: string[];
    attributes: Record<string, string>;
    options: { name: string; value: string }[] | null;
    min_price: number | null;
    currency: string | null;
  }>(
    `SELECT p.handle, p.title, p.product_type, p.category_path, p.vendor, p.tags, p.attributes,
            (SELECT json_agg(DISTINCT jsonb_build_object('name', o.key, 'value', o.value))
             FROM variants v, jsonb_each_text(v.options) o WHERE v.product_id = p.id) AS options,
            (SELECT min(v.price_minor) FROM variants v WHERE v.product_id = p.id) AS min_price,
            (SELECT min(v.currency) FROM variants v WHERE v.product_id = p.id) AS currency
     FROM products p WHERE p.status = 'active' ORDER BY p.id`,
  );
  return r.rows.map((p) => {
    const options: Record<string, string[]> = {};
    for (const o of p.options ?? []) (options[o.name] ??= []).push(o.value);
    return {
      handle: p.handle,
      title: p.title,
      productType: p.product_type,
      categoryPath: p.category_path,
      vendor: p.vendor,
      tags: p.tags,
      options,
      attributes: p.attributes ?? {},
      minPriceMinor: p.min_price ?? 0,
      currency: (p.currency ?? '').trim(),
    };
  });
}

/** Option values by normalized option name (Colour and Color are one), lowercased. */
export function optionValueIndex(entries: CatalogEntry[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const e of entries) {
    for (const [name, values] of Object.entries(e.options)) {
      const set = index.get(normalizeOptionName(name)) ?? new Set<string>();
      for (const v of values) set.add(v.trim().toLowerCase());
      index.set(normalizeOptionName(name), set);
    }
  }
  return index;
}
