import { http, HttpResponse } from 'msw';

/**
 * A fake Shopify shop behind the Admin GraphQL API (`POST /admin/api/<version>/graphql.json`), in its
 * wire format: `data.products.nodes` with `pageInfo { hasNextPage endCursor }`, variant connections
 * that page, `extensions.cost` on every answer and a `THROTTLED` error when asked.
 */

export const SHOPIFY_DOMAIN = 'test-shop.myshopify.com';
export const SHOPIFY_VERSION = '2025-07';
export const SHOPIFY_TOKEN = 'shpat_test_token';
export const SHOPIFY_GRAPHQL_URL = `https://${SHOPIFY_DOMAIN}/admin/api/${SHOPIFY_VERSION}/graphql.json`;

export interface FakeVariant {
  id: number;
  sku: string;
  price: string;
  compareAtPrice: string | null;
  inventoryQuantity: number;
  options: { name: string; value: string }[];
  inventoryItemId: number;
}

export interface FakeProduct {
  id: number;
  handle: string;
  title: string;
  descriptionHtml: string;
  vendor: string;
  productType: string;
  tags: string[];
  optionNames: string[];
  images: string[];
  collections: string[];
  variants: FakeVariant[];
}

const gid = (type: string, id: number) => `gid://shopify/${type}/${id}`;
const cursor = (i: number) => Buffer.from(`cursor:${i}`).toString('base64');
const indexOf = (c: unknown) =>
  typeof c === 'string' ? Number(Buffer.from(c, 'base64').toString().split(':')[1]) : -1;

function variantNode(v: FakeVariant) {
  return {
    id: gid('ProductVariant', v.id),
    sku: v.sku,
    price: v.price,
    compareAtPrice: v.compareAtPrice,
    inventoryQuantity: v.inventoryQuantity,
    inventoryPolicy: 'DENY',
    barcode: null,
    selectedOptions: v.options,
    image: null,
    inventoryItem: { id: gid('InventoryItem', v.inventoryItemId), tracked: true },
  };
}

/** One page of a connection after `after`, with Shopify's pageInfo. */
function page<T, N>(items: T[], first: number, after: unknown, node: (t: T) => N) {
  const start = indexOf(after) + 1;
  const slice = items.slice(start, start + first);
  const end = start + slice.length - 1;
  return {
    pageInfo: { hasNextPage: end < items.length - 1, endCursor: slice.length ? cursor(end) : null },
    nodes: slice.map(node),
  };
}

function productNode(p: FakeProduct, variantsFirst: number) {
  return {
    id: gid('Product', p.id),
    handle: p.handle,
    title: p.title,
    descriptionHtml: p.descriptionHtml,
    vendor: p.vendor,
    productType: p.productType,
    tags: p.tags,
    status: 'ACTIVE',
    options: p.optionNames.map((name) => ({ name })),
    images: { nodes: p.images.map((url) => ({ url })) },
    collections: { nodes: p.collections.map((title) => ({ title })) },
    variants: page(p.variants, variantsFirst, null, variantNode),
  };
}

const cost = (requested: number, available: number) => ({
  cost: {
    requestedQueryCost: requested,
    actualQueryCost: available >= requested ? requested : null,
    throttleStatus: { maximumAvailable: 2000, currentlyAvailable: available, restoreRate: 100 },
  },
});

export interface FakeShopifyShop {
  products: FakeProduct[];
  policies: { title: string; body: string; type: string; url: string }[];
  currency: string;
  /** Answer the next products query with a THROTTLED error (once). */
  throttleNext: boolean;
  /** Operation names of the queries received, in order. */
  calls: string[];
}

export function createFakeShopifyShop(init: Partial<FakeShopifyShop> = {}): FakeShopifyShop {
  return { products: [], policies: [], currency: 'EUR', throttleNext: false, calls: [], ...init };
}

/** The msw handler of the fake shop's Admin GraphQL endpoint. */
export function shopifyAdminHandler(shop: FakeShopifyShop) {
  return http.post(SHOPIFY_GRAPHQL_URL, async ({ request }) => {
    if (request.headers.get('x-shopify-access-token') !== SHOPIFY_TOKEN)
      return HttpResponse.json(
        { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' },
        { status: 401 },
      );
    const { query, variables } = (await request.json()) as { query: string; variables: Record<string, unknown> };
    const operation = /query (\w+)/.exec(query)?.[1] ?? 'anonymous';
    shop.calls.push(operation);
    if (operation === 'ConciergeShop')
      return HttpResponse.json({
        data: { shop: { currencyCode: shop.currency, shopPolicies: shop.policies } },
        extensions: cost(2, 1998),
      });
    if (operation === 'ConciergeProducts') {
      if (shop.throttleNext) {
        shop.throttleNext = false;
        return HttpResponse.json({
          errors: [
            {
              message: 'Throttled',
              extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
            },
          ],
          extensions: cost(752, 40),
        });
      }
      const first = Number(variables.first);
      const variantsFirst = Number(variables.variants);
      const products = page(shop.products, first, variables.after, (p) => productNode(p, variantsFirst));
      return HttpResponse.json({ data: { products }, extensions: cost(752, 1248) });
    }
    if (operation === 'ConciergeProductVariants') {
      const p = shop.products.find((x) => gid('Product', x.id) === variables.id);
      const variants = p ? page(p.variants, Number(variables.first), variables.after, variantNode) : null;
      return HttpResponse.json({ data: { product: variants ? { variants } : null }, extensions: cost(302, 1698) });
    }
    return HttpResponse.json({ errors: [{ message: `unknown operation ${operation}` }] }, { status: 200 });
  });
}
