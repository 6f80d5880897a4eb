import { z } from 'zod';
import { defineTool } from './define-tool.js';
import { inShopperLanguage } from './shopper-language.js';
import type { ToolDeps } from './tool-deps.js';

export const getProduct = (deps: ToolDeps) =>
  defineTool({
    name: 'get_product',
    readOnly: true,
    description: 'Details of one product by its handle: description, every variant with price and stock.',
    input: z.object({ handle: z.string().trim().min(1).max(255) }),
    async run(input, ctx) {
      const [product] = await inShopperLanguage(deps, await deps.products.byHandles([input.handle]), ctx);
      if (product) return { product };
      const similar = await deps.search.search({ query: input.handle.replace(/[-_]+/g, ' '), limit: 3 });
      const alternativeProducts = await inShopperLanguage(deps, similar, ctx);
      return { product: null, message: `No product with handle "${input.handle}".`, alternativeProducts };
    },
  });
