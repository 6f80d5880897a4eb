import { translationPatchSchema, type TranslationPatch } from '../../catalog/translation-merge.js';
import { cell, readCsvTable } from './csv-reader.js';

/** Shopify's translation export (admin → Translate & Adapt → Export): one row per field and locale. */
const COLUMNS = {
  type: ['Type'],
  id: ['Identification'],
  field: ['Field'],
  locale: ['Locale'],
  market: ['Market'],
  original: ['Default content'],
  translated: ['Translated content'],
} as const;

export function isShopifyTranslationsHeader(header: string[]): boolean {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  return ['type', 'identification', 'field', 'locale', 'default content', 'translated content'].every((n) =>
    names.has(n),
  );
}

export interface TranslationParseResult {
  translations: Array<{ record: TranslationPatch; line: number }>;
  errors: Array<{ line: number; message: string }>;
}

/** The product fields the export names, as ours. */
const PRODUCT_FIELDS: Record<string, 'title' | 'descriptionHtml' | 'productType'> = {
  title: 'title',
  body_html: 'descriptionHtml',
  product_type: 'productType',
};

interface ProductRows {
  line: number;
  language: string;
  handle?: string;
  title?: string;
  fields: Record<string, string>;
}

/**
 * Parses the export into translations to merge. Rows of type PRODUCT are gathered per product and
 * locale (the `handle` row's default content names our product, else the `title` row's); rows of
 * type PRODUCT_OPTION and PRODUCT_OPTION_VALUE (field `name`) translate an option's or a value's
 * name wherever the catalog has it. Untranslated rows, market-specific rows and other types
 * (collections, pages, metafields…) are left out.
 */
export function parseShopifyTranslationsCsv(input: Uint8Array): TranslationParseResult {
  const result: TranslationParseResult = { translations: [], errors: [] };
  const opened = readCsvTable(input);
  if ('error' in opened) {
    result.errors.push({ line: opened.line, message: opened.error });
    return result;
  }
  const col = opened.table.columns(COLUMNS);
  const products = new Map<string, ProductRows>();
  const add = (line: number, value: unknown) => {
    const parsed = translationPatchSchema.safeParse(value);
    if (parsed.success) result.translations.push({ record: parsed.data, line });
    else
      result.errors.push({
        line,
        message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      });
  };
  for (const row of opened.table.rows) {
    if ('error' in row) {
      result.errors.push({ line: row.line, message: row.error });
      continue;
    }
    const at = (c: number) => cell(row.fields, c);
    const [type, field, language] = [at(col.type).toUpperCase(), at(col.field).toLowerCase(), at(col.locale)];
    if (at(col.market)) continue;
    if (type === 'PRODUCT') {
      const key = `${at(col.id)}\u0000${language}`;
      const p = products.get(key) ?? { line: row.line, language, fields: {} };
      products.set(key, p);
      if (field === 'handle') p.handle = at(col.original);
      if (field === 'title') p.title = at(col.original);
      if (PRODUCT_FIELDS[field] && at(col.translated)) p.fields[PRODUCT_FIELDS[field]] = at(col.translated);
      continue;
    }
    if (field !== 'name' || !at(col.translated)) continue;
    if (type === 'PRODUCT_OPTION') {
      add(row.line, { kind: 'option', language, name: at(col.original), translated: at(col.translated) });
    } else if (type === 'PRODUCT_OPTION_VALUE') {
      add(row.line, { kind: 'value', language, value: at(col.original), translated: at(col.translated) });
    }
  }
  for (const p of products.values()) {
    if (Object.keys(p.fields).length === 0) continue;
    add(p.line, {
      kind: 'product',
      language: p.language,
      handle: p.handle || undefined,
      title: p.title || undefined,
      fields: p.fields,
    });
  }
  result.translations.sort((a, b) => a.line - b.line);
  return result;
}
