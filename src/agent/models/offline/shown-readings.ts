/**
 * Readings of a message about the products shown or already in the conversation (which is the cheapest,
 * which one it names, a question over the list), and the answers made of them without a tool.
 */
import { stem } from '../../../catalog/terms.js';
import type { ProductSummary } from '../../../catalog/types.js';
import { answerAboutShown, rankedByFacet } from './answer-product.js';
import type { Memory } from './history.js';
import { saysAny } from './normalize.js';
import { factsOf } from './product-facts.js';
import { distinctiveOverlap } from './resolve-target.js';
import type { PlanContext } from './plan-args.js';
import type { Plan } from './plan-types.js';
import type { Understanding } from './understanding.js';

/**
 * The cheapest (or dearest) of the products shown when the message asks for it ("which one of
 * those is the cheapest?", "of the red ones, which is the very cheapest?", "which one is cheaper?"): among those of the
 * kind or with the words it names, if any, with the price order asked; null when it asks no such
 * thing or names a kind not shown.
 */
export function priceExtremeShown(
  u: Understanding,
  memory: Memory,
  ctx: PlanContext,
): { handle: string; sort: 'price_asc' | 'price_desc' } | null {
  const lx = ctx.state.lexicon;
  const { min, max } = lx.priceExtremes;
  // "which one is cheaper?": a comparative asked of the list is its extreme.
  const asksWhich = saysAny(u.raw, lx.plural);
  const lowest = saysAny(u.raw, min) || (asksWhich && saysAny(u.raw, lx.cheaper));
  if (
    (!lowest && !saysAny(u.raw, max) && !(asksWhich && saysAny(u.raw, lx.pricier))) ||
    memory.shown.length < 2 ||
    u.links.products.length ||
    u.price
  )
    return null;
  let pool = memory.shown;
  const type = u.links.type;
  if (type) {
    pool = pool.filter((p) => type.handles.has(p.handle));
    if (!pool.length) return null;
  }
  const words = u.queryWords.filter((w) => !type || !type.label.toLowerCase().includes(w)).map(stem);
  const described = pool.filter((p) => {
    const text = new Set(
      `${p.title} ${p.tags.join(' ')} ${p.description}`
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .map(stem),
    );
    return words.some((w) => text.has(w));
  });
  if (described.length) pool = described;
  const price = (p: (typeof pool)[number]) => p.price?.amount ?? 0;
  const best = [...pool].sort((a, b) => (lowest ? price(a) - price(b) : price(b) - price(a)))[0];
  return { handle: best.handle, sort: lowest ? 'price_asc' : 'price_desc' };
}

/**
 * Whether the message names exactly one product already in the conversation, by most of its name or by a kind the
 * shop has one product of ("and <kind>s for men?" asks for a kind, whatever the conversation holds).
 */
export function oneOfConversationNamed(u: Understanding, memory: Memory): boolean {
  const byName = u.links.products.filter((n) => n.coverage >= 0.75).map((n) => n.handle);
  const type = u.links.type?.handles;
  const named = new Set([...(type?.size === 1 ? type : []), ...byName]);
  return [...memory.products.keys()].filter((h) => named.has(h)).length === 1;
}

/** Whether the message names exactly one product of the list shown by its own title words ("does the <name> 10 …"). */
export function oneShownNamed(u: Understanding, memory: Memory): boolean {
  return memory.shown.filter((p) => distinctiveOverlap(p, u.queryWords) > 0).length === 1;
}

/** Whether the products shown are the last search's, not a recommendation's or one product's. */
export function listSearchedBy(memory: Memory): boolean {
  const last = memory.events.findLast((e) => e.name === 'search_products');
  const found: unknown = last?.result?.products;
  return memory.lastList === 'products' && Array.isArray(found) && found[0]?.handle === memory.shown[0]?.handle;
}

/**
 * "which of them is warmest?", "are any of those foldable?": a question over the list just shown,
 * answered from the products' data already in the conversation.
 */
