import type { ProductSummary } from '../catalog/types.js';

/** Finds the products a tool result carries so the chat can show them as cards. */
export type ExtractProducts = (result: unknown, toolName: string) => ProductSummary[];

/** Reads `products`, `product` and `alternativeProducts`, the shapes in src/tools/results.ts. */
export const extractProducts: ExtractProducts = (result) => {
  if (typeof result !== 'object' || result === null) return [];
  const r = result as { products?: unknown; product?: unknown; alternativeProducts?: unknown };
  const found = [...asArray(r.products), r.product, ...asArray(r.alternativeProducts)];
  return found.filter(isProductSummary);
};

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isProductSummary(value: unknown): value is ProductSummary {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as { handle?: unknown; title?: unknown };
  return typeof p.handle === 'string' && typeof p.title === 'string';
}
