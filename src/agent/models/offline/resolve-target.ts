import type { ProductSummary, VariantSummary } from '../../../catalog/types.js';
import { normalizeOptionName } from '../../../catalog/search-filters.js';
import { stem, tokens } from '../../../catalog/terms.js';
import type { CartLine } from '../../../tools/results.js';
import { listCart, listProducts } from './format.js';
import { asksQuestion } from './normalize.js';
import { carries, chosenBy, describes, pick } from './pick-among.js';
import { type Memory, previousEvent } from './history.js';
import { orderedAgain, orderedProduct } from './order-lines.js';
import type { Say } from './replies.js';
import type { ShopIndex } from './shop-index.js';
import type { ProductMention } from './shop-links.js';
import type { Understanding } from './understanding.js';

/** What "it", "the second one", "the blue one", "the cheaper one" or a product's name points at. */
export type Target =
  | { kind: 'product'; handle: string; product?: ProductSummary }
  /** Several products fit: ask which, never guess. */
  | { kind: 'ask'; text: string }
  /** Product words that name nothing shown or known: the caller may search for them. */
  | { kind: 'words'; words: string }
  | { kind: 'none' };

export type LineTarget =
  { kind: 'line'; line: CartLine } | { kind: 'all' } | { kind: 'need_cart' } | { kind: 'ask'; text: string };

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
const which = (say: Say, ps: ProductSummary[]) => say('ask.whichOne', { list: listProducts(say, ps) });

/** Whether the product in focus was asked about after the last list was shown. */
export function askedAboutLast(memory: Memory): boolean {
  const events = memory.events;
  const details = events.findLastIndex((e) => e.name === 'get_product' && e.args.handle === memory.focus);
  const list = events.findLastIndex((e) => e.name === 'search_products' || e.name === 'recommend_products');
  return details >= 0 && details > list;
}

/** The products looked at one by one (their details shown), in the order they were first shown. */
function viewedInOrder(memory: Memory): ProductSummary[] {
  const handles = memory.events.filter((e) => e.name === 'get_product').map((e) => e.args.handle);
  const seen = [...new Set(handles.filter((h): h is string => typeof h === 'string'))];
  return seen.map((h) => memory.products.get(h)).filter((p): p is ProductSummary => !!p);
}

/**
 * "the one before that": the product looked at before the one in focus (the conversation's order),
 * else the one listed just before it; null when there is none.
 */
function viewedBefore(memory: Memory): ProductSummary | null {
  const focus = memory.focus;
  if (!focus) return null;
  const viewed = memory.events.filter((e) => e.name === 'get_product').map((e) => e.args.handle);
  const handle = viewed.findLast((h) => typeof h === 'string' && h !== focus && memory.products.has(h));
  if (typeof handle === 'string') return memory.products.get(handle) ?? null;
  const at = memory.shown.findIndex((p) => p.handle === focus);
  return at > 0 ? memory.shown[at - 1] : null;
}

/** The product of an add refused just before whose offered variants have every option value the message names. */
export function refusedOffering(u: Understanding, memory: Memory): string | null {
  const e = previousEvent(memory);
  if (e?.name !== 'add_to_cart' || e.result?.ok !== false || typeof e.args.handle !== 'string') return null;
  const offered: VariantSummary[] = Array.isArray(e.result.alternatives) ? e.result.alternatives : [];
  const values = u.options.map((o) => o.value.toLowerCase());
  if (!values.length) return null;
  const has = (v: VariantSummary, value: string) => Object.values(v.options).some((x) => x.toLowerCase() === value);
  return offered.some((v) => values.every((value) => has(v, value))) ? e.args.handle : null;
}

