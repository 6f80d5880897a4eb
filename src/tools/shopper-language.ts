import type { ProductSummary } from '../catalog/types.js';
import type { ToolContext } from './define-tool.js';
import type { ToolDeps } from './tool-deps.js';

/** Products as the shopper reads them: in the turn's language where the catalog has their translation. */
export function inShopperLanguage(
  deps: ToolDeps,
  products: ProductSummary[],
  ctx: ToolContext,
): Promise<ProductSummary[]> {
  return deps.translations ? deps.translations.localize(products, ctx.language) : Promise.resolve(products);
}

/** Option names and values the shopper gave (in any of the product's languages) as the catalog has them. */
export async function optionsInCatalogTerms(
  deps: ToolDeps,
  handle: string,
  options: Record<string, string> | undefined,
): Promise<Record<string, string> | undefined> {
  if (!options || !deps.translations) return options;
  return deps.translations.catalogOptions(handle, options);
}

/** A category the shopper named in their language, as the catalog names it. */
export async function categoryInCatalogTerms(
  deps: ToolDeps,
  category: string | undefined,
  ctx: ToolContext,
): Promise<string | undefined> {
  if (!category || !deps.translations) return category;
  return deps.translations.catalogCategory(category, ctx.language);
}
