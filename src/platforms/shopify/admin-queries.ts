/**
 * The Admin GraphQL queries of the catalog sync. Page sizes keep one page's calculated cost under
 * Shopify's single-query limit (1,000 points); a product with more variants pages through them.
 */
export const PRODUCTS_PAGE = 10;
export const VARIANTS_PAGE = 25;
export const MORE_VARIANTS_PAGE = 100;

const VARIANT_FIELDS = `
  id sku price compareAtPrice inventoryQuantity inventoryPolicy barcode
  selectedOptions { name value }
  image { url }
  inventoryItem { id tracked }`;

export const PRODUCTS_QUERY = `
query ConciergeProducts($first: Int!, $after: String, $variants: Int!) {
  products(first: $first, after: $after, sortKey: ID) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id handle title descriptionHtml vendor productType tags status
      options { name }
      images(first: 10) { nodes { url } }
      collections(first: 10) { nodes { title } }
      variants(first: $variants) {
        pageInfo { hasNextPage endCursor }
        nodes { ${VARIANT_FIELDS} }
      }
    }
  }
}`;

export const VARIANTS_QUERY = `
query ConciergeProductVariants($id: ID!, $first: Int!, $after: String) {
  product(id: $id) {
    variants(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { ${VARIANT_FIELDS} }
    }
  }
}`;

export const SHOP_QUERY = `
query ConciergeShop {
  shop {
    currencyCode
    shopPolicies { title body type url }
  }
}`;

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface VariantNode {
  id: string;
  sku: string | null;
  price: string;
  compareAtPrice: string | null;
  inventoryQuantity: number | null;
  inventoryPolicy: 'DENY' | 'CONTINUE' | string;
  barcode: string | null;
  selectedOptions: { name: string; value: string }[];
  image: { url: string } | null;
  inventoryItem: { id: string; tracked: boolean } | null;
}

export interface ProductNode {
  id: string;
  handle: string;
  title: string;
  descriptionHtml: string | null;
  vendor: string | null;
  productType: string | null;
  tags: string[];
  status: string;
  options: { name: string }[];
  images: { nodes: { url: string }[] };
  collections: { nodes: { title: string }[] };
  variants: { pageInfo: PageInfo; nodes: VariantNode[] };
}

export interface ProductsData {
  products: { pageInfo: PageInfo; nodes: ProductNode[] };
}

export interface VariantsData {
  product: { variants: { pageInfo: PageInfo; nodes: VariantNode[] } } | null;
}

export interface ShopData {
  shop: { currencyCode: string; shopPolicies: { title: string; body: string; type: string; url: string | null }[] };
}
