import { productRecordSchema, type ProductRecord } from '../../catalog/records.js';
import { decimalToMinor, safeHandle, skuOrStable, sortedUnique, uniqueSkus } from '../record-values.js';

/**
 * A Shopify product in one shape, whichever API it came from (Admin GraphQL in the sync, REST
 * webhook payloads), so the same product always becomes the same record and a webhook that changes
 * nothing leaves the catalog unchanged.
 */
export interface ShopifyProductInput {
  id: string;
  handle: string | null;
  title: string;
  descriptionHtml: string | null;
  vendor: string | null;
  productType: string | null;
  tags: string[];
  status: string;
  optionNames: string[];
  images: string[];
  /** Collection titles; they become the `collections` attribute (webhook payloads carry none). */
  collections: string[];
  variants: ShopifyVariantInput[];
}

export interface ShopifyVariantInput {
  id: string;
  sku: string | null;
  price: string | number;
  compareAtPrice: string | number | null;
  inventoryQuantity: number | null;
  /** False when Shopify does not track the inventory: it then sells regardless of count. */
  tracked: boolean;
  /** Inventory policy "continue": sold when out of stock. */
  continueSelling: boolean;
  barcode: string | null;
  options: { name: string; value: string }[];
  image: string | null;
  inventoryItemId: string | null;
}

const STATUSES: Record<string, ProductRecord['status']> = { active: 'active', draft: 'draft', archived: 'archived' };

/** A single-variant product's placeholder option ("Title: Default Title") is no option at all. */
const isPlaceholder = (o: { name: string; value: string }) => o.name === 'Title' && o.value === 'Default Title';

function stockOf(v: ShopifyVariantInput): number {
  const counted = Math.max(0, v.inventoryQuantity ?? 0);
  return !v.tracked || v.continueSelling ? Math.max(1, counted) : counted;
}

/** The catalog record of a Shopify product, or the reason it cannot be one. */
export function shopifyProductRecord(p: ShopifyProductInput, currency: string): ProductRecord | string {
  const variants = p.variants.map((v) => ({
    sku: skuOrStable(v.sku, 'shopify', v.id),
    options: Object.fromEntries(v.options.filter((o) => !isPlaceholder(o)).map((o) => [o.name, o.value])),
    priceMinor: decimalToMinor(v.price, currency) ?? 0,
    currency,
    compareAtPriceMinor: decimalToMinor(v.compareAtPrice, currency),
    stock: stockOf(v),
    image: v.image,
    barcode: v.barcode || null,
    platformId: v.id,
    inventoryItemId: v.inventoryItemId,
  }));
  const collections = sortedUnique(p.collections);
  const parsed = productRecordSchema.safeParse({
    handle: safeHandle(p.handle, 'shopify', p.id),
    title: p.title,
    descriptionHtml: p.descriptionHtml ?? '',
    vendor: p.vendor ?? '',
    productType: p.productType ?? '',
    tags: sortedUnique(p.tags),
    attributes: collections.length > 0 ? { collections: collections.join(', ') } : {},
    images: p.images,
    status: STATUSES[p.status.toLowerCase()] ?? 'draft',
    platformId: p.id,
    optionNames: p.optionNames.filter((n) => n !== 'Title' || variants.some((v) => 'Title' in v.options)),
    variants: uniqueSkus(variants),
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `${issue.path.join('.') || 'product'}: ${issue.message}`;
}
