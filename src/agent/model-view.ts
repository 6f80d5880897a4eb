/**
 * A tool result as the model reads it: the same JSON with what a model does not need left out
 * (images, stock counts, listed products' long descriptions, most out-of-stock variants), so several
 * turns of search results fit the history budget. Events and cards use the full result.
 */
const LISTED_DESCRIPTION = 300;
const DETAILS_DESCRIPTION = 4000;

export function toModelContent(result: unknown): string {
  return JSON.stringify(result ?? null, (key, value: unknown) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const o = value as Record<string, unknown>;
    if (typeof o.sku === 'string' && o.options && 'inStock' in o && !('quantity' in o)) {
      return { sku: o.sku, options: o.options, price: o.price, inStock: o.inStock };
    }
    if (typeof o.handle === 'string' && Array.isArray(o.variants) && typeof o.title === 'string') {
      const variants = o.variants as { inStock?: boolean }[];
      const shown = variants.length > 16 ? variants.filter((v) => v.inStock).slice(0, 40) : variants;
      const { image: _image, categoryPath: _path, score: _score, description, ...rest } = o;
      // One product's details (get_product's `product`) keep their description: questions are answered from it.
      const max = key === 'product' ? DETAILS_DESCRIPTION : LISTED_DESCRIPTION;
      return {
        ...rest,
        description:
          typeof description === 'string' && description.length > max ? `${description.slice(0, max)}…` : description,
        variants: shown,
        ...(shown.length < variants.length ? { otherVariantsOutOfStock: variants.length - shown.length } : {}),
      };
    }
    if (key === 'image' || key === 'images') return undefined;
    return value;
  });
}
