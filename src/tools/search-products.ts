import { z } from 'zod';
import { toMinor } from '../catalog/money.js';
import type { SearchProductsResult } from './results.js';
import { defineTool } from './define-tool.js';
import type { ToolDeps } from './tool-deps.js';

export const searchProductsInput = z.object({
  query: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .describe('What the shopper wants, in their words (e.g. "waterproof trail running shoes").'),
  minPrice: z
    .number()
    .nonnegative()
    .optional()
    .describe('Lowest price in the shop currency, major units (e.g. 50 = 50.00).'),
  maxPrice: z.number().positive().optional().describe('Highest price in the shop currency, major units.'),
  category: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('A category name such as "Running shoes" or "Jackets".'),
  vendor: z.string().trim().min(1).max(100).optional().describe('A brand name.'),
  gender: z.enum(['men', 'women', 'unisex', 'kids']).optional().describe('Who it is for.'),
  options: z
    .record(z.string().max(50), z.string().max(100))
    .optional()
    .describe('Variant options, e.g. {"Color":"black","Size":"42"}.'),
  inStock: z.boolean().optional().describe('Only products with a variant in stock.'),
  limit: z.number().int().min(1).max(10).optional(),
});

/** Finds products; relaxes a too-narrow category or gender filter rather than returning nothing. */
export const searchProducts = (deps: ToolDeps) =>
  defineTool({
    name: 'search_products',
    description:
      'Search the shop catalog. Returns products with real prices, stock and the variants that match the filters.',
    input: searchProductsInput,
    async run(input, ctx): Promise<SearchProductsResult> {
      const base = {
        query: input.query,
        limit: input.limit ?? 5,
        vendor: input.vendor,
        inStock: input.inStock,
        options: input.options,
        minPriceMinor: input.minPrice === undefined ? undefined : toMinor(input.minPrice, deps.currency),
        maxPriceMinor: input.maxPrice === undefined ? undefined : toMinor(input.maxPrice, deps.currency),
      };
      // "For men" also means unisex products.
      const anyTags = input.gender
        ? input.gender === 'men' || input.gender === 'women'
          ? [input.gender, 'unisex']
          : [input.gender]
        : undefined;
      const strict = await deps.search.search({ ...base, category: input.category, anyTags }, { signal: ctx.signal });
      if (strict.length > 0 || (!input.category && !anyTags)) {
        return strict.length > 0
          ? { products: strict }
          : { products: [], note: 'No products match. Try fewer or different filters.' };
      }
      const query = [input.query, input.category, input.gender].filter(Boolean).join(' ');
      const relaxed = await deps.search.search({ ...base, query }, { signal: ctx.signal });
      return {
        products: relaxed,
        note:
          relaxed.length > 0
            ? 'Nothing matched the category or gender exactly; these are the closest matches.'
            : 'No products match.',
      };
    },
  });
