import type { FeedRow } from '../../catalog/feed-rows.js';
import { plainPrice } from '../../catalog/money.js';
import { normalizeOptionName } from '../../catalog/search-filters.js';
import type { ShopLinks } from '../../catalog/shop-links.js';

/** The Agentic Commerce Protocol feed's columns, in the order the CSV has them. */
export const ACP_FIELDS = [
  'item_id',
  'item_group_id',
  'title',
  'description',
  'link',
  'image_link',
  'price',
  'sale_price',
  'availability',
  'inventory_quantity',
  'brand',
  'gtin',
  'mpn',
  'color',
  'size',
  'seller_name',
  'store_country',
  'target_countries',
  'return_policy',
  'return_window',
  'is_eligible_search',
  'is_eligible_checkout',
] as const;

export type AcpItem = Partial<Record<(typeof ACP_FIELDS)[number], string | number | boolean | string[]>>;

/** What the feed says about the seller, the same on every line. */
export interface AcpSeller {
  name: string;
  country: string | null;
  targetCountries: string[];
  returnPolicyUrl: string | null;
  returnWindowDays: number | null;
}

const DESCRIPTION_MAX = 5_000;
const GTIN = /^(\d{8}|\d{12,14})$/;

function optionOf(options: Record<string, string>, name: string): string | undefined {
  return Object.entries(options).find(([n]) => normalizeOptionName(n) === name)?.[1];
}

/** A sale shows the regular price as `price` and what it costs now as `sale_price`. */
function prices(row: FeedRow): Pick<AcpItem, 'price' | 'sale_price'> {
  const now = plainPrice(row.price_minor, row.currency);
  if (row.compare_at_minor === null || row.compare_at_minor <= row.price_minor) return { price: now };
  return { price: plainPrice(row.compare_at_minor, row.currency), sale_price: now };
}

/** One variant as a feed item; fields we do not know (a GTIN, an MPN) are left out. */
export function acpItem(row: FeedRow, seller: AcpSeller, links: ShopLinks): AcpItem {
  const image = links.absolute(row.image ?? row.images[0] ?? null);
  const item: AcpItem = {
    item_id: row.sku,
    item_group_id: row.handle,
    title: row.title,
    description: row.description.slice(0, DESCRIPTION_MAX),
    link: links.product({ handle: row.handle, title: row.title, platformId: row.product_platform_id }),
    ...(image ? { image_link: image } : {}),
    ...prices(row),
    availability: row.stock > 0 ? 'in_stock' : 'out_of_stock',
    inventory_quantity: row.stock,
    brand: row.vendor,
    ...(row.barcode && GTIN.test(row.barcode) ? { gtin: row.barcode } : {}),
    color: optionOf(row.options, 'color'),
    size: optionOf(row.options, 'size'),
    seller_name: seller.name,
    store_country: seller.country ?? undefined,
    target_countries: seller.targetCountries.length ? seller.targetCountries : undefined,
    return_policy: seller.returnPolicyUrl ?? undefined,
    return_window: seller.returnWindowDays ?? undefined,
    is_eligible_search: true,
    is_eligible_checkout: false,
  };
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined && v !== ''));
}

/** A CSV cell: quoted when it holds a comma, a quote or a line break; quotes doubled. */
function csvCell(v: AcpItem[keyof AcpItem]): string {
  const s = v === undefined ? '' : Array.isArray(v) ? v.join(',') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const acpCsvHeader = () => `${ACP_FIELDS.join(',')}\r\n`;
export const acpCsvLine = (item: AcpItem) => `${ACP_FIELDS.map((f) => csvCell(item[f])).join(',')}\r\n`;
export const acpJsonLine = (item: AcpItem) => `${JSON.stringify(item)}\n`;