export function planAboutShown(u: Understanding, memory: Memory, ctx: PlanContext): Plan | null {
  const lx = ctx.state.lexicon;
  const plural = saysAny(u.raw, lx.plural);
  // "which is lighter, the Quillon or the Brambleby?": two or more shown products named, compared.
  // Named alike: "the <name> <kind>" names another <kind> by half its name, not as a choice.
  const fullest = Math.max(0, ...u.links.products.map((n) => n.coverage));
  const named = new Set(u.links.products.filter((n) => n.coverage >= fullest - 0.25).map((n) => n.handle));
  const compared = memory.shown.filter((p) => named.has(p.handle));
  // "the $23.99 one, what's on the <part>?" chose one by its price: no comparison of those its words name.
  if (compared.length >= 2 && !u.ordinal) {
    const answer = answerAboutShown(ctx.say, compared, u, lx);
    // Their details first, so the shopper sees both as cards and the answer reads the shop's current data.
    const looked = new Set(memory.lastStep.filter((e) => e.name === 'get_product').map((e) => e.args.handle));
    const calls = compared.map((p) => ({ name: 'get_product', args: { handle: p.handle } }));
    if (answer && compared.some((p) => !looked.has(p.handle))) return { intent: 'product_info', calls, prefetch: true };
    if (answer) return { intent: 'product_info', text: answer };
  }
  // "is the 164.95 one lighter than the other?": with two shown, a comparative about one compares the two.
  if (memory.shown.length === 2 && rankedByFacet(memory.shown, u.raw, lx)) {
    const answer = answerAboutShown(ctx.say, memory.shown, u, lx);
    if (answer) return { intent: 'product_info', text: answer };
  }
  if (!plural || memory.shown.length < 2 || u.ordinal || u.links.products.length) return null;
  const answer = answerAboutShown(ctx.say, memory.shown, u, lx);
  return answer ? { intent: 'product_info', text: answer } : null;
}

/**
 * A product named apart from another counts when the message says at least this share of its name: one word
 * of it (a material asked about, glossed) names no second product.
 */
const NAMED_APART = 0.75;
/** A comparison lists at most this many of the attributes the products differ in. */
const COMPARED_FACTS = 4;

/**
 * "compare the <name> and the <name>", "is the <name> warmer than the <name>?": two or more products named
 * apart by their own name words, none of them on screen; their details are looked up, then compared on what
 * the question asks, else on the attributes they differ in.
 */
export function planNamedComparison(u: Understanding, memory: Memory, ctx: PlanContext): Plan | null {
  const picked: Understanding['links']['products'] = [];
  for (const n of [...u.links.products].sort((a, b) => b.distinctive - a.distinctive || b.coverage - a.coverage)) {
    const overlaps = picked.some((p) => n.start < p.end && p.start < n.end);
    if (!overlaps && n.distinctive > 0 && n.coverage >= NAMED_APART) picked.push(n);
  }
  if (picked.length < 2) return null;
  const handles = picked.sort((a, b) => a.start - b.start).map((n) => n.handle);
  const looked = new Map(
    memory.lastStep
      .filter((e) => e.name === 'get_product' && e.result?.product?.handle)
      .map((e) => [e.result.product.handle as string, e.result.product as ProductSummary]),
  );
  const products = handles.map((h) => looked.get(h)).filter((p): p is ProductSummary => !!p);
  if (products.length < handles.length)
    return {
      intent: 'product_info',
      calls: handles.map((handle) => ({ name: 'get_product', args: { handle } })),
      prefetch: true,
    };
  // A comparative or superlative ("warmer", "the lightest") or a price compares on that; else on their differences.
  const lx = ctx.state.lexicon;
  const onFacet = rankedByFacet(products, u.raw, lx) || u.aspect === 'price';
  const text = (onFacet ? answerAboutShown(ctx.say, products, u, lx) : null) ?? differences(ctx, products, u);
  return { intent: 'product_info', text };
}

/** Each product with its price and the attributes the products differ in, one line each. */
function differences(ctx: PlanContext, products: ProductSummary[], u: Understanding): string {
  const lx = ctx.state.lexicon;
  const attributes = products.map(
    (p) => new Map(factsOf(p, lx).flatMap((f) => (f.kind === 'attribute' ? [[f.label, f]] : []))),
  );
  // Those the question names first ("which one is foldable?").
  const said = new Set(u.words.map(stem));
  const named = (label: string) => attributes.some((a) => [...a.get(label)!.about].some((w) => said.has(w)));
  const differ = [...attributes[0].keys()]
    .filter(
      (label) => attributes.every((a) => a.has(label)) && new Set(attributes.map((a) => a.get(label)!.value)).size > 1,
    )
    .sort((a, b) => Number(named(b)) - Number(named(a)))
    .slice(0, COMPARED_FACTS);
  return products
    .map((p, i) => {
      const facts = differ.map((label) => `${label}: ${attributes[i].get(label)!.value}`);
      return ctx.say('shown.titled', { title: p.title, value: [ctx.say.money(p.price), ...facts].join(' · ') });
    })
    .join('\n');
}
