import type { Queryable } from '../db/database.js';
import { toJson } from '../db/database.js';
import { htmlToText } from './html-to-text.js';
import type { ProductTranslationRecord } from './records.js';
import { textSearchConfig } from './text-search-config.js';

/** One product's translation in one language, as stored. */
export interface TranslationRow {
  productId: number;
  language: string;
  translation: ProductTranslationRecord;
}

const COLUMNS = `product_id, language, title, description_html, description, product_type, category_path, options,
  search_tsv`;
const PARAMS = 11;

/** One row's VALUES tuple, its parameters numbered from `$n+1`; the configuration is one of a fixed few names. */
function tuple(n: number, config: string): string {
  const $ = (i: number) => `$${n + i}`;
  const tsv = `setweight(to_tsvector('${config}', ${$(9)}), 'A') ||
    setweight(to_tsvector('${config}', ${$(10)}), 'B') || setweight(to_tsvector('${config}', ${$(11)}), 'C')`;
  return `(${$(1)}, ${$(2)}, ${$(3)}, ${$(4)}, ${$(5)}, ${$(6)}, ${$(7)}::text[], ${$(8)}::jsonb, ${tsv})`;
}

/** Option names and their values' translations, as words to search. */
function optionWords(t: ProductTranslationRecord): string {
  return Object.values(t.options ?? {})
    .flatMap((o) => [o.name ?? '', ...Object.values(o.values ?? {})])
    .join(' ');
}

function params(row: TranslationRow): unknown[] {
  const t = row.translation;
  const { normalize } = textSearchConfig(row.language);
  const description = t.descriptionHtml === undefined ? null : htmlToText(t.descriptionHtml);
  const keywords = [t.productType ?? '', ...(t.categoryPath ?? [])].join(' ');
  return [
    row.productId,
    row.language,
    t.title ?? null,
    t.descriptionHtml ?? null,
    description,
    t.productType ?? null,
    t.categoryPath ?? [],
    toJson(t.options ?? {}),
    normalize(t.title ?? ''),
    normalize(keywords),
    normalize(`${description ?? ''} ${optionWords(t)}`),
  ];
}

/** Every translation of these products, from their records (`translations`, by language). */
export function translationRows(
  items: { productId: number; translations?: Record<string, ProductTranslationRecord> }[],
): TranslationRow[] {
  return items.flatMap(({ productId, translations }) =>
    Object.entries(translations ?? {}).map(([language, translation]) => ({ productId, language, translation })),
  );
}

/** Inserts or replaces translation rows, grouped by text search configuration. */
export async function writeTranslationRows(tx: Queryable, rows: TranslationRow[]): Promise<void> {
  const perStatement = Math.floor(30_000 / PARAMS);
  const byConfig = new Map<string, TranslationRow[]>();
  for (const r of rows) {
    const config = textSearchConfig(r.language).name;
    byConfig.set(config, [...(byConfig.get(config) ?? []), r]);
  }
  for (const [config, group] of byConfig) {
    for (let i = 0; i < group.length; i += perStatement) {
      const chunk = group.slice(i, i + perStatement);
      const tuples = chunk.map((_, j) => tuple(j * PARAMS, config)).join(', ');
      await tx.query(
        `INSERT INTO product_translations (${COLUMNS}) VALUES ${tuples}
         ON CONFLICT (product_id, language) DO UPDATE SET title = EXCLUDED.title,
           description_html = EXCLUDED.description_html, description = EXCLUDED.description,
           product_type = EXCLUDED.product_type, category_path = EXCLUDED.category_path,
           options = EXCLUDED.options, search_tsv = EXCLUDED.search_tsv`,
        chunk.flatMap(params),
      );
    }
  }
}

/** Replaces the products' translations with those of their records (none when a record has none). */
export async function replaceTranslations(
  tx: Queryable,
  items: { productId: number; translations?: Record<string, ProductTranslationRecord> }[],
): Promise<void> {
  if (items.length === 0) return;
  await tx.query('DELETE FROM product_translations WHERE product_id = ANY($1::int[])', [items.map((i) => i.productId)]);
  await writeTranslationRows(tx, translationRows(items));
}
