import type { ProductRecord } from '../catalog/records.js';
import type { Queryable } from '../db/database.js';

/**
 * Products are keyed by handle; the platform's id is what stays when a merchant renames one. A
 * stored product with this platform id under another handle takes the new handle, so the write
 * updates it instead of adding a second product. Returns the stored attributes (webhook payloads
 * that carry none keep them).
 */
export async function adoptPlatformHandle(
  tx: Queryable,
  record: ProductRecord,
): Promise<{ attributes: Record<string, string> } | null> {
  if (!record.platformId) return null;
  const stored = await tx.query<{ id: number; handle: string; attributes: Record<string, string> }>(
    'SELECT id, handle, attributes FROM products WHERE platform_id = $1',
    [record.platformId],
  );
  const row = stored.rows[0];
  if (!row) return null;
  if (row.handle !== record.handle) {
    const taken = await tx.query('SELECT 1 FROM products WHERE handle = $1', [record.handle]);
    if (taken.rows.length === 0)
      await tx.query('UPDATE products SET handle = $2 WHERE id = $1', [row.id, record.handle]);
  }
  return { attributes: row.attributes ?? {} };
}
