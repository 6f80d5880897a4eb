import type { Rng } from './prng.js';

export type Gender = 'men' | 'women' | 'unisex' | 'kids';

/** How a product's variants are laid out. */
export type OptionPlan =
  | { kind: 'shoe' }
  | { kind: 'apparel' }
  | { kind: 'color' }
  | { kind: 'size'; values: string[]; color?: boolean }
  /** One option whose values may cost extra, e.g. sleeping bag lengths: [value, extra euros]. */
  | { kind: 'priced'; name: string; values: [string, number][] }
  | { kind: 'none' };

export interface StyleContext {
  index: number;
  gender: Gender | null;
  material: string;
  waterproof: boolean;
  /** The chosen name suffix, e.g. "Hooded Down Jacket". */
  suffix: string;
}

/** One kind of product within a category, e.g. chelsea boots within boots. */
export interface StyleSpec {
  /** Stored as the `style` attribute; query rules match on it. */
  label: string;
  suffixes: string[];
  count: number;
  /** Euro price band; kids' products cost about two thirds. */
  price: [number, number];
  /** Cycled per product; omitted for things that have no gender. */
  genders?: Gender[];
  /** Consecutive products share a model as a men's and a women's version. */
  paired?: boolean;
  brands?: string[];
  materials: string[];
  colors: string[];
  colorCount?: [number, number];
  options: OptionPlan;
  seasons: string[];
  /** Probability of a waterproof model; omitted where waterproofing means nothing. */
  waterproof?: number;
  /** Appended to the model name of waterproof models, e.g. " WP". */
  waterproofMark?: string;
  /** Probability that a product without animal materials is labelled vegan. */
  vegan?: number;
  weight: [number, number, 'g' | 'kg'];
  attrs?: (r: Rng, ctx: StyleContext) => Record<string, string>;
  /** Attribute whose value names the product instead of the model words (e.g. a candle's scent). */
  nameFrom?: string;
  title?: (model: string, suffix: string, attrs: Record<string, string>) => string;
  tags: string[];
  intros: string[];
  features: string[];
}

export interface CategorySpec {
  /** SKU segment, e.g. "RUN". */
  code: string;
  path: [string, string];
  productType: string;
  brands: string[];
  /** One word is drawn from each list, e.g. "Tempo" + "Glide". */
  modelWords: string[][];
  versionChance?: number;
  uses: string[];
  closers: string[];
  styles: StyleSpec[];
}
