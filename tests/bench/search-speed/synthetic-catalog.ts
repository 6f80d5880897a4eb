import type { ProductRecord, VariantRecord } from '../../../src/catalog/records.js';
import { BRANDS, CATEGORIES, COLOURS, MISC_SENTENCES, MODEL_NAMES, type CategorySpec } from './vocabulary.js';

/** mulberry32: a small, fast, seeded PRNG; the same seed always gives the same sequence. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Rng = () => number;
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const capitalize = (s: string) =>
  s.replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function sample<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]);
  return out;
}

function variants(
  rng: Rng,
  c: CategorySpec,
  handle: string,
  basePrice: number,
  colour: string,
): { optionNames: string[]; variants: VariantRecord[] } {
  const count = int(rng, 1, 6);
  const sizes = c.sizes.length > 0 ? sample(rng, c.sizes, Math.min(count, c.sizes.length)) : [];
  const colours = c.colours
    ? [
        colour,
        ...sample(
          rng,
          COLOURS.filter((x) => x !== colour),
          2,
        ),
      ]
    : [];
  const optionNames = [...(sizes.length > 0 ? ['Size'] : []), ...(colours.length > 0 ? ['Color'] : [])];
  const combos: Record<string, string>[] = [];
  for (const size of sizes.length > 0 ? sizes : [undefined]) {
    for (const col of colours.length > 0 ? colours : [undefined]) {
      combos.push({ ...(size ? { Size: size } : {}), ...(col ? { Color: col } : {}) });
    }
  }
  const chosen = optionNames.length === 0 ? [{}] : sample(rng, combos, count);
  const onSale = rng() < 0.15;
  return {
    optionNames,
    variants: chosen.map((options, k) => {
      // Bigger sizes sometimes cost a little more; a sale shows the old price.
      const price = Math.round((basePrice * (1 + 0.05 * int(rng, 0, 2))) / 100) * 100 - 5;
      return {
        sku: `${handle}-${k + 1}`.toUpperCase(),
        options,
        priceMinor: price,
        currency: 'EUR',
        compareAtPriceMinor: onSale ? Math.round(price * 1.25) : null,
        stock: rng() < 0.2 ? 0 : int(rng, 1, 120),
        image: null,
        barcode: null,
      };
    }),
  };
}

/**
 * The i-th synthetic product of a catalog: deterministic in (seed, i), so any slice can be
 * generated on its own. Titles, descriptions and tags are composed from category templates,
 * brands, colours and materials; 1–6 variants with Size/Color options; about 1 in 5 variants out of stock.
 */
export function syntheticProduct(i: number, seed = 1): ProductRecord {
  const rng = prng(Math.imul(seed, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b));
  const c = pick(rng, CATEGORIES);
  const brand = pick(rng, BRANDS);
  const model = `${pick(rng, MODEL_NAMES)}${rng() < 0.5 ? ` ${int(rng, 2, 9)}` : ''}`;
  const noun = pick(rng, c.nouns);
  const adjective = pick(rng, c.adjectives);
  const material = pick(rng, c.materials);
  const colour = pick(rng, COLOURS);
  const use = pick(rng, c.uses);
  const [f1, f2, f3] = sample(rng, c.features, 3);
  const title = capitalize(
    `${brand} ${model} ${rng() < 0.6 ? `${adjective} ` : ''}${rng() < 0.5 ? `${material} ` : ''}${noun}`,
  );
  const handle = `${slug(title)}-${i + 1}`;
  const basePrice = int(rng, c.price[0] / 100, c.price[1] / 100) * 100;
  const { optionNames, variants: vs } = variants(rng, c, handle, basePrice, colour);
  const sentences = [
    `The ${model} is a ${adjective} ${noun} made from ${material}, built for ${use}.`,
    `It comes with ${f1} and ${f2}${f3 ? `, plus ${f3}` : ''}.`,
    rng() < 0.5 ? `${brand} makes it for ${pick(rng, c.uses)} as much as for ${use}.` : '',
    pick(rng, MISC_SENTENCES),
    rng() < 0.4 ? pick(rng, MISC_SENTENCES) : '',
  ].filter(Boolean);
  return {
    handle,
    title,
    descriptionHtml: `<p>${sentences.join(' ')}</p><ul>${[f1, f2, f3]
      .filter(Boolean)
      .map((f) => `<li>${capitalize(f)}</li>`)
      .join('')}</ul>`,
    vendor: brand,
    categoryPath: c.path,
    productType: c.productType,
    tags: [
      ...new Set([
        ...sample(rng, c.tags, int(rng, 1, 3)),
        ...(rng() < 0.1 ? ['gift'] : []),
        ...(rng() < 0.1 ? ['new'] : []),
      ]),
    ],
    attributes: { Material: capitalize(material), ...(c.colours ? {} : { Color: colour }) },
    images: [`https://cdn.example.com/products/${handle}.jpg`],
    status: rng() < 0.02 ? 'draft' : 'active',
    optionNames,
    variants: vs,
  };
}

/** Products [from, to) of the synthetic catalog. */
export function syntheticProducts(from: number, to: number, seed = 1): ProductRecord[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => syntheticProduct(from + k, seed));
}
