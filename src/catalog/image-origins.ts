import type { Queryable } from '../db/database.js';

/** The distinct http(s) origins the catalog's product and variant images come from (for the pages' CSP). */
export async function catalogImageOrigins(db: Queryable): Promise<string[]> {
  const r = await db.query<{ origin: string }>(
    `SELECT DISTINCT substring(u FROM '^(https?://[^/?#]+)') AS origin
     FROM (SELECT jsonb_array_elements_text(images) AS u FROM products UNION ALL SELECT image FROM variants WHERE image IS NOT NULL) x
     WHERE u ~ '^https?://[^/?#]+' LIMIT 50`,
  );
  return r.rows
    .map((x) => x.origin)
    .filter(Boolean)
    .sort();
}