/** What else helps tell products apart: whether one has the option values named, who the shopper buys for. */
export interface Hints {
  fits?: (handle: string) => boolean;
  gender?: string | null;
  /** Products ranked by the facet a comparative names ("the lighter one"), best first; null when none is named. */
  rank?: (pool: ProductSummary[]) => ProductSummary[] | null;
  /** Words that make the word before them a choice among things ("the Quillon one"). */
  selectors?: Set<string>;
  /** Words before an option value that say it is the option wanted ("in sage"). */
  optionLeads?: string[];
  /** Sizes said in words ("large", "small"): a size of the product in focus, never words naming another. */
  sizeWords?: Set<string>;
  /** The product a comparison question (`text`) favours: the lightest, the cheapest…; null when it asks none. */
  favoured?: (pool: ProductSummary[], text: string) => ProductSummary | null;
}

/**
 * Shown products the shopper's previous message named by their own title words ("the Quillon or the
 * Brambleby?"), in the order it named them.
 */
function comparedBefore(memory: Memory): ProductSummary[] {
  const before = memory.userTurns.at(-2)?.text ?? '';
  const words = tokens(before);
  const firstSaid = (p: ProductSummary) => words.findIndex((w) => distinctiveOverlap(p, [w]) > 0);
  const named = memory.shown.filter((p) => distinctiveOverlap(p, words) > 0);
  return named.sort((a, b) => firstSaid(a) - firstSaid(b));
}

/** The one product of the list just shown that the search showing it named best by its own title words, else null. */
function namedBySearch(memory: Memory): ProductSummary | null {
  const search = memory.events.at(-1);
  if (search?.name !== 'search_products') return null;
  const words = typeof search?.args.query === 'string' ? tokens(search.args.query) : [];
  const named = memory.shown
    .map((p) => ({ p, overlap: distinctiveOverlap(p, words) }))
    .filter((x) => x.overlap > 0)
    .sort((a, b) => b.overlap - a.overlap);
  const [best, next] = named;
  return best && (!next || best.overlap > next.overlap) ? best.p : null;
}

/** Title words that tell products of one list apart ("heron" in Heron Desk Fan), not their type or colour. */
export function distinctiveOverlap(p: ProductSummary, words: string[]): number {
  // A product shown translated may be named by either title, the catalog's or the one it was shown under.
  const own = new Set(tokens(`${p.title} ${p.originalTitle ?? ''}`).map(stem));
  const typeWords = new Set([p.category, ...(p.categoryPath ?? [])].flatMap((c) => tokens(c).map(stem)));
  return words.filter((w) => own.has(stem(w)) && !typeWords.has(stem(w))).length;
}

/** Of several products named, those that fit the rest of the message: options it names, who it is for. */
function narrowNamed(
  named: ProductMention[],
  u: Understanding,
  memory: Memory,
  index: ShopIndex | null,
  hints: Hints,
): ProductMention[] {
  let out = named;
  const { fits } = hints;
  const byOptions = fits ? out.filter((n) => fits(n.handle)) : out;
  if (byOptions.length && byOptions.length < out.length) out = byOptions;
  const lastSearch = [...memory.events].reverse().find((e) => e.name === 'search_products');
  const searched = typeof lastSearch?.args.gender === 'string' ? lastSearch.args.gender : null;
  const gender = u.gender ?? searched ?? hints.gender ?? null;
  if (gender && out.length > 1) {
    const forGender = out.filter((n) => index?.genderOf(n.title) === gender);
    if (forGender.length) out = forGender;
  }
  // "the big quillon one" while lamps are being looked at: the Quillon lamp, not a Quillon scarf.
  if (out.length > 1 && index && typeof lastSearch?.args.query === 'string') {
    const type = index.link(lastSearch.args.query.toLowerCase().split(/\s+/)).type;
    const ofType = type ? out.filter((n) => type.handles.has(n.handle)) : [];
    if (ofType.length) out = ofType;
  }
  return out;
}

