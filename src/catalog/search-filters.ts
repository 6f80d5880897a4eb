import type { SearchFilters, VariantSummary } from './types.js';

/** Option names compare case-insensitively, with British and American spellings as one. */
export function normalizeOptionName(name: string): string {
  const n = name.trim().toLowerCase();
  return n === 'colour' ? 'color' : n;
}

/** Does an option value match the wanted one? Whole value or one of its words: "black" matches "Black/White". */
export function optionValueMatches(actual: string, wanted: string): boolean {
  const a = actual.trim().toLowerCase();
  const w = wanted.trim().toLowerCase();
  return a === w || a.split(/[^\p{L}\p{N}.]+/u).includes(w);
}

/** A variant's value for an option name, whatever its case or spelling (Colour/Color). */
export function optionValueOf(options: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(options).find((k) => normalizeOptionName(k) === normalizeOptionName(name));
  return key === undefined ? undefined : options[key];
}

/** The variant a product is priced by: the cheapest in stock, else the cheapest. */
export function cheapestVariant<V extends Pick<VariantSummary, 'price' | 'inStock'>>(variants: V[]): V {
  return [...variants].sort((a, b) => Number(b.inStock) - Number(a.inStock) || a.price.amount - b.price.amount)[0];
}

/** Does a title name an option value as words of its own ("Gold" in "Brambleby Gold Quillon")? */
function titleNames(title: string, wanted: string): boolean {
  const words = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}.]+/gu, ' ')
      .trim();
  return ` ${words(title)} `.includes(` ${words(wanted)} `);
}

/**
 * Does a variant satisfy the variant-level filters (price, stock, options)? Mirrors `filterSql`.
 * An option filter holds for a variant with that option set to the value, or, for a product
 * without that option at all, when its title names the value (a quillon called "… Gold …"
 * whose only option is its length is a gold quillon) or one of its tags is the value (a brooch
 * with no options, tagged "Gold").
 */
export function variantMatches(
  v: Pick<VariantSummary, 'options' | 'price' | 'inStock'>,
  f: SearchFilters,
  title = '',
  tags: readonly string[] = [],
): boolean {
  if (f.minPriceMinor !== undefined && v.price.amount < f.minPriceMinor) return false;
  if (f.maxPriceMinor !== undefined && v.price.amount > f.maxPriceMinor) return false;
  if (f.inStock && !v.inStock) return false;
  for (const [name, wanted] of Object.entries(f.options ?? {})) {
    const actual = optionValueOf(v.options, name);
    const tagged = () => tags.some((t) => t.trim().toLowerCase() === wanted.trim().toLowerCase());
    if (actual === undefined ? !titleNames(title, wanted) && !tagged() : !optionValueMatches(actual, wanted)) {
      return false;
    }
  }
  return true;
}

/**
 * SQL conditions on `products p` for the filters, with their parameters numbered from `offset`.
 * Variant-level filters become one EXISTS, so a product matches only if one variant meets them all.
 */
export function filterSql(f: SearchFilters, offset: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${offset + params.length}`;
  };
  const where = [`p.status = 'active'`];
  if (f.category) {
    const c = p(f.category.trim().toLowerCase());
    where.push(
      `(lower(p.product_type) = ${c} OR EXISTS (SELECT 1 FROM unnest(p.category_path) cp WHERE lower(cp) = ${c}))`,
    );
  }
  if (f.vendor) where.push(`lower(p.vendor) = ${p(f.vendor.trim().toLowerCase())}`);
  if (f.tags && f.tags.length > 0) {
    where.push(
      `(SELECT count(*) FROM unnest(p.tags) t WHERE lower(t) = ANY(${p(f.tags.map((t) => t.toLowerCase()))}::text[])) >= ${f.tags.length}`,
    );
  }
  if (f.anyTags && f.anyTags.length > 0) {
    where.push(
      `EXISTS (SELECT 1 FROM unnest(p.tags) t WHERE lower(t) = ANY(${p(f.anyTags.map((t) => t.toLowerCase()))}::text[]))`,
    );
  }
  if (f.excludeHandles && f.excludeHandles.length > 0)
    where.push(`NOT (p.handle = ANY(${p(f.excludeHandles)}::text[]))`);
  if (f.handles) where.push(`p.handle = ANY(${p(f.handles)}::text[])`);

  const vconds: string[] = [];
  if (f.minPriceMinor !== undefined) vconds.push(`v.price_minor >= ${p(f.minPriceMinor)}`);
  if (f.maxPriceMinor !== undefined) vconds.push(`v.price_minor <= ${p(f.maxPriceMinor)}`);
  if (f.inStock) vconds.push('v.stock > 0');
  const words = (sql: string) => `' ' || trim(regexp_replace(lower(${sql}), '[^[:alnum:].]+', ' ', 'g')) || ' '`;
  for (const [name, value] of Object.entries(f.options ?? {})) {
    const n = p(normalizeOptionName(name));
    const val = p(value.trim().toLowerCase());
    const key = `regexp_replace(lower(o.key), '^colour$', 'color') = ${n}`;
    vconds.push(
      `(EXISTS (SELECT 1 FROM jsonb_each_text(v.options) o WHERE ${key}
         AND (lower(o.value) = ${val} OR ${val} = ANY(regexp_split_to_array(lower(o.value), '[^[:alnum:].]+'))))
        OR (NOT EXISTS (SELECT 1 FROM jsonb_each_text(v.options) o WHERE ${key})
         AND (position(${words(val)} in ${words('p.title')}) > 0
           OR EXISTS (SELECT 1 FROM unnest(p.tags) t WHERE lower(trim(t)) = ${val}))))`,
    );
  }
  if (vconds.length > 0)
    where.push(`EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id AND ${vconds.join(' AND ')})`);
  return { sql: where.join(' AND '), params };
}
