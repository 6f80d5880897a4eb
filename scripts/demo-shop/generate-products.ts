import type { ProductRecord } from '../../src/catalog/records.js';
import { buildVariants } from './build-variants.js';
import { CATEGORY_SPECS } from './category-specs.js';
import { capitalize, describeProduct, inSentence } from './product-description.js';
import { compareAtPrice, priceInBand } from './prices.js';
import { createRng, type Rng } from './prng.js';
import type { CategorySpec, Gender, StyleSpec } from './spec.js';

const GENDER_PREFIX: Record<Gender, string> = { men: "Men's ", women: "Women's ", kids: "Kids' ", unisex: '' };
const ANIMAL = /(?<!vegan )leather(?!-free)|suede|nubuck|wool|merino|\bdown\b|beeswax|shearling/i;

interface ProductBase {
  model: string;
  suffix: string;
  brand: string;
  material: string;
  attrs: Record<string, string>;
  waterproof: boolean | null;
  vegan: boolean | null;
  priceMinor: number;
  compareAtMinor: number | null;
}

export const slugify = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const formatWeight = (grams: number): string =>
  grams >= 1000 ? `${(grams / 1000).toFixed(1)} kg` : `${Math.round(grams / 5) * 5} g`;

const createNamer = (spec: CategorySpec, r: Rng): (() => string) => {
  const used = new Set<string>();
  return () => {
    for (let attempt = 0; attempt < 500; attempt++) {
      let name = spec.modelWords
        .map((words) => r.pick(words))
        .filter(Boolean)
        .join(' ');
      if (spec.versionChance && r.chance(spec.versionChance)) name += ` ${r.int(2, 5)}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
    throw new Error(`ran out of model names for ${spec.code}`);
  };
};

const makeBase = (
  spec: CategorySpec,
  style: StyleSpec,
  r: Rng,
  nextName: () => string,
  index: number,
  gender: Gender | null,
): ProductBase => {
  const brand = r.pick(style.brands ?? spec.brands);
  const material = r.pick(style.materials);
  const waterproof = style.waterproof === undefined ? null : r.chance(style.waterproof);
  const weight = formatWeight(style.weight[0] + r.next() * (style.weight[1] - style.weight[0]));
  const suffix = r.pick(style.suffixes);
  const attrs: Record<string, string> = {
    weight,
    ...(style.attrs?.(r, { index, gender, material, waterproof: waterproof === true, suffix }) ?? {}),
  };
  const animal = ANIMAL.test([material, attrs.insulation ?? '', attrs.lining ?? ''].join(' '));
  const vegan = style.vegan === undefined ? null : !animal && r.chance(style.vegan);
  const named = style.nameFrom ? attrs[style.nameFrom] : nextName();
  const model = waterproof && style.waterproofMark ? `${named}${style.waterproofMark}` : named;
  const priceMinor = priceInBand(style.price, r, gender === 'kids' ? 0.65 : 1);
  const compareAtMinor = r.chance(0.12) ? compareAtPrice(priceMinor, r) : null;
  return { model, suffix, brand, material, attrs, waterproof, vegan, priceMinor, compareAtMinor };
};

const SEASONLESS_TOP_LEVELS = new Set(['Bags', 'Outdoor gear', 'Home & living']);

const seasonTags = (season: string): string[] => {
  if (season === 'All season') return [];
  return /season/i.test(season) ? [season.toLowerCase()] : season.toLowerCase().split('/');
};

const buildTags = (r: Rng, style: StyleSpec, base: ProductBase, gender: Gender | null, season: string): string[] => {
  const tags = [...style.tags, ...(gender ? [gender] : []), ...seasonTags(season)];
  if (base.waterproof) tags.push('waterproof');
  if (base.vegan) tags.push('vegan');
  for (const word of ['recycled', 'organic', 'merino', 'linen']) if (base.material.includes(word)) tags.push(word);
  if (base.compareAtMinor !== null) tags.push('sale');
  if (r.chance(0.1)) tags.push('new');
  if (r.chance(0.08)) tags.push('bestseller');
  return [...new Set(tags)];
};

const buildProduct = (
  spec: CategorySpec,
  style: StyleSpec,
  base: ProductBase,
  gender: Gender | null,
  seq: number,
  r: Rng,
): ProductRecord => {
  const product = style.title ? style.title(base.model, base.suffix, base.attrs) : `${base.model} ${base.suffix}`;
  const title = `${gender ? GENDER_PREFIX[gender] : ''}${product}`;
  const handle = slugify(title);
  const image = `/images/products/${handle}.svg`;
  const season = r.pick(style.seasons);
  const [minColors, maxColors] = style.colorCount ?? [2, 3];
  const colors = style.colors.length > 0 ? r.sample(style.colors, r.int(minColors, maxColors)) : [];
  const { weight, ...details } = base.attrs;
  const attributes: Record<string, string> = {
    ...(gender ? { gender } : {}),
    style: style.label,
    material: capitalize(base.material),
    ...details,
    ...(season === 'All season' && SEASONLESS_TOP_LEVELS.has(spec.path[0]) ? {} : { season }),
    ...(base.waterproof === null ? {} : { waterproof: base.waterproof ? 'yes' : 'no' }),
    ...(base.vegan === null ? {} : { vegan: base.vegan ? 'yes' : 'no' }),
    weight,
  };
  const vars: Record<string, string> = {
    ...Object.fromEntries(Object.entries(attributes).map(([key, value]) => [key, inSentence(value)])),
    name: base.model,
    product,
    brand: base.brand,
    material: base.material,
    weight,
  };
  const { optionNames, variants } = buildVariants(r, {
    skuBase: `AP-${spec.code}-${String(seq).padStart(4, '0')}`,
    plan: style.options,
    gender,
    colors,
    priceMinor: base.priceMinor,
    compareAtMinor: base.compareAtMinor,
    image,
    soldOut: r.chance(0.015),
  });
  return {
    kind: 'product',
    handle,
    title,
    status: 'active',
    vendor: base.brand,
    productType: spec.productType,
    categoryPath: [...spec.path],
    tags: buildTags(r, style, base, gender, season),
    attributes,
    descriptionHtml: describeProduct(r, spec, style, vars),
    images: [image],
    optionNames,
    variants,
  };
};

const generateCategory = (spec: CategorySpec): ProductRecord[] => {
  const r = createRng(`products:${spec.code}`);
  const nextName = createNamer(spec, r);
  const products: ProductRecord[] = [];
  for (const style of spec.styles) {
    let base: ProductBase | null = null;
    for (let i = 0; i < style.count; i++) {
      const gender = style.genders ? style.genders[i % style.genders.length] : null;
      if (!base || !style.paired || i % 2 === 0) base = makeBase(spec, style, r, nextName, i, gender);
      products.push(buildProduct(spec, style, base, gender, products.length + 1, r));
    }
  }
  return products;
};

/** A few products that are not for sale: drafts being prepared and archived older models. */
const markInactive = (products: ProductRecord[]): void => {
  const r = createRng('products:status');
  r.sample(
    products.map((_, i) => i),
    6,
  ).forEach((index, n) => {
    products[index].status = n < 3 ? 'draft' : 'archived';
  });
};

const assertUnique = (values: string[], what: string): void => {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new Error(`duplicate ${what}: ${value}`);
    seen.add(value);
  }
};

export const generateProducts = (): ProductRecord[] => {
  const products = CATEGORY_SPECS.flatMap(generateCategory);
  markInactive(products);
  assertUnique(
    products.map((p) => p.handle),
    'handle',
  );
  assertUnique(
    products.flatMap((p) => p.variants.map((v) => v.sku)),
    'SKU',
  );
  return products;
};