/** The product a message points at, from what was shown, the product in focus, or the shop's catalog. */
export function resolveProduct(
  u: Understanding,
  memory: Memory,
  index: ShopIndex | null,
  say: Say,
  hints: Hints = {},
): Target {
  const { fits } = hints;
  const shown = memory.shown;
  if (u.mentions.both && shown.length > 1) {
    return { kind: 'ask', text: say('ask.oneAtATime', { list: listProducts(say, shown) }) };
  }
  if (u.ordinal) {
    // "the second" right after "what's the difference between X and Y?": Y, the second compared.
    const since = memory.userTurns.at(-2)?.at ?? Infinity;
    const lookedUp = memory.events.filter((e) => e.at > since && e.at < memory.userIndex && e.name === 'get_product');
    const compared = lookedUp.length >= 2 ? comparedBefore(memory) : [];
    // "the first one you showed me" with no list shown: the products looked at one by one, in order.
    const listed =
      compared.length >= 2 && u.ordinal.n <= compared.length ? compared : shown.length ? shown : viewedInOrder(memory);
    if (!listed.length) return { kind: 'ask', text: say('ask.nothingShownYet') };
    const p = u.ordinal.n === -1 ? listed.at(-1) : listed[u.ordinal.n - 1];
    if (!p) return { kind: 'ask', text: say('ask.onlyShowed', { n: listed.length, list: listProducts(say, listed) }) };
    return { kind: 'product', handle: p.handle, product: p };
  }
  // "ok the cream one then" right after an add was refused and the product's other variants offered: that product.
  const refused = u.links.products.some((n) => n.distinctive > 0) ? null : refusedOffering(u, memory);
  if (refused) return { kind: 'product', handle: refused, product: memory.products.get(refused) };
  const before = u.mentions.previous && !u.links.products.length ? viewedBefore(memory) : null;
  if (before) return { kind: 'product', handle: before.handle, product: before };
  const focused = memory.focus ? memory.products.get(memory.focus) : undefined;
  const pool = [...shown];
  if (focused && !pool.some((p) => p.handle === focused.handle)) pool.push(focused);
  // "the lighter one", "the cheaper one" right after comparing some of them: the best of those compared.
  const compared = comparedBefore(memory);
  const among = compared.length >= 2 ? compared : pool;
  const bySize = u.mentions.largest || u.mentions.smallest;
  const ranked = !bySize && among.length >= 2 && !u.links.products.length ? hints.rank?.(among) : null;
  if (ranked?.length) return { kind: 'product', handle: ranked[0].handle, product: ranked[0] };
  // "which is lighter, the Quillon or the Brambleby?" … "add that one in 43": the one the comparison favoured.
  const favoured =
    u.mentions.pronoun && compared.length >= 2 && !u.links.products.length
      ? hints.favoured?.(compared, memory.userTurns.at(-2)?.text ?? '')
      : null;
  if (favoured) return { kind: 'product', handle: favoured.handle, product: favoured };
  if (compared.length >= 2 && (u.mentions.cheaper || u.mentions.pricier) && !u.links.products.length) {
    const best = [...compared].sort((a, b) => (a.price?.amount ?? 0) - (b.price?.amount ?? 0));
    const p = u.mentions.cheaper ? best[0] : best.at(-1)!;
    return { kind: 'product', handle: p.handle, product: p };
  }
  // A name word of one product in the conversation ("the heron", "the wren") points at it first;
  // not a value said as the option wanted ("the Heron one in moss" is no Moss lamp).
  const leads = new Set(hints.optionLeads ?? []);
  // Nor a value asked of the product ("is that real silver?" asks; it names no product with silver in its title).
  const asOption = u.options.filter((o) => o.asked || leads.has(u.words[o.start - 1] ?? ''));
  const optionAt = new Set(asOption.flatMap((o) => range(o.start, o.end)));
  // The kind named is no name word ("and the Brambleby lamp?" is not about the Quillon lamp in focus).
  if (u.links.type && u.links.products.some((n) => n.distinctive > 0))
    range(u.links.type.start, u.links.type.end).forEach((i) => optionAt.add(i));
  const words = u.words.length ? u.words.filter((_, i) => !optionAt.has(i)) : u.queryWords;
  // A kind named ("the white shirt") leaves out shown products of another kind (a white top).
  const ofType = (p: ProductSummary) => !u.links.type || u.links.type.handles.has(p.handle);
  const inPool = pool
    .filter(ofType)
    .map((p) => ({ p, s: distinctiveOverlap(p, words) }))
    .filter((x) => x.s > 0);
  const topPool = Math.max(0, ...inPool.map((x) => x.s));
  // …unless the message names another product more fully (its whole title over one shared word of a shown one).
  const namedFully = u.links.products.some((n) => n.distinctive > topPool && !pool.some((p) => p.handle === n.handle));
  let poolNamed = inPool.filter((x) => x.s === topPool).map((x) => x.p);
  if (poolNamed.length > 1 && fits)
    poolNamed = poolNamed.filter((p) => fits(p.handle)).length ? poolNamed.filter((p) => fits(p.handle)) : poolNamed;
  if (poolNamed.length === 1 && !namedFully)
    return { kind: 'product', handle: poolNamed[0].handle, product: poolNamed[0] };
  // "the <name> ones in honey" after a narrower list: the one product shown earlier that a name word names.
  if (!inPool.length && !namedFully) {
    // Its product words, not an option value said ("<colour>") nor a little word of a title ("set of 4").
    const valueWords = new Set(u.options.flatMap((o) => tokens(o.value)));
    const nameWords = u.queryWords.filter((w) => !valueWords.has(w));
    const earlier = memory.seen.filter((p) => ofType(p) && distinctiveOverlap(p, nameWords) > 0);
    if (earlier.length === 1) return { kind: 'product', handle: earlier[0].handle, product: earlier[0] };
  }
  // "is it fabric or leather?": "it" is the product in focus, whatever one word of another product's name says
  // — unless that word is said as a name ("the Quillon one, add it").
  // The product in focus may be known by its handle alone (added by its name, never shown).
  const focusHandle = focused?.handle ?? memory.focus;
  const saidAsName = u.links.products.some(
    (n) => n.handle !== focusHandle && n.distinctive > 0 && hints.selectors?.has(u.words[n.end] ?? ''),
  );
  // "das günstigere": an article read as a pronoun before a comparative still chooses among those shown.
  const comparative = u.mentions.cheaper || u.mentions.pricier;
  const weaklyNamed = u.links.products.every((n) => n.coverage < 0.5);
  if (u.mentions.pronoun && focusHandle && !saidAsName && !comparative && weaklyNamed) {
    return { kind: 'product', handle: focusHandle, product: focused };
  }

  // "how much is it?" right after asking for a product by its name: the one of the list the search named.
  const searchedFor = !focused && !comparative && u.mentions.pronoun && !u.links.type ? namedBySearch(memory) : null;
  if (searchedFor && !u.links.products.some((n) => n.distinctive > 0))
    return { kind: 'product', handle: searchedFor.handle, product: searchedFor };

  // A product named by the shop's words: the one in focus first, then those that fit the message.
  const named = u.links.products;
  if (named.length) {
    // The one in focus, unless another is named more fully ("Quillon Dash Lamp" over the Brambleby Lamp in focus).
    const focusNamed = named.find((n) => n.handle === memory.focus && n.distinctive >= named[0].distinctive);
    if (focusNamed)
      return { kind: 'product', handle: focusNamed.handle, product: memory.products.get(focusNamed.handle) };
    // The most fully named; of those, one already in the conversation (a fuller name of another wins).
    const fullest = named.filter(
      (n, _, all) => n.distinctive === all[0].distinctive && n.coverage >= all[0].coverage - 0.05,
    );
    const known = fullest.filter((n) => memory.products.has(n.handle));
    const top = known.length ? known : fullest;
    const best = narrowNamed(top, u, memory, index, hints);
    if (best.length === 1)
      return { kind: 'product', handle: best[0].handle, product: memory.products.get(best[0].handle) };
    const products = best.map((b) => memory.products.get(b.handle)).filter((p): p is ProductSummary => !!p);
    if (products.length === best.length) return { kind: 'ask', text: which(say, products) };
    const titles = best.slice(0, 5).map((b) => b.title);
    return { kind: 'ask', text: say('ask.whichOneOf', { titles: say.list(titles, 'comma') }) };
  }
  // "that", "it": the product under discussion, whatever else the message says about its options.
  if (u.mentions.pronoun && focused && !u.links.type && !comparative)
    return { kind: 'product', handle: focused.handle, product: focused };
  // "does the Quillon come in black?" … "add the black one then": the product just asked about, when it has it.
  const valuesNamed = u.options.filter((o) => o.kind !== 'size');
  if (focused && valuesNamed.length && askedAboutLast(memory) && valuesNamed.every((o) => carries(focused, o.value)))
    return { kind: 'product', handle: focused.handle, product: focused };
  const picked = pick(
    pool.filter(ofType),
    u,
    (p) => p.price?.amount ?? 0,
    (p) => [p.category, ...(p.categoryPath ?? [])],
    fits ? (p) => fits(p.handle) : undefined,
    { words: chosenBy(u, hints.selectors), test: describes },
  );
  if (picked && 'one' in picked) return { kind: 'product', handle: picked.one.handle, product: picked.one };
  if (picked && picked.several.length < pool.length) return { kind: 'ask', text: which(say, picked.several) };
  if ((u.mentions.cheaper || u.mentions.pricier) && !pool.length)
    return { kind: 'ask', text: say('ask.nothingShownYet') };
  // "how much is it?" about a product added by its name, never shown: still the one asked about.
  const askedAboutIt = u.intent === 'product_info' && u.mentions.pronoun && !u.links.type && !comparative;
  if (askedAboutIt && memory.focus && !focused) return { kind: 'product', handle: memory.focus };
  // Product words that match nothing shown (a type, a new thing): a search can show them.
  // "put the large in" with a product in focus that has sizes: a size of it ("الكبيرة" reads "large").
  const sized = !!focused?.variants.some((v) => Object.keys(v.options).some((n) => normalizeOptionName(n) === 'size'));
  const productWords = u.queryWords.filter(
    (w) => !['cheaper', 'cheapest'].includes(w) && !(sized && hints.sizeWords?.has(w)),
  );
  // "a cotton one then" while a desk fan is in focus: words the focused product lacks ask for something else.
  // …but "how long is the chain?" asks about it: a question naming no kind and no product stays with it.
  // Not "the one with the tassels, how much?" (a selector before the words), nor words of another product shown.
  const selects = u.words.some(
    (w, i) =>
      hints.selectors?.has(w) && productWords.some((x) => u.words.findLastIndex((y) => stem(y) === stem(x)) > i),
  );
  const pointsElsewhere =
    selects || pool.some((p) => p.handle !== focused?.handle && productWords.some((w) => describes(p, w)));
  const asksAboutFocus =
    u.intent === 'product_info' && asksQuestion(u.raw) && !u.links.type && !u.links.products.length && !pointsElsewhere;
  const focusLacks =
    focused && productWords.length > 0 && !asksAboutFocus && !productWords.some((w) => describes(focused, w));
  // "another one in navy", "the same <kind> but in burgundy" right after an order was looked at: its product.
  const fromOrder = index && !focused ? orderedAgain(u, memory, index, productWords) : null;
  if (fromOrder) return { kind: 'product', handle: fromOrder };
  if (productWords.length && (u.links.type || !focused || focusLacks)) {
    const only = u.links.type && index ? [...u.links.type.handles] : [];
    if (only.length === 1) return { kind: 'product', handle: only[0] };
    // "just add the white shirt": words only one product's name holds name it.
    const titled = index?.titledWith(productWords) ?? [];
    if (titled.length === 1 && productWords.length >= 2) return { kind: 'product', handle: titled[0] };
    return { kind: 'words', words: productWords.join(' ') };
  }
  if (focused) return { kind: 'product', handle: focused.handle, product: focused };
  if (memory.focus && !focused && !productWords.length) return { kind: 'product', handle: memory.focus };
  if (shown.length === 1) return { kind: 'product', handle: shown[0].handle, product: shown[0] };
  if (u.mentions.pronoun && shown.length) return { kind: 'ask', text: which(say, shown) };
  // "what sizes does it come in?" right after an order was looked at: the product of that order.
  const ordered = !productWords.length && index ? orderedProduct(memory, index) : null;
  if (ordered) return { kind: 'product', handle: ordered };
  // "which colours in stock" naming nothing, with several shown and none in focus: which of them.
  if (u.intent === 'product_info' && !productWords.length && shown.length > 1)
    return { kind: 'ask', text: which(say, shown) };
  return { kind: 'none' };
}

