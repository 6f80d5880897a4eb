/** Planning another variant of a line the shopper has ("make it rust", "swap the <name> medium for a large"). */
import { normalizeOptionName } from '../../../catalog/search-filters.js';
import type { ProductSummary, VariantSummary } from '../../../catalog/types.js';
import type { CartLine } from '../../../tools/results.js';
import { variantsFitting } from './dialogue-state.js';
import { availableOptions } from './format.js';
import type { Memory } from './history.js';
import { escapeRegex, saysAny } from './normalize.js';
import type { PlanContext } from './plan-args.js';
import type { Plan, PlannedCall } from './plan-types.js';
import { titleWord } from './pick-among.js';
import type { Say } from './replies.js';
import { resolveCartLine } from './resolve-target.js';
import type { Understanding } from './understanding.js';

/**
 * "wait no, change that to rust", "can you change it to L?", "on second thought make it a 44": other
 * option values of the cart line under discussion, with a word of change, swap that line for the
 * variant with them (its other options and its count kept).
 */
export function planOptionChange(u: Understanding, memory: Memory, ctx: PlanContext): Plan | null {
  const cart = memory.cart;
  if (!cart?.items.length || !saysAny(u.raw, ctx.state.lexicon.optionChange)) return null;
  // "swap the <name> medium for a large": the one line whose title holds a word said, else the line under discussion.
  const titled = cart.items.filter((l) => u.queryWords.some((w) => titleWord(l.title, w)));
  const ref: ReturnType<typeof resolveCartLine> =
    titled.length === 1
      ? { kind: 'line', line: titled[0] }
      : resolveCartLine({ ...u, queryWords: [], links: { ...u.links, products: [] } }, memory, ctx.say);
  if (ref.kind !== 'line') return null;
  const line = ref.line;
  // "put the <other name> ones in honey in too": a title word of another product of the conversation, not this line's.
  const namesOther = u.queryWords.some(
    (w) =>
      !titleWord(line.title, w) &&
      [...memory.products.values()].some((p) => p.handle !== line.handle && titleWord(p.title, w)),
  );
  const others = namesOther || u.links.products.some((p) => p.handle !== line.handle);
  if (others || (u.links.type && !u.links.type.handles.has(line.handle))) return null;
  const change = variantChange(line, u, memory, ctx);
  if (change.kind === 'none') return null;
  // The line goes first, so a variant with those options must be known to be there to replace it:
  // the product's variants are looked up first when the conversation has not seen them.
  if (change.kind === 'need_product') {
    return { intent: 'cart_update', calls: [{ name: 'get_product', args: { handle: line.handle } }], prefetch: true };
  }
  if (change.kind === 'unavailable') return { intent: 'cart_update', text: change.text };
  return { intent: 'cart_update', calls: replaceLine(u, line, ctx, { handle: line.handle, options: change.options }) };
}

/**
 * The calls that put another product or variant in a cart line's place: the whole line, or one of its
 * several ("swap one of them for the purple one": one fewer of it, one of the other).
 */
export function replaceLine(
  u: Understanding,
  line: CartLine,
  ctx: PlanContext,
  incoming: { handle: string; options?: Record<string, string> },
): PlannedCall[] {
  const add = (quantity: number): PlannedCall => ({ name: 'add_to_cart', args: { ...incoming, quantity } });
  if (line.quantity > 1 && saysAny(u.raw, ctx.state.lexicon.oneOfThem))
    return [{ name: 'update_cart_item', args: { sku: line.sku, quantity: line.quantity - 1 } }, add(1)];
  return [{ name: 'remove_from_cart', args: { sku: line.sku } }, add(line.quantity)];
}

/** Another variant of a product a shopper already has (a cart or order line), as their words name it. */
export type VariantChange =
  | { kind: 'none' }
  | { kind: 'need_product' }
  | { kind: 'unavailable'; text: string }
  | { kind: 'variant'; options: Record<string, string>; variant: VariantSummary };

/**
 * The variant a message asks for instead of the one a line has ("make it rust", "swap it for a
 * size M"): the option values said that differ from the line's, its other options kept; in stock.
 */
export function variantChange(
  line: { handle: string; title: string; options: Record<string, string> },
  u: Understanding,
  memory: Memory,
  ctx: PlanContext,
): VariantChange {
  // The values it has now are what is being changed from ("mustard isn't my colour, make it rust"), in
  // any of their words ("medium" for M).
  const sizeWords = Object.entries(ctx.state.lexicon.sizes);
  const spoken = (v: string) => [
    v,
    ...sizeWords.filter(([, s]) => s.toLowerCase() === v.toLowerCase()).map(([w]) => w),
  ];
  const without = Object.values(line.options)
    .flatMap(spoken)
    .reduce(
      (text, v) => text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(v)}(?![\\p{L}\\p{N}])`, 'giu'), ' '),
      u.raw,
    );
  const said = ctx.state.reader.read(without, ctx.state.table(line.handle));
  const changed = Object.entries(said).filter(([n, v]) => {
    const now = Object.entries(line.options).find(([k]) => normalizeOptionName(k) === normalizeOptionName(n))?.[1];
    return now !== undefined && now.toLowerCase() !== v.toLowerCase();
  });
  // "change it to purple" for a product that has no purple: said so, the line kept.
  const current = Object.values(line.options).map((v) => v.toLowerCase());
  const unknown = changed.length ? [] : u.options.filter((o) => !current.includes(o.value.toLowerCase()));
  if (!changed.length && !unknown.length) return { kind: 'none' };
  const options = { ...line.options, ...Object.fromEntries(changed) };
  const product = memory.products.get(line.handle);
  if (!product) return { kind: 'need_product' };
  const replacement = changed.length && variantsFitting(product, { options, pick: null }).find((v) => v.inStock);
  // A filtered search showed only some of its variants: its own details say whether the one asked for exists.
  if (!replacement && changed.length && !seenInFull(memory, line.handle)) return { kind: 'need_product' };
  if (!replacement) return { kind: 'unavailable', text: keptAsItIs(ctx.say, line.title, product, changed, unknown) };
  return { kind: 'variant', options, variant: replacement };
}

/** Whether the conversation has a product's details with every variant (a search shows only those it matched). */
const seenInFull = (memory: Memory, handle: string) =>
  memory.events.some((e) => e.name === 'get_product' && e.result?.product?.handle === handle);

/** "X isn't available in purple, so I've kept it as it is. Available: …" */
function keptAsItIs(
  say: Say,
  title: string,
  product: ProductSummary,
  changed: [string, string][],
  unknown: { value: string }[],
): string {
  const wanted = changed.length
    ? say.list(
        changed.map(([name, value]) => say('format.option', { name: name.toLowerCase(), value })),
        'comma',
      )
    : say.list(
        unknown.map((o) => o.value),
        'comma',
      );
  const options = availableOptions(say, product);
  return options
    ? say('cart.keptUnavailableOptions', { title, wanted, options })
    : say('cart.keptUnavailable', { title, wanted });
}
