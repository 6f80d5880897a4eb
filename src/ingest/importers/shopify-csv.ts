import { ValidationError } from '../../errors.js';
import {
  currencySchema,
  productRecordSchema,
  variantRecordSchema,
  type ProductRecord,
  type VariantRecord,
} from '../../catalog/records.js';
import { cell, readCsvTable } from './csv-reader.js';

/** What a product importer returns: records with the line they start on, and one error per bad row or product. */
export interface ProductParseResult {
  products: Array<{ record: ProductRecord; line: number }>;
  errors: Array<{ line: number; message: string }>;
}

/**
 * Column names, matched case-insensitively: the classic export (Handle, Variant Price, …, used
 * until 2024 and by the Partners samples) first, then the 2024 template's names (URL handle, Price, …).
 */
const COLUMNS = {
  handle: ['Handle', 'URL handle'],
  title: ['Title'],
  body: ['Body (HTML)', 'Description'],
  vendor: ['Vendor'],
  category: ['Product Category'],
  type: ['Type'],
  tags: ['Tags'],
  published: ['Published', 'Published on online store'],
  status: ['Status'],
  sku: ['Variant SKU', 'SKU'],
  tracker: ['Variant Inventory Tracker', 'Inventory tracker'],
  qty: ['Variant Inventory Qty', 'Inventory quantity'],
  policy: ['Variant Inventory Policy', 'Continue selling when out of stock'],
  price: ['Variant Price', 'Price'],
  compareAt: ['Variant Compare At Price', 'Compare-at price'],
  barcode: ['Variant Barcode', 'Barcode'],
  image: ['Image Src', 'Product image URL'],
  imagePosition: ['Image Position'],
  variantImage: ['Variant Image', 'Variant image URL'],
  option1: ['Option1 Name'],
  value1: ['Option1 Value'],
  option2: ['Option2 Name'],
  value2: ['Option2 Value'],
  option3: ['Option3 Name'],
  value3: ['Option3 Value'],
} as const;
type Columns = Record<keyof typeof COLUMNS, number>;

export function isShopifyHeader(header: string[]): boolean {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  return (names.has('handle') || names.has('url handle')) && names.has('title');
}

interface PendingProduct {
  handle: string;
  line: number;
  first: string[];
  variantRows: number;
  variants: VariantRecord[];
  images: Array<{ src: string; position: number; order: number }>;
}

/**
 * Parses a Shopify product CSV. Rows sharing a Handle form one product; its first row carries the
 * product fields. Prices become minor units of `currency` (the CSV has none; default EUR).
 *
 * Stock: a variant whose inventory is tracked gets its quantity (negative counts, i.e. oversold,
 * become 0). Shopify sells untracked variants (blank "Variant Inventory Tracker") and variants
 * with policy "continue" regardless of count, so those get at least 1 and count as in stock.
 */
export function parseShopifyCsv(input: Uint8Array, opts: { currency?: string } = {}): ProductParseResult {
  const currency = shopCurrency(opts.currency);
  const result: ProductParseResult = { products: [], errors: [] };
  const opened = readCsvTable(input);
  if ('error' in opened) {
    result.errors.push({ line: opened.line, message: opened.error });
    return result;
  }
  const { table } = opened;
  const col: Columns = table.columns(COLUMNS);
  const products = new Map<string, PendingProduct | null>();

  for (const row of table.rows) {
    if ('error' in row) {
      result.errors.push({ line: row.line, message: row.error });
      continue;
    }
    const fields = row.fields;
    const handle = cell(fields, col.handle) || slugify(cell(fields, col.title));
    if (!handle) {
      result.errors.push({ line: row.line, message: 'the row has no Handle' });
      continue;
    }
    let product = products.get(handle);
    if (product === undefined) {
      product = cell(fields, col.title)
        ? { handle, line: row.line, first: fields, variantRows: 0, variants: [], images: [] }
        : null;
      products.set(handle, product);
      if (!product)
        result.errors.push({
          line: row.line,
          message: `product "${handle}" skipped: its first readable row has no Title`,
        });
    }
    if (product) addRow(product, fields, row.line, col, currency, result);
  }
  for (const product of products.values()) if (product) finish(product, col, result);
  return result;
}

function addRow(
  product: PendingProduct,
  fields: string[],
  line: number,
  col: Columns,
  currency: string,
  result: ProductParseResult,
): void {
  const src = cell(fields, col.image);
  if (src)
    product.images.push({
      src,
      position: Number(cell(fields, col.imagePosition)) || Infinity,
      order: product.images.length,
    });
  const isVariantRow =
    fields === product.first ||
    [col.price, col.sku, col.value1, col.value2, col.value3].some((i) => cell(fields, i) !== '');
  if (!isVariantRow) return; // a row that only adds an image
  const index = ++product.variantRows;
  const variant = readVariant(product, fields, index, col, currency);
  if (typeof variant === 'string')
    result.errors.push({ line, message: `product "${product.handle}", variant ${index}: ${variant}` });
  else product.variants.push(variant);
}