/** Cart lines of products a search found by the words said now ("take the <words> out"). */
function linesSearchedAs(lines: CartLine[], words: string[], memory: Memory): CartLine[] {
  const wanted = words.map(stem);
  const found = new Set<string>();
  for (const e of memory.events) {
    if (e.name !== 'search_products' || typeof e.args.query !== 'string') continue;
    const said = new Set(tokens(e.args.query).map(stem));
    if (!wanted.every((w) => said.has(w)) || !Array.isArray(e.result?.products)) continue;
    for (const p of e.result.products) if (typeof p?.handle === 'string') found.add(p.handle);
  }
  return lines.filter((l) => found.has(l.handle));
}

/** The cart line a remove or a quantity change points at; asks rather than guessing. */
export function resolveCartLine(u: Understanding, memory: Memory, say: Say): LineTarget {
  const cart = memory.cart;
  if (!cart) return { kind: 'need_cart' };
  if (!cart.items.length) return { kind: 'ask', text: say('ask.cartEmptyNothingToChange') };
  const whichLine = (lines: CartLine[]) => say('ask.whichCartItem', { lines: listCart(say, lines) });
  if (u.mentions.everything) return { kind: 'all' };
  if (u.ordinal && memory.lastList === 'cart') {
    const line = u.ordinal.n === -1 ? cart.items.at(-1) : cart.items[u.ordinal.n - 1];
    return line ? { kind: 'line', line } : { kind: 'ask', text: whichLine(cart.items) };
  }
  const byHandle = (handle: string): LineTarget => {
    const lines = cart.items.filter((l) => l.handle === handle);
    if (lines.length === 1) return { kind: 'line', line: lines[0] };
    if (lines.length > 1) return { kind: 'ask', text: whichLine(lines) };
    return { kind: 'ask', text: say('ask.productNotInCart', { lines: listCart(say, cart.items) }) };
  };
  if (u.ordinal) {
    const shown = memory.shown[u.ordinal.n === -1 ? memory.shown.length - 1 : u.ordinal.n - 1];
    return shown ? byHandle(shown.handle) : { kind: 'ask', text: whichLine(cart.items) };
  }
  const named = u.links.products.find((n) => cart.items.some((l) => l.handle === n.handle));
  if (named) return byHandle(named.handle);
  // "take the hat back out": the lines of the type named, whatever their titles say.
  const type = u.links.type;
  const ofType = type ? cart.items.filter((l) => type.handles.has(l.handle)) : [];
  if (ofType.length === 1) return { kind: 'line', line: ofType[0] };
  const picked = pick(
    ofType.length ? ofType : cart.items,
    u,
    (l) => l.unitPrice?.amount ?? 0,
    () => [],
  );
  if (picked && 'one' in picked) return { kind: 'line', line: picked.one };
  if (picked) return { kind: 'ask', text: whichLine(picked.several) };
  if (ofType.length) return { kind: 'ask', text: whichLine(ofType) };
  const searched = u.queryWords.length ? linesSearchedAs(cart.items, u.queryWords, memory) : [];
  if (searched.length === 1) return { kind: 'line', line: searched[0] };
  if (u.queryWords.length && !u.mentions.pronoun) {
    const vars = { words: u.queryWords.join(' '), lines: listCart(say, cart.items) };
    return { kind: 'ask', text: say('ask.wordsNotInCart', vars) };
  }
  const focused = cart.items.find((l) => l.sku === memory.focusSku);
  if (focused) return { kind: 'line', line: focused };
  if (memory.focus) {
    const lines = cart.items.filter((l) => l.handle === memory.focus);
    if (lines.length === 1) return { kind: 'line', line: lines[0] };
  }
  if (cart.items.length === 1) return { kind: 'line', line: cart.items[0] };
  return { kind: 'ask', text: whichLine(cart.items) };
}
