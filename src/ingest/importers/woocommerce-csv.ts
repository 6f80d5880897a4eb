import { productRecordSchema, variantRecordSchema, type VariantRecord } from '../../catalog/records.js';
import { cell, readCsvTable } from './csv-reader.js';
import { priceToMinor, shopCurrency, slugify, splitList, type ProductParseResult } from './shopify-csv.js';

const COLUMNS = {
  id: ['ID'],
  type: ['Type'],
  sku: ['SKU'],
  name: ['Name'],
  published: ['Published'],
  shortDescription: ['Short description'],
  description: ['Description'],
  inStock: ['In stock?'],
  stock: ['Stock'],
  salePrice: ['Sale price'],
  regularPrice: ['Regular price'],
  categories: ['Categories'],
  tags: ['Tags'],
  images: ['Images'],
  parent: ['Parent'],
} as const;
type Columns = Record<keyof typeof COLUMNS, number> & { attributes: Array<{ name: number; values: number }> };

export function isWooCommerceHeader(header: string[]): boolean {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  return ['id', 'type', 'sku', 'name'].every((n) => names.has(n));
}

interface Row {
  line: number;
  fields: string[];
}
interface Pending {
  row: Row;
  variations: Array<{ row: Row; variant: VariantRecord; options: Record<string, string> }>;
  /** Variant rows that could not be read (already reported). */
  failed: number;
}

/**
 * Parses WooCommerce's product export. Simple and external products become one-variant products;
 * a variable product collects its `variation` rows (Parent = "id:NN" or the parent's SKU). Grouped
 * products have no price of their own and are reported as skipped. The handle is the slugified SKU
 * (stable across exports), else the name.
 */
export function parseWooCommerceCsv(input: Uint8Array, opts: { currency?: string } = {}): ProductParseResult {
  const currency = shopCurrency(opts.currency);
  const result: ProductParseResult = { products: [], errors: [] };
  const opened = readCsvTable(input);
  if ('error' in opened) {
    result.errors.push({ line: opened.line, message: opened.error });
    return result;
  }
  const { table } = opened;
  const col: Columns = {
    ...table.columns(COLUMNS),
    attributes: table.header.flatMap((h) => {
      const n = /^attribute (\d+) name$/i.exec(h.trim())?.[1];
      return n
        ? [{ name: table.column([`Attribute ${n} name`]), values: table.column([`Attribute ${n} value(s)`]) }]
        : [];
    }),
  };

  const parents = new Map<string, Pending>();
  const variations: Row[] = [];
  for (const row of table.rows) {
    if ('error' in row) {
      result.errors.push({ line: row.line, message: row.error });
      continue;
    }
    const types = splitList(cell(row.fields, col.type).toLowerCase());
    if (types.includes('variation')) variations.push(row);
    else if (types.includes('grouped')) {
      result.errors.push({
        line: row.line,
        message: `grouped product "${cell(row.fields, col.name)}" skipped: it has no price of its own (its items import separately)`,
      });
    } else {
      const pending: Pending = { row, variations: [], failed: 0 };
      parents.set(`id:${cell(row.fields, col.id)}`, pending);
      if (cell(row.fields, col.sku)) parents.set(cell(row.fields, col.sku), pending);
      if (!types.includes('variable')) {
        const variant = readVariant(row, col, currency, {});
        if (typeof variant === 'string') {
          pending.failed++;
          result.errors.push({ line: row.line, message: `product "${cell(row.fields, col.name)}": ${variant}` });
        } else pending.variations.push({ row, variant, options: {} });
      }
    }
  }
  for (const row of variations) {
    const parentRef = cell(row.fields, col.parent);
    const parent = parents.get(parentRef);
    if (!parent) {
      result.errors.push({
        line: row.line,
        message: `variation "${cell(row.fields, col.name)}" skipped: its parent "${parentRef}" is not in the file`,
      });
      continue;
    }
    const options = attributesOf(row.fields, col, true);
    const variant = readVariant(row, col, currency, options);
    if (typeof variant === 'string') {
      parent.failed++;
      result.errors.push({ line: row.line, message: `variation "${cell(row.fields, col.name)}": ${variant}` });
    } else parent.variations.push({ row, variant, options });
  }
  for (const pending of new Set(parents.values())) finish(pending, col, result);
  return result;
}

