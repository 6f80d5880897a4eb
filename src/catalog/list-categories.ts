import type { Queryable } from '../db/database.js';

/** The shop's category names (every level of every active product's path), most used first. */
export async function listCategories(db: Queryable): Promise<string[]> {
  const r = await db.query<{ name: string }>(
    `SELECT name FROM (SELECT unnest(category_path) AS name FROM products WHERE status = 'active') c
     GROUP BY name ORDER BY count(*) DESC, name LIMIT 200`,
  );
  return r.rows.map((x) => x.name);
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
