import type { Queryable } from '../db/database.js';

/**
 * The shop's category names (every level of every active product's path), most used first; with a
 * language, each shown in it where products of that category carry a translated category path.
 */
export async function listCategories(db: Queryable, language?: string): Promise<string[]> {
  const r = await db.query<{ name: string }>(
    `SELECT name FROM (SELECT unnest(category_path) AS name FROM products WHERE status = 'active') c
     GROUP BY name ORDER BY count(*) DESC, name LIMIT 200`,
  );
  const names = language ? await categoryNamesIn(db, language) : new Map<string, string>();
  return r.rows.map((x) => names.get(x.name) ?? x.name);
}

/**
 * Category names in a language: each catalog name with the translation its products' translated
 * category paths (as many levels as the product's) give it most often.
 */
export async function categoryNamesIn(db: Queryable, language: string): Promise<Map<string, string>> {
  const r = await db.query<{ name: string; translated: string }>(
    `SELECT DISTINCT ON (name) name, translated FROM (
       SELECT p.category_path[i] AS name, t.category_path[i] AS translated, count(*) AS n
       FROM products p JOIN product_translations t ON t.product_id = p.id AND t.language = $1,
            generate_subscripts(p.category_path, 1) AS i
       WHERE p.status = 'active' AND cardinality(t.category_path) = cardinality(p.category_path)
       GROUP BY 1, 2) c
     ORDER BY name, n DESC, translated`,
    [language],
  );
  return new Map(r.rows.map((x) => [x.name, x.translated]));
}

export interface CategoryOverview {
  name: string;
  products: number;
  /** The next level's names, most used first. */
  children: string[];
}

/** The top level of the active catalog's category paths with their product counts, largest first. */
export async function categoryOverview(db: Queryable): Promise<CategoryOverview[]> {
  const r = await db.query<{ name: string; products: number; children: (string | null)[] }>(
    `SELECT category_path[1] AS name, count(*)::int AS products,
            array_agg(DISTINCT category_path[2]) AS children
     FROM products WHERE status = 'active' AND cardinality(category_path) > 0
     GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 100`,
  );
  return r.rows.map((row) => ({ ...row, children: row.children.filter((c): c is string => c !== null) }));
}
