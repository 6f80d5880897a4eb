import type { Queryable } from '../db/database.js';
import { categoryNamesIn } from './list-categories.js';
import { foldArabicScript } from '../shared/language.js';
import { normalizeOptionName, optionValueMatches } from './search-filters.js';
import type { ProductSummary } from './types.js';

/** A product's translation into one language, as search results and tools show it. */
export interface ProductTranslation {
  language: string;
  title: string | null;
  description: string | null;
  productType: string | null;
  categoryPath: string[];
  /** By the catalog's option name: its name and values in the language. */
  options: Record<string, { name?: string; values?: Record<string, string> }>;
}

interface Row {
  handle: string;
  language: string;
  title: string | null;
  description: string | null;
  product_type: string | null;
  category_path: string[];
  options: ProductTranslation['options'];
}

const toTranslation = (r: Row): ProductTranslation => ({
  language: r.language,
  title: r.title,
  description: r.description,
  productType: r.product_type,
  categoryPath: r.category_path,
  options: r.options,
});

/** The translations of these products (into `language`, or into every language), by handle. */
export async function loadTranslations(
  db: Queryable,
  handles: string[],
  language?: string,
): Promise<Map<string, ProductTranslation[]>> {
  const out = new Map<string, ProductTranslation[]>();
  if (handles.length === 0) return out;
  const r = await db.query<Row>(
    `SELECT p.handle, t.language, t.title, t.description, t.product_type, t.category_path, t.options
     FROM product_translations t JOIN products p ON p.id = t.product_id
     WHERE p.handle = ANY($1::text[]) AND ($2::text IS NULL OR t.language = $2) ORDER BY p.handle, t.language`,
    [handles, language ?? null],
  );
  for (const row of r.rows) out.set(row.handle, [...(out.get(row.handle) ?? []), toTranslation(row)]);
  return out;
}

const DESCRIPTION_CHARS = 600;

/** A description as summaries carry it: its first `DESCRIPTION_CHARS` characters. */
const clipped = (text: string) => (text.length > DESCRIPTION_CHARS ? `${text.slice(0, DESCRIPTION_CHARS)}…` : text);

/**
 * A product summary in the translation's language for display: title, description, product type,
 * category path, and the options' names and values as `optionLabels`; the catalog's title stays as
 * `originalTitle`, and handles, SKUs and the options themselves never change (a model or a cart
 * works in the catalog's terms). What the translation lacks stays as the catalog has it.
 */
export function localizeSummary(p: ProductSummary, t: ProductTranslation | undefined): ProductSummary {
  if (!t) return p;
  const description = t.description ? clipped(t.description) : p.description;
  const categoryPath = t.categoryPath.length === p.categoryPath.length ? t.categoryPath : p.categoryPath;
  return {
    ...p,
    title: t.title ?? p.title,
    ...(t.title ? { originalTitle: p.title } : {}),
    ...(t.productType ? { productType: t.productType } : {}),
    description,
    categoryPath,
    category: categoryPath === p.categoryPath ? p.category : (categoryPath.at(-1) ?? p.category),
    ...(Object.keys(t.options).length ? { optionLabels: t.options } : {}),
    language: t.language,
  };
}

/**
 * Option names and values as the catalog has them, from the shopper's words in any of the product's
 * languages: { "رنگ": "مشکی" } or { Color: "مشکی" } → { Color: "Black" }. Words no translation knows
 * are kept as given.
 */
export function optionsInCatalogTerms(
  wanted: Record<string, string>,
  translations: ProductTranslation[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(wanted)) {
    const catalogName = catalogOptionName(name, translations);
    const values = translations.flatMap((t) => Object.entries(optionOf(t, catalogName)?.values ?? {}));
    const match = values.find(([, shown]) => optionValueMatches(foldArabicScript(shown), foldArabicScript(value)));
    out[catalogName] = match ? match[0] : value;
  }
  return out;
}

const sameName = (a: string, b: string) =>
  normalizeOptionName(foldArabicScript(a)) === normalizeOptionName(foldArabicScript(b));

/** A translation's option by the catalog's option name, whatever its case or spelling. */
const optionOf = (t: ProductTranslation, catalogName: string) =>
  Object.entries(t.options).find(([n]) => sameName(n, catalogName))?.[1];

function catalogOptionName(name: string, translations: ProductTranslation[]): string {
  for (const t of translations) {
    for (const [catalogName, o] of Object.entries(t.options)) {
      if (o.name && sameName(o.name, name)) return catalogName;
    }
  }
  return name;
}

/** Product summaries in the shopper's language, and shopper's option words in the catalog's. */
export interface ProductTranslations {
  /** The products with their translation into `language` where they have one (none for the catalog's language). */
  localize(products: ProductSummary[], language: string | undefined): Promise<ProductSummary[]>;
  /** `optionsInCatalogTerms` over every translation of the product. */
  catalogOptions(handle: string, wanted: Record<string, string>): Promise<Record<string, string>>;
  /** A category name as the catalog has it, from its name in `language` (given back when none matches). */
  catalogCategory(name: string, language: string | undefined): Promise<string>;
}

export function createProductTranslations(deps: { db: Queryable; catalogLanguage?: string }): ProductTranslations {
  const catalogLanguage = deps.catalogLanguage ?? 'en';
  return {
    async localize(products, language) {
      if (!language || language === catalogLanguage || products.length === 0) return products;
      const found = await loadTranslations(
        deps.db,
        products.map((p) => p.handle),
        language,
      );
      return products.map((p) => localizeSummary(p, found.get(p.handle)?.[0]));
    },
    async catalogOptions(handle, wanted) {
      if (Object.keys(wanted).length === 0) return wanted;
      const found = await loadTranslations(deps.db, [handle]);
      return optionsInCatalogTerms(wanted, found.get(handle) ?? []);
    },
    async catalogCategory(name, language) {
      if (!language || language === catalogLanguage) return name;
      const wanted = foldArabicScript(name.trim().toLowerCase());
      for (const [catalogName, shown] of await categoryNamesIn(deps.db, language)) {
        if (foldArabicScript(shown.toLowerCase()) === wanted) return catalogName;
      }
      return name;
    },
  };
}
