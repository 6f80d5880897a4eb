import { normalizeOptionName } from '../../../catalog/search-filters.js';
import { stem } from '../../../catalog/terms.js';
import { answerAboutShown } from './answer-product.js';
import { chosenVariant, type DialogueState } from './dialogue-state.js';
import { listProducts } from './format.js';
import type { Memory } from './history.js';
import { policyQuery, policySubject } from './policy-question.js';
import { planCheaper, planInStock, planMore, planSimilar } from './plan-refine.js';
import type { Plan } from './plan-types.js';
import type { Replies } from './replies.js';
import { resolveCartLine, resolveProduct, type Hints } from './resolve-target.js';
import type { ProductMention, ShopIndex } from './shop-index.js';
import type { Understanding } from './understand.js';

export interface PlanContext {
  index: ShopIndex | null;
  replies: Replies;
  state: DialogueState;
}

/** Below this, the intent model is unsure: product words make it a search, else a question. */
const UNSURE = 0.45;
const MAX_QUANTITY = 20;
/** Who a product is for, as the search tool filters it. */
const GENDERS = ['men', 'women', 'kids'];

/** The option names a product (or the shop) uses for a kind of option: "Size", "Colour", "Material". */
function optionName(kind: string, names: string[]): string {
  const wanted = kind === 'color' ? 'color' : kind;
  return (
    names.find((n) => normalizeOptionName(n) === wanted) ??
    (kind === 'color' ? 'Color' : kind[0].toUpperCase() + kind.slice(1))
  );
}

/** The options a message names, spelled as the product (or the shop) spells them. */
function optionsFor(u: Understanding, optionNames: string[], values: (name: string) => string[]) {
  const out: Record<string, string> = {};
  const spell = (name: string, v: string) => values(name).find((x) => x.toLowerCase() === v.toLowerCase()) ?? v;
  if (u.size) {
    const name = optionName('size', optionNames);
    out[name] = spell(name, u.size);
  }
  for (const o of u.options) {
    if (o.kind === 'size') continue;
    const name =
      o.name && optionNames.includes(o.name)
        ? o.name
        : optionName(o.kind === 'option' ? 'option' : o.kind, optionNames);
    if (o.kind === 'option' && !o.name) continue;
    if (!optionNames.some((n) => n === name) && optionNames.length) continue;
    out[name] = spell(name, o.value);
  }
  return Object.keys(out).length ? out : undefined;
}

/** What tells products apart: option values the message names ("in charcoal"), who the shopper buys for. */
function hintsFor(u: Understanding, memory: Memory, ctx: PlanContext): Hints {
  const relations = Object.entries(ctx.state.lexicon.relations);
  const said = memory.userTurns.map((t) => ` ${t.text.toLowerCase().replace(/[^\p{L}' ]+/gu, ' ')} `).join(' ');
  const gender = relations.find(([, people]) => people.some((p) => said.includes(` ${p} `)))?.[0] ?? null;
  return {
    fits: (handle) => Object.keys(ctx.state.reader.read(u.raw, ctx.state.table(handle))).length > 0,
    gender,
  };
}

/** search_products arguments for a request: product words, budget, options and who it is for. */
export function searchArgs(u: Understanding, memory: Memory, ctx: PlanContext): Record<string, unknown> | null {
  let query = u.queryWords.join(' ');
  if (!query && u.links.type) query = u.links.type.label;
  const args: Record<string, unknown> = {};
  if (u.price?.minPrice !== undefined) args.minPrice = u.price.minPrice;
  if (u.price?.maxPrice !== undefined) args.maxPrice = u.price.maxPrice;
  if (!query && (args.minPrice !== undefined || args.maxPrice !== undefined)) {
    // "and under 50?": the last search again with the new budget.
    const last = [...memory.events].reverse().find((e) => e.name === 'search_products');
    if (last && typeof last.args.query === 'string') query = last.args.query;
  }
  if (!query) return null;
  const shopNames = ctx.index ? [...new Set(ctx.index.entries.flatMap((e) => Object.keys(e.options)))] : [];
  const options = optionsFor(u, shopNames, (name) => ctx.index?.optionValues(name) ?? []);
  if (options) args.options = options;
  if (u.gender && GENDERS.includes(u.gender)) args.gender = u.gender;
  return { query, ...args };
}

