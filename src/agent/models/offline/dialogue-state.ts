import type { ProductSummary, VariantSummary } from '../../../catalog/types.js';
import { toMinor } from '../../../catalog/money.js';
import { optionValueMatches, optionValueOf } from '../../../catalog/search-filters.js';
import { productsOf, type Memory } from './history.js';
import { atPrice } from './price-choice.js';
import type { Lexicon } from './language-pack.js';
import { asksQuestion, saysAny } from './normalize.js';
import { createOptionReader, type OptionReader, type OptionTable } from './product-options.js';
import type { ShopIndex } from './shop-index.js';

/** What the shopper has said about one product's variant so far: options, a budget, the cheapest or dearest. */
export interface VariantWish {
  options: Record<string, string>;
  minPrice?: number;
  maxPrice?: number;
  pick: 'cheapest' | 'priciest' | null;
  /** A price said as the one wanted ("the $150 one"), in major units. */
  price?: number;
}

/**
 * The dialogue state about products, rebuilt from the transcript: for a product, the options the
 * shopper named while it was under discussion ("oak desk, large drawer" … "black with
 * adjustable arms then" → all four), the budget of the search that showed it, and the variants
 * known to fit. Later words override earlier ones for the same option.
 */
export function createDialogueState(memory: Memory, lx: Lexicon, index: ShopIndex | null, reader?: OptionReader) {
  const options = reader ?? createOptionReader(lx);

  /** The product's options as the shopper may name them: from its variants and the catalog. */
  function table(handle: string): OptionTable {
    const out: OptionTable = {};
    const product = memory.products.get(handle);
    const add = (name: string, value: string) => {
      const key = Object.keys(out).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
      const values = (out[key] ??= []);
      if (!values.includes(value)) values.push(value);
    };
    for (const v of product?.variants ?? []) for (const [name, value] of Object.entries(v.options)) add(name, value);
    for (const [name, values] of Object.entries(index?.byHandle(handle)?.options ?? {})) {
      for (const value of values) add(name, value);
    }
    return out;
  }

  /** Index of the first user message of the stretch of conversation about this product. */
  function discussedSince(handle: string): number {
    let start = memory.userIndex;
    for (const e of [...memory.events].reverse()) {
      const listed = productsOf(e);
      const involves =
        listed.some((p) => p.handle === handle) || e.args.handle === handle || e.result?.product?.handle === handle;
      if (involves) start = e.at;
      else if (listed.length) break;
    }
    const before = memory.userTurns.filter((t) => t.at < start).at(-1);
    return before ? before.at : start;
  }

  function wish(handle: string): VariantWish {
    const t = table(handle);
    const since = discussedSince(handle);
    const out: VariantWish = { options: {}, pick: null };
    const product = memory.products.get(handle);
    const titles = [product?.title, product?.originalTitle, index?.byHandle(handle)?.title];
    // Options only asked about ("is the navy one leather?"), not said again since.
    const asked = new Set<string>();
    for (const turn of memory.userTurns.filter((x) => x.at >= since)) {
      const said = options.read(withoutTitles(turn.text, titles), t);
      const asking = asksQuestion(turn.text);
      for (const name of Object.keys(said)) {
        if (asking) asked.add(name);
        else asked.delete(name);
      }
      Object.assign(out.options, said);
      if (saysAny(turn.text, lx.cheaper)) out.pick = 'cheapest';
      else if (saysAny(turn.text, lx.pricier)) out.pick = 'priciest';
    }
    const search = memory.events.filter((e) => e.name === 'search_products' && e.at >= since).at(-1);
    if (typeof search?.args.maxPrice === 'number') out.maxPrice = search.args.maxPrice;
    if (typeof search?.args.minPrice === 'number') out.minPrice = search.args.minPrice;
    // …are no wish when no variant has them with the rest: the answer was no.
    if (product?.variants?.length && asked.size && !variantsFitting(product, out).length) {
      for (const name of asked) delete out.options[name];
    }
    return out;
  }

  return { table, wish, reader: options, lexicon: lx, index };
}

export type DialogueState = ReturnType<typeof createDialogueState>;

/**
 * A message without a product's titles where it quotes one whole: "the Tide Pebble Cup" names the
 * product, not its colour Pebble.
 */
export function withoutTitles(text: string, titles: (string | undefined)[]): string {
  let out = text;
  for (const title of titles) {
    const at = title && title.length > 3 ? out.toLowerCase().indexOf(title.toLowerCase()) : -1;
    if (at >= 0) out = `${out.slice(0, at)} ${out.slice(at + title!.length)}`;
  }
  return out;
}

/** The variants of a product that fit a wish (options, budget in major units), in stock first, cheapest first. */
export function variantsFitting(p: ProductSummary, w: VariantWish): VariantSummary[] {
  const fits = p.variants.filter(
    (v) =>
      Object.entries(w.options).every(([n, value]) => {
        const actual = optionValueOf(v.options, n);
        return actual === undefined || optionValueMatches(actual, value);
      }) &&
      (w.maxPrice === undefined || v.price.amount <= toMinor(w.maxPrice, v.price.currency)) &&
      (w.minPrice === undefined || v.price.amount >= toMinor(w.minPrice, v.price.currency)),
  );
  return fits.sort((a, b) => Number(b.inStock) - Number(a.inStock) || a.price.amount - b.price.amount);
}

/** The one variant a wish points at: the only one that fits, or the cheapest/dearest asked for; else null. */
export function chosenVariant(p: ProductSummary, w: VariantWish): VariantSummary | null {
  const fits = variantsFitting(p, w);
  const available = fits.filter((v) => v.inStock);
  const pool = available.length ? available : fits;
  if (pool.length === 1) return pool[0];
  const priced = w.price === undefined ? [] : pool.filter((v) => atPrice(v.price, w.price!));
  if (priced.length === 1) return priced[0];
  if (!pool.length || !w.pick) return null;
  const sorted = [...pool].sort((a, b) => a.price.amount - b.price.amount);
  return w.pick === 'cheapest' ? sorted[0] : sorted.at(-1)!;
}
