import { normalizeOptionName, optionValueMatches, optionValueOf } from '../catalog/search-filters.js';
import type { ProductSummary, VariantSummary } from '../catalog/types.js';
import type { CartRefusal } from './results.js';

/**
 * Picks the variant the shopper means from option values ("size 42, black"). Returns the
 * variant, or a refusal that says which option is missing or that no variant has those values.
 */
export function resolveVariant(
  product: ProductSummary,
  wanted: Record<string, string> = {},
): { variant: VariantSummary } | CartRefusal {
  const known = Object.entries(wanted).filter(([name]) =>
    product.variants.some((v) => optionValueOf(v.options, name) !== undefined),
  );
  const matching = product.variants.filter((v) =>
    known.every(([name, value]) => optionValueMatches(optionValueOf(v.options, name) ?? '', value)),
  );
  if (matching.length === 0) {
    const asked = known.map(([n, v]) => `${n} ${v}`).join(', ');
    return {
      ok: false,
      reason: 'unknown_variant',
      message: `${product.title} is not available in ${asked}.`,
      productTitle: product.title,
      alternatives: product.variants.filter((v) => v.inStock),
    };
  }
  if (matching.length === 1) return { variant: matching[0] };
  const inStock = matching.filter((v) => v.inStock);
  const missing = product.optionNames
    .filter((name) => !known.some(([n]) => normalizeOptionName(n) === normalizeOptionName(name)))
    .map((name) => ({
      name,
      values: [
        ...new Set((inStock.length > 0 ? inStock : matching).map((v) => optionValueOf(v.options, name) ?? '')),
      ].filter(Boolean),
    }))
    .filter((o) => o.values.length > 1);
  if (missing.length === 0) return { variant: inStock[0] ?? matching[0] };
  return {
    ok: false,
    reason: 'needs_option',
    productTitle: product.title,
    message: `Which ${missing.map((m) => m.name.toLowerCase()).join(' and ')} would you like for ${product.title}?`,
    missingOptions: missing,
  };
}