function readVariant(
  product: PendingProduct,
  fields: string[],
  index: number,
  col: Columns,
  currency: string,
): VariantRecord | string {
  const options: Record<string, string> = {};
  for (const { name, valueColumn } of optionColumns(product.first, col)) {
    const value = cell(fields, valueColumn);
    if (value) options[name] = value;
  }
  const priceText = cell(fields, col.price);
  if (!priceText) return 'price is missing';
  const price = priceToMinor(priceText, currency);
  if (typeof price === 'string') return price;
  const compareText = cell(fields, col.compareAt);
  const compareAt = compareText ? priceToMinor(compareText, currency, 'compare-at price') : null;
  if (typeof compareAt === 'string') return compareAt;
  const qtyText = cell(fields, col.qty);
  if (qtyText && !/^-?\d+$/.test(qtyText)) return `inventory quantity "${qtyText}" is not a whole number`;
  const qty = Math.max(0, Number(qtyText || 0));
  const untracked = col.tracker >= 0 ? cell(fields, col.tracker) === '' : col.qty < 0;
  const sellsWhenOut = /^(continue|true)$/i.test(cell(fields, col.policy));
  const parsed = variantRecordSchema.safeParse({
    sku: cell(fields, col.sku) || `${product.handle}-${index}`,
    options,
    priceMinor: price,
    currency,
    compareAtPriceMinor: compareAt || null,
    stock: untracked || sellsWhenOut ? Math.max(qty, 1) : qty,
    image: cell(fields, col.variantImage) || null,
    barcode: cell(fields, col.barcode) || null,
  });
  return parsed.success
    ? parsed.data
    : parsed.error.issues.map((i) => `${i.path.join('.') || 'variant'}: ${i.message}`).join('; ');
}

/**
 * Option columns named on the product's first row. "Title" = "Default Title" is Shopify's way of saying "no options".
 */
function optionColumns(first: string[], col: Columns): Array<{ name: string; valueColumn: number }> {
  if (cell(first, col.option1) === 'Title' && cell(first, col.value1) === 'Default Title') return [];
  return [
    { name: cell(first, col.option1), valueColumn: col.value1 },
    { name: cell(first, col.option2), valueColumn: col.value2 },
    { name: cell(first, col.option3), valueColumn: col.value3 },
  ].filter((o) => o.name !== '');
}

function finish(product: PendingProduct, col: Columns, result: ProductParseResult): void {
  if (product.variants.length === 0) {
    result.errors.push({
      line: product.line,
      message: `product "${product.handle}" skipped: none of its variants could be read`,
    });
    return;
  }
  const first = product.first;
  const type = cell(first, col.type);
  const category = cell(first, col.category);
  // Some exports hold a taxonomy id (gid://shopify/TaxonomyCategory/…) instead of the readable path.
  const categoryPath =
    category && !category.startsWith('gid://') ? category.split(/\s*>\s*/).filter(Boolean) : type ? [type] : [];
  const images = [...product.images].sort((a, b) => a.position - b.position || a.order - b.order).map((i) => i.src);
  const parsed = productRecordSchema.safeParse({
    handle: product.handle,
    title: cell(first, col.title),
    descriptionHtml: cell(first, col.body),
    vendor: cell(first, col.vendor),
    categoryPath,
    productType: type,
    tags: splitList(cell(first, col.tags)),
    // The schema's cap; Shopify allows more images than a shopping assistant needs.
    images: [...new Set(images)].slice(0, 50),
    status:
      cell(first, col.status).toLowerCase() ||
      (cell(first, col.published).toLowerCase() === 'false' ? 'draft' : 'active'),
    optionNames: optionColumns(first, col).map((o) => o.name),
    variants: product.variants,
  });
  if (parsed.success) result.products.push({ record: parsed.data, line: product.line });
  else
    for (const issue of parsed.error.issues) {
      result.errors.push({
        line: product.line,
        message: `product "${product.handle}": ${issue.path.join('.') || 'product'}: ${issue.message}`,
      });
    }
}

/** The shop currency, validated once: a bad one is a caller error, not a row error. */
export function shopCurrency(currency = 'EUR'): string {
  const parsed = currencySchema.safeParse(currency);
  if (!parsed.success)
    throw new ValidationError(
      'catalog:bad_currency',
      `Unknown shop currency "${currency}": use an ISO 4217 code such as EUR or USD.`,
    );
  return parsed.data;
}

/** ISO 4217 exponents: of the supported currencies only these have no minor unit. */
const ZERO_DECIMAL = new Set(['JPY', 'KRW']);

/**
 * A decimal price string ("42.99") in minor units (4299), computed on the digits so no float
 * rounding creeps in. Returns a message for anything that is not a plain non-negative decimal.
 */
export function priceToMinor(text: string, currency: string, label = 'price'): number | string {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m || (m[2] === '' && !m[3])) return `${label} "${text}" is not a number`;
  if (m[1]) return `${label} "${text}" must not be negative`;
  const digits = ZERO_DECIMAL.has(currency) ? 0 : 2;
  const fraction = m[3] ?? '';
  if (/[1-9]/.test(fraction.slice(digits))) return `${label} "${text}" has more decimals than ${currency} allows`;
  const minor = Number(m[2] || '0') * 10 ** digits + Number(fraction.slice(0, digits).padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : `${label} "${text}" is too large`;
}

/** "Made to Order, Shirt Tag" → ["Made to Order", "Shirt Tag"], without blanks or repeats. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/** A URL-safe handle: "Crème Brûlée Mug" → "creme-brulee-mug". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
