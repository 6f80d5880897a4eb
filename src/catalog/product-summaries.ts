import type { Queryable } from '../db/database.js';
import { money } from './money.js';
import { cheapestVariant, variantMatches } from './search-filters.js';
import type { ProductSummary, SearchFilters, VariantSummary } from './types.js';

interface Row {
  id: number;
  handle: string;
  title: string;
  vendor: string;
  category: string;
  category_path: string[];
  tags: string[];
  attributes: Record<string, string>;
  description: string;
  images: string[];
  option_names: string[];
  variants: {
    sku: string;
    options: Record<string, string>;
    price_minor: number;
    currency: string;
    compare_at_minor: number | null;
    stock: number;
    image: string | null;
  }[];
}

const SELECT = `
  SELECT p.id, p.handle, p.title, p.vendor, p.category, p.category_path, p.tags, p.attributes, p.description, p.images, p.option_names,
         (SELECT coalesce(json_agg(json_build_object('sku', v.sku, 'options', v.options, 'price_minor', v.price_minor,
                   'currency', v.currency, 'compare_at_minor', v.compare_at_minor, 'stock', v.stock, 'image', v.image)
                 ORDER BY v.position), '[]'::json) FROM variants v WHERE v.product_id = p.id) AS variants
  FROM products p`;

function toVariant(v: Row['variants'][number]): VariantSummary {
  const currency = v.currency.trim();
  return {
    sku: v.sku,
    options: v.options,
    price: money(v.price_minor, currency),
    compareAtPrice:
      v.compare_at_minor !== null && v.compare_at_minor > v.price_minor ? money(v.compare_at_minor, currency) : null,
    stock: v.stock,
    inStock: v.stock > 0,
    image: v.image,
  };
}

/** A product in a list says this much of its description… */
const LISTED_DESCRIPTION = 600;
/** …and one looked up by its handle (its details) this much: what it says further down answers questions. */
const DETAILED_DESCRIPTION = 4000;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Builds a summary; `variants` holds those matching the filters, price is the cheapest of them. */
function toSummary(
  r: Row,
  filters: SearchFilters,
  score?: number,
  descriptionMax = LISTED_DESCRIPTION,
): ProductSummary | null {
  const all = r.variants.map(toVariant);
  const matching = all.filter((v) => variantMatches(v, filters, r.title, r.tags ?? []));
  if (matching.length === 0) return null;
  const cheapest = cheapestVariant(matching);
  return {
    handle: r.handle,
    title: r.title,
    vendor: r.vendor,
    category: r.category,
    categoryPath: r.category_path,
    tags: r.tags,
    attributes: r.attributes,
    description: cut(r.description, descriptionMax),
    price: cheapest.price,
    inStock: matching.some((v) => v.inStock),
    image: cheapest.image ?? r.images[0] ?? null,
    optionNames: r.option_names,
    variants: matching,
    ...(score === undefined ? {} : { score }),
  };
}

/** Loads active products by id, in the order given, re-reading price and stock from the database. */
export async function loadSummaries(
  db: Queryable,
  ids: number[],
  filters: SearchFilters = {},
  scores?: Map<number, number>,
): Promise<ProductSummary[]> {
  if (ids.length === 0) return [];
  const r = await db.query<Row>(`${SELECT} WHERE p.id = ANY($1::int[]) AND p.status = 'active'`, [ids]);
  const byId = new Map(r.rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    const s = row ? toSummary(row, filters, scores?.get(id)) : null;
    return s ? [s] : [];
  });
}

/** Loads active products by handle with all their variants and their descriptions in full (up to 4,000 characters). */
export async function loadByHandles(db: Queryable, handles: string[]): Promise<ProductSummary[]> {
  if (handles.length === 0) return [];
  const r = await db.query<Row>(`${SELECT} WHERE p.handle = ANY($1::text[]) AND p.status = 'active'`, [handles]);
  const byHandle = new Map(r.rows.map((row) => [row.handle, row]));
  return handles.flatMap((h) => {
    const row = byHandle.get(h);
    const s = row ? toSummary(row, {}, undefined, DETAILED_DESCRIPTION) : null;
    return s ? [s] : [];
  });
}