function finish({ row, variations, failed }: Pending, col: Columns, result: ProductParseResult): void {
  const f = row.fields;
  if (variations.length === 0 && failed > 0) {
    result.errors.push({
      line: row.line,
      message: `product "${cell(f, col.name)}" skipped: none of its variants could be read`,
    });
    return;
  }
  // Attributes the variations set become options (at most three); the rest describe the product.
  const optionNames = [...new Set(variations.flatMap((v) => Object.keys(v.options)))].slice(0, 3);
  const attributes = attributesOf(f, col, false);
  for (const name of optionNames) delete attributes[name];
  // Several categories are comma-separated ("Hardware > Ladders, Sale"); the first one is the path.
  const category = cell(f, col.categories).split(',')[0] ?? '';
  const handle = slugify(cell(f, col.sku)) || slugify(cell(f, col.name)) || `product-${cell(f, col.id)}`;
  const parsed = productRecordSchema.safeParse({
    handle,
    title: cell(f, col.name),
    // The exporter writes line breaks as a literal "\n".
    descriptionHtml: (cell(f, col.description) || cell(f, col.shortDescription)).replaceAll('\\n', '\n'),
    categoryPath: category.split(/\s*>\s*/).filter(Boolean),
    tags: splitList(cell(f, col.tags)),
    attributes,
    images: splitList(cell(f, col.images)).slice(0, 50),
    status: cell(f, col.published) === '1' ? 'active' : 'draft',
    optionNames,
    variants: variations.map((v) => ({ ...v.variant, options: pick(v.options, optionNames) })),
  });
  if (parsed.success) result.products.push({ record: parsed.data, line: row.line });
  else
    for (const issue of parsed.error.issues) {
      result.errors.push({
        line: row.line,
        message: `product "${handle}": ${issue.path.join('.') || 'product'}: ${issue.message}`,
      });
    }
}

function readVariant(
  row: Row,
  col: Columns,
  currency: string,
  options: Record<string, string>,
): VariantRecord | string {
  const f = row.fields;
  const regularText = cell(f, col.regularPrice);
  const saleText = cell(f, col.salePrice);
  if (!regularText && !saleText) return 'price is missing';
  const regular = regularText ? priceToMinor(regularText, currency, 'regular price') : null;
  if (typeof regular === 'string') return regular;
  const sale = saleText ? priceToMinor(saleText, currency, 'sale price') : null;
  if (typeof sale === 'string') return sale;
  const stockText = cell(f, col.stock);
  if (stockText && !/^-?\d+$/.test(stockText)) return `stock "${stockText}" is not a whole number`;
  // Without a managed stock count, "In stock?" = 1 (or backorder) means available.
  const stock = stockText ? Math.max(0, Number(stockText)) : /^(1|backorder)$/i.test(cell(f, col.inStock)) ? 1 : 0;
  const parsed = variantRecordSchema.safeParse({
    sku: cell(f, col.sku) || `woo-${cell(f, col.id)}`,
    options,
    priceMinor: sale ?? regular,
    currency,
    compareAtPriceMinor: sale !== null && regular !== null && regular > sale ? regular : null,
    stock,
    image: splitList(cell(f, col.images))[0] ?? null,
  });
  return parsed.success
    ? parsed.data
    : parsed.error.issues.map((i) => `${i.path.join('.') || 'variant'}: ${i.message}`).join('; ');
}

/** Attribute name → value(s); a variation's empty value means "any" and is left out. */
function attributesOf(fields: string[], col: Columns, variation: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of col.attributes) {
    const name = cell(fields, a.name);
    const value = cell(fields, a.values);
    if (name && value) out[name] = variation ? value : splitList(value).join(', ');
  }
  return out;
}

function pick(options: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(names.filter((n) => n in options).map((n) => [n, options[n]]));
}
