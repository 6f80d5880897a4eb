import { z } from 'zod';
import type { ProductSummary } from '../catalog/types.js';
import { defineTool } from './define-tool.js';
import type { RecommendResult } from './results.js';
import { inShopperLanguage } from './shopper-language.js';
import type { ToolDeps } from './tool-deps.js';

/**
 * Recommendations from the verified customer's purchase history: complementary items (what the
 * shop's merchandising data says goes with each purchase's category) and similar ones, in stock,
 * never something they already bought; best sellers fill the rest. Anonymous shoppers get best sellers.
 */
export const recommendProducts = (deps: ToolDeps) =>
  defineTool({
    name: 'recommend_products',
    description:
      "Personal recommendations from the signed-in customer's purchase history (complementary and similar items, in stock).",
    input: z.object({ limit: z.number().int().min(1).max(10).optional() }),
    async run(input, ctx): Promise<RecommendResult> {
      const limit = input.limit ?? 4;
      if (!ctx.customerId) {
        const products = await inShopperLanguage(deps, await deps.products.bestSellers({ limit }), ctx);
        return { products, basedOn: [], signInRequired: true };
      }
      const bought = await deps.customers.purchasedHandles(ctx.customerId);
      const boughtProducts = await deps.products.byHandles(bought.slice(0, 5));
      const queries = boughtProducts.flatMap((p) => [
        ...deps.merchandising.complementsOf([...p.categoryPath, p.category]).slice(0, 2),
        `${p.category} like ${p.title}`,
      ]);
      const seen = new Set(bought);
      const picks: ProductSummary[] = [];
      for (const query of queries) {
        if (picks.length >= limit) break;
        const found = await deps.search.search({ query, inStock: true, excludeHandles: [...seen], limit: 2 });
        for (const p of found) {
          if (picks.length >= limit || seen.has(p.handle)) continue;
          seen.add(p.handle);
          picks.push(p);
        }
      }
      if (picks.length < limit) {
        picks.push(...(await deps.products.bestSellers({ limit: limit - picks.length, excludeHandles: [...seen] })));
      }
      return { products: await inShopperLanguage(deps, picks, ctx), basedOn: boughtProducts.map((p) => p.title) };
    },
  });
