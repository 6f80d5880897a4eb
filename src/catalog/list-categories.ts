import type { Queryable } from '../db/database.js';

/** The shop's category names (every level of every active product's path), most used first. */
export async function listCategories(db: Queryable): Promise<string[]> {
  const r = await db.query<{ name: string }>(
    `SELECT name FROM (SELECT unnest(category_path) AS name FROM products WHERE status = 'active') c
     GROUP BY name ORDER BY count(*) DESC, name LIMIT 200`,
  );
  return r.rows.map((x) => x.name);
}
