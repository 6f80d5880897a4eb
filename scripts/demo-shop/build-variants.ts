import type { VariantRecord } from '../../src/catalog/records.js';
import { colorCode, optionCode } from './colors.js';
import type { Rng } from './prng.js';
import { apparelSizes, shoeSizes } from './sizes.js';
import type { Gender, OptionPlan } from './spec.js';

export interface VariantPlan {
  skuBase: string;
  plan: OptionPlan;
  gender: Gender | null;
  colors: string[];
  priceMinor: number;
  compareAtMinor: number | null;
  image: string;
  /** Every variant at zero stock. */
  soldOut: boolean;
}

interface Row {
  options: Record<string, string>;
  codes: string[];
  extraMinor: number;
}

const cross = (sizes: string[], colors: string[]): Row[] =>
  sizes.flatMap((size) =>
    colors.map((color) => ({
      options: { Size: size, Color: color },
      codes: [optionCode(size), colorCode(color)],
      extraMinor: 0,
    })),
  );

const requireColors = (colors: string[], kind: string): string[] => {
  if (colors.length === 0) throw new Error(`option plan "${kind}" needs colours`);
  return colors;
};

const rowsFor = (p: VariantPlan): { optionNames: string[]; rows: Row[] } => {
  const plan = p.plan;
  switch (plan.kind) {
    case 'shoe':
      // Shoes come as one colourway per listing, as most shoe shops sell them: the size is the only choice.
      return {
        optionNames: ['Size', 'Color'],
        rows: cross(shoeSizes(p.gender), requireColors(p.colors, plan.kind).slice(0, 1)),
      };
    case 'apparel':
      return {
        optionNames: ['Size', 'Color'],
        rows: cross(apparelSizes(p.gender), requireColors(p.colors, plan.kind)),
      };
    case 'color':
      return {
        optionNames: ['Color'],
        rows: requireColors(p.colors, plan.kind).map((color) => ({
          options: { Color: color },
          codes: [colorCode(color)],
          extraMinor: 0,
        })),
      };
    case 'size':
      if (plan.color)
        return { optionNames: ['Size', 'Color'], rows: cross(plan.values, requireColors(p.colors, plan.kind)) };
      return {
        optionNames: ['Size'],
        rows: plan.values.map((size) => ({ options: { Size: size }, codes: [optionCode(size)], extraMinor: 0 })),
      };
    case 'priced':
      return {
        optionNames: [plan.name],
        rows: plan.values.map(([value, extra]) => ({
          options: { [plan.name]: value },
          codes: [optionCode(value)],
          extraMinor: extra * 100,
        })),
      };
    case 'none':
      return { optionNames: [], rows: [{ options: {}, codes: [], extraMinor: 0 }] };
  }
};

/** Stock skews low, as in a real shop: many variants with a handful left, a few well stocked. */
const stockLevel = (r: Rng): number => (r.chance(0.12) ? 0 : 1 + Math.floor(r.next() ** 1.6 * 40));

export const buildVariants = (r: Rng, p: VariantPlan): { optionNames: string[]; variants: VariantRecord[] } => {
  const { optionNames, rows } = rowsFor(p);
  const variants = rows.map((row): VariantRecord => ({
    sku: [p.skuBase, ...row.codes].join('-'),
    options: row.options,
    priceMinor: p.priceMinor + row.extraMinor,
    ...(p.compareAtMinor === null ? {} : { compareAtPriceMinor: p.compareAtMinor + row.extraMinor }),
    currency: 'EUR',
    stock: p.soldOut ? 0 : stockLevel(r),
    image: p.image,
  }));
  return { optionNames, variants };
};
