import { z } from 'zod';
import type { FindResult } from '../catalog/find-products.js';
import { toMinor } from '../catalog/money.js';
import { GENDERS, SEARCH_SORTS, type SearchQuery } from '../catalog/types.js';
import { defineTool } from './define-tool.js';
import type { SearchProductsResult } from './results.js';
import { categoryInCatalogTerms, inShopperLanguage } from './shopper-language.js';
import type { ToolDeps } from './tool-deps.js';

export const searchProductsInput = z.object({
  query: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .describe('What the shopper wants, in their words (e.g. "quiet desk fan for a small bedroom").'),
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
    .describe('A category name such as "Desk fans" or "Stationery".'),
  vendor: z.string().trim().min(1).max(100).optional().describe('A brand name.'),
  gender: z.enum(GENDERS).optional().describe('Who it is for.'),
  options: z
    .record(z.string().max(50), z.string().max(100))
    .optional()
    .describe('Variant options, e.g. {"Color":"black","Size":"42"}.'),
  inStock: z.boolean().optional().describe('Only products with a variant in stock.'),
  exclude: z
    .array(z.string().trim().min(1).max(50))
    .max(10)
    .optional()
    .describe(
      'Words the shopper rules out ("a watch, not a smart one" → ["smart"]): products titled with one are left out.',
    ),
  sort: z
    .enum(SEARCH_SORTS)
    .optional()
    .describe('Order: best match first (default), or the good matches cheapest first (price_asc) or dearest first.'),
  limit: z.number().int().min(1).max(10).optional(),
});

/** What the tool tells the model about a weak or missing match, so no answer presents unrelated products as matches. */
export function matchNote(r: FindResult, query: string): string | undefined {
  if (r.match === 'none') return 'No products match. Say so; suggest other words or a wider price range.';
  const parts: string[] = [];
  if (r.noMatch) {
    const what = r.missing.length ? ` (nothing in the shop mentions ${r.missing.map((m) => `"${m}"`).join(', ')})` : '';
    parts.push(`The shop does not carry "${query}"${what}: say so plainly; these are only the closest products.`);
  }
  if (r.relaxed.includes('price')) parts.push('Nothing matched the price range; these are the closest without it.');
  if (r.relaxed.includes('options'))
    parts.push('Some requested options are not options in this shop; matched as words.');
  if (!parts.length && r.match === 'weak') parts.push('No exact match; these are the closest products.');
  return parts.length ? parts.join(' ') : undefined;
}

/**
 * Finds products with the shop's judgement of the match (`strong`, `weak`, `none`); relaxes a
 * too-narrow category or gender filter rather than returning nothing.
 */
export const searchProducts = (deps: ToolDeps) =>
  defineTool({
    name: 'search_products',
    readOnly: true,
    description:
      'Search the shop catalog. Returns products with real prices, stock and the variants that match the filters, ' +
      'and `match`: strong, weak (closest alternatives only) or none.',
    input: searchProductsInput,
    async run(input, ctx): Promise<SearchProductsResult> {
      const base: SearchQuery = {
        query: input.query,
        limit: input.limit ?? 5,
        vendor: input.vendor,
        inStock: input.inStock,
        options: input.options,
        sort: input.sort,
        excludeWords: input.exclude,
        minPriceMinor: input.minPrice === undefined ? undefined : toMinor(input.minPrice, deps.currency),
        maxPriceMinor: input.maxPrice === undefined ? undefined : toMinor(input.maxPrice, deps.currency),
      };
      // The shop's data says which tags a gender means (often also the tag of products for everyone).
      const anyTags = input.gender ? deps.merchandising.tagsForGender(input.gender) : undefined;
      const category = await categoryInCatalogTerms(deps, input.category, ctx);
      let found = await deps.finder.find({ ...base, category, anyTags }, { signal: ctx.signal });
      let relaxedFilters = false;
      let query = input.query;
      if (!found.products.length && (input.category || anyTags)) {
        query = [input.query, input.category, input.gender].filter(Boolean).join(' ');
        found = await deps.finder.find({ ...base, query }, { signal: ctx.signal });
        relaxedFilters = true;
        // Who it is for was added to rank those products first, not asked of them: a shop without
        // "kids" in its words still has the helmets asked for.
        if (found.noMatch && input.gender) {
          const asked = [input.query, input.category].filter(Boolean).join(' ');
          const plain = await deps.finder.find({ ...base, query: asked }, { signal: ctx.signal });
          if (!plain.noMatch) found = { ...found, match: plain.match, missing: plain.missing, noMatch: false };
        }
      }
      // One search as the shopper asked it, with what was finally found.
      if (ctx.analytics) {
        const source = { channel: 'assistant' as const, conversationId: ctx.conversationId, ...ctx.analytics };
        await deps.finder.record(query, found, source);
      }
      const notes = [
        relaxedFilters && found.products.length ? 'Nothing matched the category or gender exactly.' : undefined,
        matchNote(found, input.query),
      ].filter(Boolean);
      return {
        products: await inShopperLanguage(deps, found.products, ctx),
        match: found.match,
        ...(found.askedType ? { askedType: found.askedType } : {}),
        ...(found.noMatch ? { noMatch: true, missing: found.missing } : {}),
        ...(found.relaxed.length ? { relaxed: found.relaxed } : {}),
        ...(notes.length ? { note: notes.join(' ') } : {}),
      };
    },
  });
