import { z } from 'zod';
import type { Queryable } from '../db/database.js';
import { contentHash } from '../shared/content-hash.js';
import { LANGUAGE_CODE, MAX_FIELD_CHARS, type ProductTranslationRecord } from './records.js';
import { writeTranslationRows } from './translation-store.js';

const language = z.string().regex(LANGUAGE_CODE, 'not a language code such as "fa" or "pt-BR"');
const words = (max: number) => z.string().trim().min(1).max(max);

/**
 * A translation to merge into products already in the catalog (a translation export such as
 * Shopify's): a product's fields, found by handle or else by its title; or an option's name or an
 * option value's, for every product that has that option or value.
 */
export const translationPatchSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('product'),
    language,
    handle: words(255).optional(),
    title: words(500).optional(),
    fields: z.object({
      title: words(500).optional(),
      descriptionHtml: z.string().trim().max(MAX_FIELD_CHARS).optional(),
      productType: words(255).optional(),
    }),
  }),
  z.object({ kind: z.literal('option'), language, name: words(100), translated: words(100) }),
  z.object({ kind: z.literal('value'), language, value: words(200), translated: words(200) }),
]);
export type TranslationPatch = z.infer<typeof translationPatchSchema>;

interface StoredRow {
  title: string | null;
  description_html: string | null;
  product_type: string | null;
  category_path: string[];
  options: NonNullable<ProductTranslationRecord['options']>;
}

/** The products a patch is for, each with the catalog's option name it translates (options and values). */
async function targets(tx: Queryable, patch: TranslationPatch): Promise<{ id: number; option?: string }[]> {
  if (patch.kind === 'product') {
    const byHandle = patch.handle
      ? await tx.query<{ id: number }>('SELECT id FROM products WHERE handle = $1', [patch.handle])
      : { rows: [] };
    if (byHandle.rows.length > 0 || !patch.title) return byHandle.rows;
    return (await tx.query<{ id: number }>('SELECT id FROM products WHERE title = $1 ORDER BY id', [patch.title])).rows;
  }
  if (patch.kind === 'option') {
    const r = await tx.query<{ id: number }>(
      'SELECT id FROM products WHERE option_names @> jsonb_build_array($1::text) ORDER BY id',
      [patch.name],
    );
    return r.rows.map((x) => ({ id: x.id, option: patch.name }));
  }
  const r = await tx.query<{ id: number; option: string }>(
    `SELECT DISTINCT v.product_id AS id, o.key AS option FROM variants v, jsonb_each_text(v.options) o
     WHERE o.value = $1 ORDER BY 1, 2`,
    [patch.value],
  );
  return r.rows;
}

function toRecord(row: StoredRow | undefined): ProductTranslationRecord {
  if (!row) return {};
  return {
    ...(row.title !== null ? { title: row.title } : {}),
    ...(row.description_html !== null ? { descriptionHtml: row.description_html } : {}),
    ...(row.product_type !== null ? { productType: row.product_type } : {}),
    ...(row.category_path.length > 0 ? { categoryPath: row.category_path } : {}),
    ...(Object.keys(row.options).length > 0 ? { options: row.options } : {}),
  };
}

function merged(t: ProductTranslationRecord, patch: TranslationPatch, option?: string): ProductTranslationRecord {
  if (patch.kind === 'product') return { ...t, ...patch.fields };
  const options = { ...(t.options ?? {}) };
  const current = options[option!] ?? {};
  options[option!] =
    patch.kind === 'option'
      ? { ...current, name: patch.translated }
      : { ...current, values: { ...(current.values ?? {}), [patch.value]: patch.translated } };
  return { ...t, options };
}

/**
 * Merges a translation into the products it is for; returns how many it is for (0: no such product)
 * and how many of those changed.
 */
export async function mergeTranslation(
  tx: Queryable,
  patch: TranslationPatch,
): Promise<{ products: number; changed: number }> {
  const found = await targets(tx, patch);
  let changed = 0;
  for (const { id, option } of found) {
    const r = await tx.query<StoredRow>(
      `SELECT title, description_html, product_type, category_path, options FROM product_translations
       WHERE product_id = $1 AND language = $2`,
      [id, patch.language],
    );
    const before = toRecord(r.rows[0]);
    const after = merged(before, patch, option);
    if (contentHash(after) === contentHash(before)) continue;
    await writeTranslationRows(tx, [{ productId: id, language: patch.language, translation: after }]);
    changed++;
  }
  return { products: found.length, changed };
}
