import type { IngestInput } from '../../ingest/ingest.js';
import { numericId } from '../record-values.js';
import { policyFromHtml } from '../policy-from-html.js';
import type { ShopifyAdmin } from './admin-client.js';
import {
  MORE_VARIANTS_PAGE,
  PRODUCTS_PAGE,
  PRODUCTS_QUERY,
  SHOP_QUERY,
  VARIANTS_PAGE,
  VARIANTS_QUERY,
  type ProductNode,
  type ProductsData,
  type ShopData,
  type VariantNode,
  type VariantsData,
} from './admin-queries.js';
import { shopifyProductRecord, type ShopifyVariantInput } from './product-record.js';

function variantInput(v: VariantNode): ShopifyVariantInput {
  return {
    id: numericId(v.id),
    sku: v.sku,
    price: v.price,
    compareAtPrice: v.compareAtPrice,
    inventoryQuantity: v.inventoryQuantity,
    tracked: v.inventoryItem?.tracked ?? true,
    continueSelling: v.inventoryPolicy === 'CONTINUE',
    barcode: v.barcode,
    options: v.selectedOptions,
    image: v.image?.url ?? null,
    inventoryItemId: v.inventoryItem ? numericId(v.inventoryItem.id) : null,
  };
}

/** Every variant of a product: the first page came with it, the rest are fetched page by page. */
async function allVariants(admin: ShopifyAdmin, p: ProductNode): Promise<VariantNode[]> {
  const nodes = [...p.variants.nodes];
  let page = p.variants.pageInfo;
  while (page.hasNextPage) {
    const vars = { id: p.id, first: MORE_VARIANTS_PAGE, after: page.endCursor };
    const data = await admin.query<VariantsData>(VARIANTS_QUERY, vars);
    if (!data.product) break; // deleted while we paged
    nodes.push(...data.product.variants.nodes);
    page = data.product.variants.pageInfo;
  }
  return nodes;
}

/**
 * Reads the whole catalog of a Shopify shop through the Admin GraphQL API: every product with all
 * its variants, images and collections, and the shop's policies. Prices are read in `currency`
 * (the shop's currency; a different one is reported by `onNotice`).
 */
export async function fetchShopifyCatalog(
  admin: ShopifyAdmin,
  opts: { currency: string; onFetched?: (products: number) => void; onNotice?: (message: string) => void },
): Promise<IngestInput> {
  const batch: IngestInput = { products: [], customers: [], orders: [], policies: [], errors: [] };
  const shop = await admin.query<ShopData>(SHOP_QUERY);
  if (shop.shop.currencyCode !== opts.currency)
    opts.onNotice?.(`the shop sells in ${shop.shop.currencyCode} but SHOP_CURRENCY is ${opts.currency}`);
  let after: string | null = null;
  for (;;) {
    const vars = { first: PRODUCTS_PAGE, after, variants: VARIANTS_PAGE };
    const data: ProductsData = await admin.query<ProductsData>(PRODUCTS_QUERY, vars);
    for (const node of data.products.nodes) {
      const id = numericId(node.id);
      const variants = (await allVariants(admin, node)).map(variantInput);
      const record = shopifyProductRecord(
        {
          ...node,
          id,
          tags: node.tags,
          optionNames: node.options.map((o) => o.name),
          images: node.images.nodes.map((i) => i.url),
          collections: node.collections.nodes.map((c) => c.title),
          variants,
        },
        opts.currency,
      );
      const source = { file: `shopify products/${id}`, line: null };
      if (typeof record === 'string') batch.errors.push({ ...source, message: record });
      else batch.products.push({ record, source });
    }
    opts.onFetched?.(batch.products.length);
    if (!data.products.pageInfo.hasNextPage) break;
    after = data.products.pageInfo.endCursor;
  }
  for (const policy of shop.shop.shopPolicies) {
    if (!policy.body.trim()) continue;
    const slug = policy.type.toLowerCase().replace(/_/g, '-');
    const doc = policyFromHtml({ slug, title: policy.title, html: policy.body, source: policy.url ?? slug });
    if (doc) batch.policies.push({ record: doc, source: { file: `shopify ${slug}.md`, line: null } });
  }
  return batch;
}