/** Decides what to do about the latest message: tool calls, or a reply (often a clarifying question). */
export function planMessage(u: Understanding, memory: Memory, ctx: PlanContext): Plan {
  const r = ctx.replies;
  const intent = u.intent;
  const call = (name: string, args: Record<string, unknown> = {}): Plan => ({ intent, calls: [{ name, args }] });
  const say = (text: string): Plan => ({ intent, text });
  const search = (): Plan => {
    const args = searchArgs(u, memory, ctx);
    return args ? { intent: 'search', calls: [{ name: 'search_products', args }] } : say(r.whatLookingFor);
  };

  // "Kayaks?", "garden gnomes": a bare noun phrase asks for that thing, sold here or not.
  const bareThing = u.words.length <= 4 && u.queryWords.length > 0 && u.queryWords.length >= u.words.length - 1;
  const shopWords =
    bareThing ||
    !!u.links.type ||
    u.links.products.length > 0 ||
    !!u.links.vendor ||
    u.options.length > 0 ||
    u.queryWords.some((w) => ctx.index?.knows(w));

  // Frustration with nothing else asked: a person takes over, urgently.
  if (u.mentions.frustrated && (intent === 'human' || !shopWords)) return handOff(u);
  // An order number is about that order, whatever else the message says ("any news on AP-10023?").
  const orderNumber = u.orderId && /\D/.test(u.orderId.replace(/^#/, ''));
  if (orderNumber && !['order_status', 'order_list', 'policy', 'human'].includes(intent)) return planOrder(u, memory);

  // An answer to "which size?" after an add that needed an option: "42", "black", "navy, large".
  const pending = memory.pendingOption;
  const handle = String(pending?.args.handle ?? '');
  const otherProduct = u.links.products.some((p) => p.handle !== handle);
  if (
    pending &&
    u.words.length <= 8 &&
    !u.links.type &&
    !otherProduct &&
    !['policy', 'order_status', 'human'].includes(intent)
  ) {
    const answered = ctx.state.reader.read(u.raw, ctx.state.table(handle));
    if (Object.keys(answered).length || u.size) return planAdd(u, memory, ctx, handle);
  }

  // "navy L then", "high ventilation pls": options alone, with a product in focus, choose it.
  const optionsOnly = (u.size || u.options.length || u.mentions.largest || u.mentions.smallest) && !u.links.type;
  if (optionsOnly && memory.focus && (intent === 'other' || u.confidence < UNSURE)) return planAdd(u, memory, ctx);
  if (u.confidence < UNSURE) {
    // Unsure what is asked: the shop's own words make it a search; otherwise ask, never guess.
    if (!shopWords) return say(r.notUnderstood);
    if (!['search', 'product_info', 'cart_add'].includes(intent)) return search();
  }

  // A follow-up with nothing to follow ("anything like that in black?" as a first message) is a search.
  if (intent.startsWith('refine_') && !memory.shown.length && shopWords) return search();
  if (chosenByName(u, ctx)) return planAdd(u, memory, ctx);

  switch (intent) {
    case 'greeting':
      return say(r.greeting);
    case 'thanks':
      return say(r.thanks);
    case 'goodbye':
      return say(r.goodbye);
    case 'other':
      return u.queryWords.length && shopWords ? search() : say(r.notUnderstood);
    case 'human':
      return handOff(u);
    case 'affirm':
      return planAffirm(u, memory, ctx);
    case 'deny':
      return say(r.noProblem);
    case 'cart_show':
      return call('get_cart');
    case 'order_list':
      return call('get_orders', { limit: 10 });
    case 'order_status':
      return planOrder(u, memory);
    case 'policy':
      return call('search_policies', { query: policyQuery(u, policySubject(u, memory)) });
    case 'refine_cheaper':
      // "anything under 60?": the shopper's own budget beats "cheaper than what was shown".
      return u.price ? planFilter(u, memory, ctx) : planCheaper(memory, r);
    case 'refine_in_stock':
      return planInStock(memory, r);
    case 'refine_more':
      return u.price || newShopWords(u, memory, ctx).length ? planFilter(u, memory, ctx) : planMore(memory, r);
    case 'refine_similar':
      // "something that smells like pine": new words narrow the last search rather than name a product.
      return !u.links.products.length && !u.ordinal && newShopWords(u, memory, ctx).length
        ? planFilter(u, memory, ctx)
        : planSimilar(u, memory, r);
    case 'refine_filter':
      // "are any of them foldable?" with one product on screen is a question about it.
      if (memory.shown.length <= 1 && memory.focus && !u.links.type)
        return planMessage({ ...u, intent: 'product_info' }, memory, ctx);
      return planFilter(u, memory, ctx);
    case 'recommend':
      return u.links.type || u.price ? search() : call('recommend_products');
    case 'cart_remove':
      return planSwap(u, memory, ctx) ?? planRemove(u, memory);
    case 'cart_update':
      return planUpdate(u, memory, ctx);
    case 'cart_add':
      return planSwap(u, memory, ctx) ?? planAdd(u, memory, ctx);
    case 'product_info': {
      const aboutShown = planAboutShown(u, memory, ctx);
      if (aboutShown) return aboutShown;
      const t = resolveProduct(u, memory, ctx.index, hintsFor(u, memory, ctx));
      if (t.kind === 'product') return call('get_product', { handle: t.handle });
      if (t.kind === 'ask') return say(t.text);
      return search();
    }
    default:
      return search();
  }
}

/**
 * "let's go for the Quillon Tent", "Meanwhile: the Brambleby Scarf, burgundy.": one product named by its
 * whole name and not asked about, either agreed to or given with options that pick its variant, is
 * being chosen. A bare name stays a search ("Brambleby Scarf?").
 */
function chosenByName(u: Understanding, ctx: PlanContext): boolean {
  if (u.raw.trim().endsWith('?') || u.links.products.length === 0) return false;
  const whole = u.links.products.filter((p) => p.coverage >= 0.99);
  if (whole.length !== 1 || u.links.products[0].handle !== whole[0].handle) return false;
  if (u.intent === 'affirm') return true;
  // A title that is only a type ("Garden Gnome") with options is still a search for it.
  if ((u.intent !== 'other' && u.intent !== 'search') || whole[0].distinctive === 0) return false;
  const picked = ctx.state.reader.read(u.raw, ctx.state.table(whole[0].handle));
  return Object.keys(picked).length > 0;
}

/**
 * "which of them is warmest?", "are any of those foldable?": a question over the list just shown,
 * answered from the products' data already in the conversation.
 */
function planAboutShown(u: Understanding, memory: Memory, ctx: PlanContext): Plan | null {
  const lx = ctx.state.lexicon;
  const plural = lx.plural.some((p) =>
    ` ${u.raw.toLowerCase().replace(/[^\p{L}\p{N}' ]+/gu, ' ')} `.includes(` ${p} `),
  );
  if (!plural || memory.shown.length < 2 || u.ordinal || u.links.products.length) return null;
  const answer = answerAboutShown(memory.shown, u, lx);
  return answer ? { intent: 'product_info', text: answer } : null;
}

/** "only the mesh ones", "just the women's ones": the last search again, narrowed by the new words. */
function planFilter(u: Understanding, memory: Memory, ctx: PlanContext): Plan {
  const last = [...memory.events].reverse().find((e) => e.name === 'search_products');
  const now = searchArgs(u, memory, ctx);
  if (!last)
    return now
      ? { intent: 'refine_filter', calls: [{ name: 'search_products', args: now }] }
      : { intent: 'refine_filter', text: ctx.replies.nothingShown };
  const base = { ...last.args } as Record<string, unknown>;
  const words = newShopWords(u, memory, ctx);
  const args: Record<string, unknown> = { ...base, query: [base.query, ...words].filter(Boolean).join(' ') };
  delete args.limit;
  if (now?.options) args.options = { ...((base.options as object) ?? {}), ...(now.options as object) };
  const gender = now?.gender ?? u.gender;
  if (gender && GENDERS.includes(String(gender))) args.gender = gender;
  if (u.price) {
    delete args.minPrice;
    delete args.maxPrice;
    if (u.price.minPrice !== undefined) args.minPrice = u.price.minPrice;
    if (u.price.maxPrice !== undefined) args.maxPrice = u.price.maxPrice;
  }
  return { intent: 'refine_filter', calls: [{ name: 'search_products', args }] };
}

/** Product words of a follow-up that the last search did not have, and that the shop uses. */
function newShopWords(u: Understanding, memory: Memory, ctx: PlanContext): string[] {
  const last = [...memory.events].reverse().find((e) => e.name === 'search_products');
  const before = new Set(
    String(last?.args.query ?? '')
      .toLowerCase()
      .split(' ')
      .map(stem),
  );
  return u.queryWords.filter((w) => !before.has(stem(w)) && (!ctx.index || ctx.index.knows(w)));
}

function handOff(u: Understanding): Plan {
  const said = u.raw.trim().replace(/\s+/g, ' ').slice(0, 200);
  const reason = u.mentions.frustrated ? `Shopper is frustrated: "${said}"` : `Shopper asked for a person: "${said}"`;
  const urgency = u.mentions.frustrated ? 'high' : 'normal';
  return { intent: 'human', calls: [{ name: 'request_human', args: { reason, urgency } }] };
}

function planOrder(u: Understanding, memory: Memory): Plan {
  if (u.orderId) return { intent: u.intent, calls: [{ name: 'get_order_status', args: { orderId: u.orderId } }] };
  // "what's the tracking number on it?": the order just talked about.
  const discussed = memory.orderFocus;
  const namesOne =
    u.orderProductWords.length || u.links.products.length || u.links.type || u.month || u.mentions.previous;
  if (discussed && !namesOne) {
    return { intent: u.intent, calls: [{ name: 'get_order_status', args: { orderId: discussed } }] };
  }
  // "tracking for my garden table": the order holding that product, picked from the list.
  if (u.links.type || u.links.products.length || u.orderProductWords.length || u.month || u.mentions.previous) {
    return { intent: u.intent, calls: [{ name: 'get_orders', args: { limit: 20 } }] };
  }
  return { intent: u.intent, calls: [{ name: 'get_order_status', args: {} }] };
}

function planAffirm(u: Understanding, memory: Memory, ctx: PlanContext): Plan {
  const previous = memory.events.filter((e) => e.at < memory.userIndex).at(-1);
  // "Want me to add it?" after a product's details: yes means add it.
  if (previous?.name === 'get_product' && memory.focus) return planAdd(u, memory, ctx);
  if (previous?.name === 'search_products' && memory.shown.length === 1) return planAdd(u, memory, ctx);
  return { intent: 'affirm', text: ctx.replies.whatNext };
}

function planAdd(u: Understanding, memory: Memory, ctx: PlanContext, pendingHandle?: string): Plan {
  const r = ctx.replies;
  // "add the Heron Desk Fan and the Wren Kite", "I'll grab both": one add per product.
  const several = pendingHandle ? [] : severalNamed(u, memory);
  if (several.length > 1) {
    const calls = several.map((handle) => {
      const options = variantOptions(u, memory, ctx, handle);
      return { name: 'add_to_cart', args: { handle, ...(options ? { options } : {}), quantity: 1 } };
    });
    return { intent: 'cart_add', calls };
  }
  const t: ReturnType<typeof resolveProduct> = pendingHandle
    ? { kind: 'product', handle: pendingHandle }
    : resolveProduct(u, memory, ctx.index, hintsFor(u, memory, ctx));
  if (t.kind === 'ask') return { intent: 'cart_add', text: t.text };
  if (t.kind === 'words') {
    const args = searchArgs(u, memory, ctx);
    return args
      ? { intent: 'cart_add', calls: [{ name: 'search_products', args }] }
      : { intent: 'cart_add', text: r.whatLookingFor };
  }
  if (t.kind === 'none') {
    const list = memory.shown.length ? `\n${listProducts(memory.shown)}` : '';
    return { intent: 'cart_add', text: `${r.whichToAdd}${list}` };
  }
  // A number that names an option value ("42", "in 44") is not a count.
  const named = Object.values(ctx.state.reader.read(u.raw, ctx.state.table(t.handle)));
  const isValue = named.some((v) =>
    v
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .includes(String(u.quantity)),
  );
  const quantity = u.quantity !== null && u.ordinal?.n !== u.quantity && !isValue ? u.quantity : 1;
  if (quantity < 1 || quantity > MAX_QUANTITY) return { intent: 'cart_add', text: r.tooMany(MAX_QUANTITY) };
  const options = variantOptions(u, memory, ctx, t.handle);
  return {
    intent: 'cart_add',
    calls: [{ name: 'add_to_cart', args: { handle: t.handle, ...(options ? { options } : {}), quantity } }],
  };
}

/** Products a message names apart ("the X and the Y"), or "both" of the two shown; else none. */
function severalNamed(u: Understanding, memory: Memory): string[] {
  if (u.mentions.both && memory.shown.length === 2) return memory.shown.map((p) => p.handle);
  const picked: ProductMention[] = [];
  for (const m of [...u.links.products].sort((a, b) => b.distinctive - a.distinctive || b.coverage - a.coverage)) {
    const overlaps = picked.some((p) => m.start < p.end && p.start < m.end);
    if (!overlaps && m.distinctive > 0) picked.push(m);
  }
  const apart = picked.length > 1 && /\b(and|plus|as well as|also)\b|[,&+]/i.test(u.raw);
  return apart ? picked.sort((a, b) => a.start - b.start).map((p) => p.handle) : [];
}

/**
 * The options to add a product with: everything the shopper said about it in this stretch of the
 * conversation, and when that (with the budget) leaves one variant, that variant's full options.
 */
function variantOptions(u: Understanding, memory: Memory, ctx: PlanContext, handle: string) {
  const table = ctx.state.table(handle);
  const names = Object.keys(table);
  const values = (name: string) => table[name] ?? [];
  const said = names.length ? optionsFor(u, names, values) : undefined;
  const wish = ctx.state.wish(handle);
  const pending = memory.pendingOption?.args.handle === handle ? memory.pendingOption.args.options : undefined;
  const merged = {
    ...((pending as Record<string, string> | undefined) ?? {}),
    ...said,
    ...wish.options,
    ...sizeByOrder(u, names, values),
  };
  const product = memory.products.get(handle);
  const chosen = product ? chosenVariant(product, { ...wish, options: merged }) : null;
  const options = chosen ? chosen.options : merged;
  return Object.keys(options).length ? options : undefined;
}

const LETTER_ORDER = ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL', 'XXXL'];

/** "the big one", "the smaller size": the product's largest or smallest size. */
function sizeByOrder(u: Understanding, names: string[], values: (name: string) => string[]) {
  if (!u.mentions.largest && !u.mentions.smallest) return {};
  const name = names.find((n) => normalizeOptionName(n) === 'size');
  if (!name) return {};
  const rank = (v: string) => {
    const letter = LETTER_ORDER.indexOf(v.toUpperCase());
    if (letter >= 0) return letter;
    const n = Number.parseFloat(v.replace(',', '.'));
    return Number.isNaN(n) ? 0 : n;
  };
  const sorted = [...values(name)].sort((a, b) => rank(a) - rank(b));
  const pick = u.mentions.largest ? sorted.at(-1) : sorted[0];
  return pick ? { [name]: pick } : {};
}

/** "swap it for the Wren Kite instead": the line in question out, the named product in. */
function planSwap(u: Understanding, memory: Memory, ctx: PlanContext): Plan | null {
  const text = ` ${u.raw.toLowerCase().replace(/[^\p{L}' ]+/gu, ' ')} `;
  if (!ctx.state.lexicon.swap.some((w) => text.includes(` ${w} `))) return null;
  const incoming = u.links.products.find((p) => !memory.cart?.items.some((l) => l.handle === p.handle));
  if (!incoming) return null;
  const ref = resolveCartLine({ ...u, queryWords: [], links: { ...u.links, products: [] } }, memory);
  if (ref.kind === 'need_cart')
    return { intent: 'cart_update', calls: [{ name: 'get_cart', args: {} }], prefetch: true };
  if (ref.kind !== 'line') return null;
  const options = variantOptions(u, memory, ctx, incoming.handle);
  return {
    intent: 'cart_update',
    calls: [
      { name: 'remove_from_cart', args: { sku: ref.line.sku } },
      {
        name: 'add_to_cart',
        args: { handle: incoming.handle, ...(options ? { options } : {}), quantity: ref.line.quantity },
      },
    ],
  };
}

function planRemove(u: Understanding, memory: Memory): Plan {
  const ref = resolveCartLine(u, memory);
  if (ref.kind === 'need_cart')
    return { intent: 'cart_remove', calls: [{ name: 'get_cart', args: {} }], prefetch: true };
  if (ref.kind === 'ask') return { intent: 'cart_remove', text: ref.text };
  const lines = ref.kind === 'all' ? memory.cart!.items : [ref.line];
  return { intent: 'cart_remove', calls: lines.map((l) => ({ name: 'remove_from_cart', args: { sku: l.sku } })) };
}

function planUpdate(u: Understanding, memory: Memory, ctx: PlanContext): Plan {
  const swapped = planSwap(u, memory, ctx);
  if (swapped) return swapped;
  if (u.quantity === null && !u.increment) return { intent: 'cart_update', text: ctx.replies.howMany };
  // "a couple of kites please" with no kites in the cart: a request for kites, not a change.
  const named = u.links.type?.handles ?? new Set(u.links.products.map((p) => p.handle));
  // "add another Brambleby Cushion": one product named by name is added, in the cart or not.
  const one = u.links.products[0];
  if (one && one.distinctive > 0 && !memory.cart?.items.some((l) => l.handle === one.handle))
    return planAdd(u, memory, ctx);
  if (named.size && !memory.cart?.items.some((l) => named.has(l.handle))) {
    const args = searchArgs(u, memory, ctx);
    if (args) return { intent: 'search', calls: [{ name: 'search_products', args }] };
  }
  const ref = resolveCartLine(u, memory);
  if (ref.kind === 'need_cart')
    return { intent: 'cart_update', calls: [{ name: 'get_cart', args: {} }], prefetch: true };
  if (ref.kind === 'ask') return { intent: 'cart_update', text: ref.text };
  if (ref.kind === 'all') return { intent: 'cart_update', text: ctx.replies.whichItem };
  const quantity = u.increment ? ref.line.quantity + 1 : u.quantity!;
  if (quantity > MAX_QUANTITY) return { intent: 'cart_update', text: ctx.replies.tooMany(MAX_QUANTITY) };
  if (quantity === 0)
    return { intent: 'cart_remove', calls: [{ name: 'remove_from_cart', args: { sku: ref.line.sku } }] };
  return { intent: 'cart_update', calls: [{ name: 'update_cart_item', args: { sku: ref.line.sku, quantity } }] };
}
