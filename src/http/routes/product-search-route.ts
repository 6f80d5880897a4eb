import { Router } from 'express';
import { z } from 'zod';
import { toMinor } from '../../catalog/money.js';
import type { ProductFinder } from '../../catalog/find-products.js';
import type { CatalogSearch } from '../../catalog/search.js';
import { SEARCH_SORTS, type ProductSummary } from '../../catalog/types.js';
import { parseInput } from '../../shared/parse-input.js';

const price = z.coerce
  .number({ message: 'must be a number' })
  .nonnegative('must not be negative')
  .max(10_000_000, 'is too large');
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const option = z.string().regex(/^[^:]{1,50}:.{1,100}$/, 'must look like Name:Value, e.g. Size:42');
const excluded = z.string().trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters');

const searchQuerySchema = z
  .strictObject({
    q: z.string().max(500, 'must be at most 500 characters').default(''),
    minPrice: price.optional(),
    maxPrice: price.optional(),
    category: z.string().trim().min(1).max(200).optional(),
    vendor: z.string().trim().min(1).max(200).optional(),
    inStock: bool.optional(),
    option: z.union([option, z.array(option).max(5)]).optional(),
    /** Words ruled out ("not smart"): products titled with one are left out, also from the closest things. */
    exclude: z.union([excluded, z.array(excluded).max(10, 'at most 10 words')]).optional(),
    limit: z.coerce
      .number({ message: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(50, 'must be at most 50')
      .default(10),
    mode: z.enum(['hybrid', 'lexical', 'vector']).default('hybrid'),
    /** By price: the good matches of a query (hybrid mode), cheapest or dearest first. */
    sort: z.enum(SEARCH_SORTS).default('relevance'),
  })
  .refine((q) => q.minPrice === undefined || q.maxPrice === undefined || q.minPrice <= q.maxPrice, {
    message: 'must not be below minPrice',
    path: ['maxPrice'],
  })
  // The single-retriever modes give raw rankings: ruling words out is the judged search's.
  .refine((q) => q.exclude === undefined || (q.mode === 'hybrid' && q.q.trim() !== ''), {
    message: 'needs a q and mode=hybrid',
    path: ['exclude'],
  });

/** The public JSON of one search result (documented in docs/api.md). */
export function publicProduct(p: ProductSummary) {
  return {
    handle: p.handle,
    title: p.title,
    vendor: p.vendor,
    category: p.category,
    categoryPath: p.categoryPath,
    description: p.description,
    price: p.price,
    inStock: p.inStock,
    image: p.image,
    optionNames: p.optionNames,
    variants: p.variants.map((v) => ({
      sku: v.sku,
      options: v.options,
      price: v.price,
      compareAtPrice: v.compareAtPrice,
      inStock: v.inStock,
      image: v.image,
    })),
  };
}

/** GET /api/products/search: public, read-only storefront search. */
export function productSearchRoute(deps: { search: CatalogSearch; finder: ProductFinder; currency: string }): Router {
  const router = Router();
  router.get('/api/products/search', async (req, res) => {
    const q = parseInput(searchQuerySchema, req.query);
    const options = Object.fromEntries(
      [q.option ?? []].flat().map((o) => {
        const i = o.indexOf(':');
        return [o.slice(0, i).trim(), o.slice(i + 1).trim()];
      }),
    );
    const query = {
      query: q.q,
      limit: q.limit,
      mode: q.mode,
      sort: q.sort,
      category: q.category,
      vendor: q.vendor,
      inStock: q.inStock,
      options,
      minPriceMinor: q.minPrice === undefined ? undefined : toMinor(q.minPrice, deps.currency),
      maxPriceMinor: q.maxPrice === undefined ? undefined : toMinor(q.maxPrice, deps.currency),
      excludeWords: q.exclude === undefined ? undefined : [q.exclude].flat(),
    };
    // The single-retriever modes are for comparing retrievers: raw rankings, no judgement.
    if (q.mode !== 'hybrid' || !q.q.trim()) {
      const results = await deps.search.search(query);
      res
        .set('Cache-Control', 'public, max-age=30')
        .json({ query: q.q, count: results.length, results: results.map(publicProduct) });
      return;
    }
    const found = await deps.finder.find(query, { source: { channel: 'storefront' } });
    res.set('Cache-Control', 'public, max-age=30').json({
      query: q.q,
      count: found.products.length,
      match: found.match,
      noMatch: found.noMatch,
      askedType: found.askedType,
      relaxed: found.relaxed,
      results: found.products.map(publicProduct),
    });
  });
  return router;
}
