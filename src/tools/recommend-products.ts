import { z } from 'zod';
import type { ProductSummary } from '../catalog/types.js';
import { defineTool } from './define-tool.js';
import type { RecommendResult } from './results.js';
import type { ToolDeps } from './tool-deps.js';

/** What goes with what: a purchase in one category suggests these others. */
const COMPLEMENTS: Record<string, string[]> = {
  'running shoes': ['running socks', 'running jacket', 'sports cap'],
  'trail shoes': ['hiking socks', 'backpack', 'rain jacket'],
  boots: ['wool socks', 'boot care', 'warm hat'],
  tents: ['sleeping bag', 'camping chair', 'headlamp'],
  'sleeping bags': ['sleeping pad', 'tent', 'camping mug'],
  jackets: ['beanie hat', 'gloves', 'fleece'],
  mugs: ['coffee', 'blanket', 'candle'],
  backpacks: ['water bottle', 'rain cover', 'hiking socks'],
};

/**
 * Recommendations from the verified customer's purchase history: complementary and similar
 * items, in stock, never something they already bought. Anonymous shoppers get popular picks.
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
        const popular = await deps.search.search({ query: 'bestseller gift', inStock: true, limit });
        return { products: popular, basedOn: [], signInRequired: true };
      }
      const bought = await deps.customers.purchasedHandles(ctx.customerId);
      const boughtProducts = await deps.products.byHandles(bought.slice(0, 5));
      const queries = boughtProducts.flatMap((p) => [
        ...(COMPLEMENTS[p.category.toLowerCase()] ?? []).slice(0, 2),
        `${p.category} like ${p.title}`,
      ]);
      const seen = new Set(bought);
      const picks: ProductSummary[] = [];
      for (const query of queries.length > 0 ? queries : ['bestseller gift']) {
        const found = await deps.search.search({ query, inStock: true, excludeHandles: [...seen], limit: 2 });
        for (const p of found) {
          if (picks.length >= limit || seen.has(p.handle)) continue;
          seen.add(p.handle);
          picks.push(p);
        }
        if (picks.length >= limit) break;
      }
      return { products: picks, basedOn: boughtProducts.map((p) => p.title) };
    },
  });
