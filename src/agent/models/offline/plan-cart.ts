/** Planning cart changes: adding a product named or pointed at, swapping, removing, changing a count. */
import { optionByExtreme } from './option-extreme.js';
import { normalizeOptionName } from '../../../catalog/search-filters.js';
import type { ProductSummary } from '../../../catalog/types.js';
import { tokens } from '../../../catalog/terms.js';
import type { CartLine } from '../../../tools/results.js';
import { saysAny, saysVerbAny } from './normalize.js';
import { replaceLine } from './plan-variant-change.js';
import { chosenVariant, variantsFitting } from './dialogue-state.js';
import { listProducts } from './format.js';
import { previousEvent, productsOf, type Memory } from './history.js';
import { hintsFor, MAX_QUANTITY, namesOptionsOf, optionsFor, searchArgs, type PlanContext } from './plan-args.js';
import type { Plan } from './plan-types.js';
import { carries, titleWord } from './pick-among.js';
import { refusedOffering, resolveCartLine, resolveProduct } from './resolve-target.js';
import { sizeByOrder } from './size-order.js';
import type { ProductMention } from './shop-links.js';
import type { Understanding } from './understanding.js';

/**
 * "let's go for the Quillon Tent", "Meanwhile: the Brambleby Scarf, burgundy.": one product named by its
 * whole name and not asked about, either agreed to or given with options that pick its variant, is
 * being chosen. A bare name stays a search ("Brambleby Scarf?").
 */
export function chosenByName(u: Understanding, ctx: PlanContext): boolean {
  if (u.raw.trim().endsWith('?') || u.links.products.length === 0) return false;
  const whole = u.links.products.filter((p) => p.coverage >= 0.99);
  if (whole.length !== 1 || u.links.products[0].handle !== whole[0].handle) return false;
  if (u.intent === 'affirm') return true;
  if (u.intent !== 'other' && u.intent !== 'search') return false;
  // A title that is only a type ("Garden Gnome") with some options is still a search for it; with a value
  // for each of its options ("<type>, <value>, <value>") it is one variant, chosen.
  if (whole[0].distinctive === 0) return namesEveryOption(u, ctx, whole[0].handle);
  return namesOptionsOf(u, ctx, whole[0].handle);
}

/** Whether the message names a value for every option of the product that has a choice. */
function namesEveryOption(u: Understanding, ctx: PlanContext, handle: string): boolean {
  const table = ctx.state.table(handle);
  const said = ctx.state.reader.read(u.raw, table);
  const choices = Object.keys(table).filter((name) => table[name].length > 1);
  return choices.length > 0 && choices.every((name) => said[name] !== undefined);
}

/** Whether a message names one product by its name words and options of it ("the <name> in L, black"). */
export function namesVariant(u: Understanding, ctx: PlanContext): boolean {
  const named = u.links.products.filter((p) => p.distinctive >= 2 || (p.distinctive > 0 && p.coverage >= 0.75));
  return named.length === 1 && namesOptionsOf(u, ctx, named[0].handle);
}

export function planAdd(u: Understanding, memory: Memory, ctx: PlanContext, pendingHandle?: string): Plan {
  // "add the Heron Desk Fan and the Wren Kite", "I'll grab both": one add per product.
  const several = pendingHandle ? [] : severalNamed(u, memory, ctx);
  if (several.length > 1) {
    const calls = several.map((handle) => {
      const options = variantOptions(u, memory, ctx, handle);
      return { name: 'add_to_cart', args: { handle, ...(options ? { options } : {}), quantity: 1 } };
    });
    return { intent: 'cart_add', calls };
  }
  const t: ReturnType<typeof resolveProduct> = pendingHandle
    ? { kind: 'product', handle: pendingHandle }
    : resolveProduct(u, memory, ctx.index, ctx.say, hintsFor(u, memory, ctx));
  if (t.kind === 'ask') return { intent: 'cart_add', text: t.text };
  if (t.kind === 'words') {
    const args = searchArgs(u, memory, ctx);
    return args
      ? { intent: 'cart_add', calls: [{ name: 'search_products', args }] }
      : { intent: 'cart_add', text: ctx.say('ask.whatLookingFor') };
  }
  if (t.kind === 'none') {
    const list = memory.shown.length ? `\n${listProducts(ctx.say, memory.shown)}` : '';
    return { intent: 'cart_add', text: `${ctx.say('ask.whichToAdd')}${list}` };
  }
  // "actually make it 5" of a product in the cart: its count, not five more.
  const lines = memory.cart?.items.filter((l) => l.handle === t.handle) ?? [];
  const setsCount =
    u.quantity !== null && u.quantity >= 1 && u.quantity <= MAX_QUANTITY && saysAny(u.raw, ctx.state.lexicon.setCount);
  if (setsCount && !memory.cart)
    return { intent: 'cart_update', calls: [{ name: 'get_cart', args: {} }], prefetch: true };
  if (lines.length === 1 && setsCount) {
    const args = { sku: lines[0].sku, quantity: u.quantity! };
    return { intent: 'cart_update', calls: [{ name: 'update_cart_item', args }] };
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
  if (quantity < 1 || quantity > MAX_QUANTITY)
    return { intent: 'cart_add', text: ctx.say('ask.tooMany', { n: MAX_QUANTITY }) };
  const options = variantOptions(u, memory, ctx, t.handle);
  return {
    intent: 'cart_add',
    calls: [{ name: 'add_to_cart', args: { handle: t.handle, ...(options ? { options } : {}), quantity } }],
  };
}

/** Products a message names apart ("the X and the Y"), or "both" of the two shown; else none. */
function severalNamed(u: Understanding, memory: Memory, ctx: PlanContext): string[] {
  if (u.mentions.both && memory.shown.length === 2) return memory.shown.map((p) => p.handle);
  if (u.mentions.both && memory.shown.length === 1) {
    // "a <thing>" … "a <other thing>" … "add both": the two products the last two answers showed, one each.
    const lists = memory.events
      .filter((e) => e.at < memory.userIndex)
      .map(productsOf)
      .filter((ps) => ps.length);
    const [before, last] = lists.slice(-2);
    if (before?.length === 1 && last?.length === 1 && before[0].handle !== last[0].handle)
      return [before[0].handle, last[0].handle];
  }
  // Products of the conversation first: "the <kind>" is the one shown, not another the shop has.
  const apart = namedApart(u.words, memory, ctx);
  if (apart.length) return apart;
  const picked: ProductMention[] = [];
  for (const m of [...u.links.products].sort((a, b) => b.distinctive - a.distinctive || b.coverage - a.coverage)) {
    const overlaps = picked.some((p) => m.start < p.end && p.start < m.end);
    if (!overlaps && m.distinctive > 0) picked.push(m);
  }
  const joined = /\b(and|plus|as well as|also)\b|[,&+]/i.test(u.raw);
  // "add it and the Brambleby Scarf": the product under discussion, and the one named (not "… make it two").
  const focus = memory.focus;
  const itAnd = /\b(it|that|this|that one|this one|them|those)\s+(and|plus|as well as)\b/i.test(u.raw);
  if (itAnd && picked.length === 1 && focus && picked[0].handle !== focus) return [focus, picked[0].handle];
  return joined && picked.length > 1 ? picked.sort((a, b) => a.start - b.start).map((p) => p.handle) : [];
}

/**
 * "add the <name> and the <kind>": each part of a request joined by "and" naming one product of the
 * conversation by words of its title; none unless two parts or more name one each and no part is left unsure.
 */
function namedApart(said: string[], memory: Memory, ctx: PlanContext): string[] {
  const lx = ctx.state.lexicon;
  const joins = new Set(lx.continuation.lead.filter((w) => !w.includes(' ')));
  const stop = new Set(lx.queryStopwords);
  const seen = [...memory.products.values()];
  const inSomeTitle = (w: string) => seen.some((p) => titleWord(p.title, w));
  const parts: string[][] = [[]];
  for (const w of said) {
    if (joins.has(w)) parts.push([]);
    // Every word the shop or the conversation's titles know must be in the title ("the Wren kite" is no other kite).
    else if (!stop.has(w) && (inSomeTitle(w) || ctx.index?.knows(w))) parts.at(-1)!.push(w);
  }
  const shown = new Set(memory.shown.map((p) => p.handle));
  const handles: string[] = [];
  for (const words of parts.filter((ws) => ws.length)) {
    const titled = seen.filter((p) => words.every((w) => titleWord(p.title, w)));
    // "the lamp" for a product titled otherwise: the one product of the conversation of the kind the part names.
    if (!titled.length) titled.push(...seen.filter((p) => linkedKind(words, ctx)?.has(p.handle)));
    // Of several, the one in focus, else the one on the list shown last.
    const onList = titled.filter((p) => shown.has(p.handle));
    const focused = titled.find((p) => p.handle === memory.focus);
    const one = titled.length === 1 ? titled[0] : (focused ?? (onList.length === 1 ? onList[0] : null));
    if (!one) return [];
    if (!handles.includes(one.handle)) handles.push(one.handle);
  }
  return handles.length > 1 ? handles : [];
}

/** The products of the kind a part of a message names by its words alone, or null when it names no kind. */
function linkedKind(words: string[], ctx: PlanContext): ReadonlySet<string> | null {
  const link = ctx.index?.link(words);
  return link?.type && link.type.end - link.type.start === words.length ? link.type.handles : null;
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
    ...sizeByOrder(u, names, values, ctx.state.lexicon),
  };
  const product = memory.products.get(handle);
  // "the brighter one": the highest of an option's values among the variants that fit what was said.
  if (product) Object.assign(merged, optionByExtreme(u.raw, openOptions(product, merged), ctx.state.lexicon));
  const price = u.priceRef?.amount;
  const chosen = product ? chosenVariant(product, { ...wish, options: merged, price }) : null;
  const options = chosen ? chosen.options : merged;
  return Object.keys(options).length ? options : undefined;
}

/** The values of options not said yet, among the variants that fit what was. */
function openOptions(product: ProductSummary, said: Record<string, string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const v of variantsFitting(product, { options: said, pick: null })) {
    for (const [name, value] of Object.entries(v.options)) {
      if (Object.keys(said).some((n) => normalizeOptionName(n) === normalizeOptionName(name))) continue;
      out[name] = [...new Set([...(out[name] ?? []), value])];
    }
  }
  return out;
}

/** "swap it for the Wren Kite instead": the line in question out, the named product in. */
export function planSwap(u: Understanding, memory: Memory, ctx: PlanContext): Plan | null {
  if (!saysAny(u.raw, ctx.state.lexicon.swap)) return null;
  const inCart = (handle: string) => !!memory.cart?.items.some((l) => l.handle === handle);
  // "swap the blue one for the red": the one product shown, not in the cart, that a colour or option said carries.
  const carrying = memory.seen.filter((p) => !inCart(p.handle) && u.options.some((o) => carries(p, o.value)));
  const incoming = u.links.products.find((p) => !inCart(p.handle)) ?? (carrying.length === 1 ? carrying[0] : undefined);
  if (!incoming) return null;
  const ref = resolveCartLine({ ...u, queryWords: [], links: { ...u.links, products: [] } }, memory, ctx.say);
  if (ref.kind === 'need_cart')
    return { intent: 'cart_update', calls: [{ name: 'get_cart', args: {} }], prefetch: true };
  if (ref.kind !== 'line') return null;
  const options = variantOptions(u, memory, ctx, incoming.handle);
  return {
    intent: 'cart_update',
    calls: replaceLine(u, ref.line, ctx, { handle: incoming.handle, ...(options ? { options } : {}) }),
  };
}

/**
 * "no, take the <kind> out, the <other kind> is enough": of a message in parts, the one cart line the
 * part saying to remove names; null when it names none or several. What the other parts name says
 * nothing: "the <kind> after all not, take it out" names in one part the line another removes.
 */
function lineToRemove(u: Understanding, memory: Memory, ctx: PlanContext): CartLine | null {
  const lines = memory.cart?.items ?? [];
  const parts = u.raw.split(/[,،.;!?؟]+/).filter((c) => c.trim());
  const removing = parts.filter((c) => saysVerbAny(c, ctx.state.lexicon.removeWords));
  if (lines.length < 2 || parts.length < 2 || removing.length !== 1 || !ctx.index) return null;
  const words = tokens(removing[0]).filter((w) => w.length > 2);
  const link = ctx.index.link(words);
  const named = new Set([...link.products.map((p) => p.handle), ...(link.type?.handles ?? [])]);
  const inPart = lines.filter((l) => named.has(l.handle) || words.some((w) => titleWord(l.title, w)));
  return inPart.length === 1 ? inPart[0] : null;
}

export function planRemove(u: Understanding, memory: Memory, ctx: PlanContext): Plan {
  const line = lineToRemove(u, memory, ctx);
  if (line) return { intent: 'cart_remove', calls: [{ name: 'remove_from_cart', args: { sku: line.sku } }] };
  const ref = resolveCartLine(u, memory, ctx.say);
  if (ref.kind === 'need_cart')
    return { intent: 'cart_remove', calls: [{ name: 'get_cart', args: {} }], prefetch: true };
  if (ref.kind === 'ask') return { intent: 'cart_remove', text: ref.text };
  const lines = ref.kind === 'all' ? memory.cart!.items : [ref.line];
  return { intent: 'cart_remove', calls: lines.map((l) => ({ name: 'remove_from_cart', args: { sku: l.sku } })) };
}

/**
 * "make the bottle 3 pieces": a number the shop reads as another product's option value ("3-piece")
 * is a count for a product without that option.
 */
function countInOptions(u: Understanding, ctx: PlanContext, handle: string): number | null {
  const table = ctx.state.table(handle);
  for (const o of u.options) {
    if (o.name && table[o.name]) continue;
    const n = u.words
      .slice(o.start, o.end)
      .map((w) => /^(\d+)/.exec(w)?.[1])
      .find(Boolean);
    if (n) return Number(n);
  }
  return null;
}

export function planUpdate(u: Understanding, memory: Memory, ctx: PlanContext): Plan {
  const swapped = planSwap(u, memory, ctx);
  if (swapped) return swapped;
  // "put the cream one in instead" right after the navy one was refused for stock: an add, not a change.
  if (refusedOffering(u, memory)) return planAdd(u, memory, ctx);
  // "the black one please, two of them": a count for a product shown and not in the cart adds it.
  const pointsAtShown = u.options.length > 0 || !!u.ordinal || u.mentions.pronoun;
  if (memory.cart && u.quantity !== null && memory.shown.length && pointsAtShown) {
    const t = resolveProduct(u, memory, ctx.index, ctx.say, hintsFor(u, memory, ctx));
    if (t.kind === 'product' && !memory.cart.items.some((l) => l.handle === t.handle)) return planAdd(u, memory, ctx);
  }
  if (u.quantity === null && !u.increment) {
    const ref = memory.cart ? resolveCartLine(u, memory, ctx.say) : null;
    const count = ref?.kind === 'line' ? countInOptions(u, ctx, ref.line.handle) : null;
    if (count === null) return { intent: 'cart_update', text: ctx.say('ask.howMany') };
    return planUpdate({ ...u, quantity: count, options: [] }, memory, ctx);
  }
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
  const ref = resolveCartLine(u, memory, ctx.say);
  if (ref.kind === 'need_cart')
    return { intent: 'cart_update', calls: [{ name: 'get_cart', args: {} }], prefetch: true };
  // "add another set of them in white" with nothing in the cart: one more of the product in focus, an add.
  if (u.increment && memory.focus && memory.cart && !memory.cart.items.length) return planAdd(u, memory, ctx);
  if (ref.kind === 'ask') return { intent: 'cart_update', text: ref.text };
  if (ref.kind === 'all') return { intent: 'cart_update', text: ctx.say('ask.whichItem') };
  const quantity = u.increment ? ref.line.quantity + 1 : u.quantity!;
  if (quantity > MAX_QUANTITY) return { intent: 'cart_update', text: ctx.say('ask.tooMany', { n: MAX_QUANTITY }) };
  if (quantity === 0)
    return { intent: 'cart_remove', calls: [{ name: 'remove_from_cart', args: { sku: ref.line.sku } }] };
  return { intent: 'cart_update', calls: [{ name: 'update_cart_item', args: { sku: ref.line.sku, quantity } }] };
}

/** The intents that change the cart. */
export const CART_WRITES = new Set(['cart_add', 'cart_remove', 'cart_update']);

/**
 * A cart change in a message read as looking: "swap it for <name>" read as a search but nearly as a
 * cart change, with a cart to change; "remove the <kind>, too pricey", a part removing a line it names.
 */
export function planCartAside(u: Understanding, memory: Memory, ctx: PlanContext): Plan | null {
  const nearlyWrites = u.intents.some((x) => CART_WRITES.has(x.intent) && x.p >= 0.3);
  const swapped = u.intent === 'search' && nearlyWrites && memory.cart?.items.length ? planSwap(u, memory, ctx) : null;
  if (swapped) return swapped;
  const line = lineToRemove(u, memory, ctx);
  return line ? { intent: 'cart_remove', calls: [{ name: 'remove_from_cart', args: { sku: line.sku } }] } : null;
}

/** "yes" after a product's details, or after a list of one: add it; else ask what next. */
export function planAffirm(u: Understanding, memory: Memory, ctx: PlanContext): Plan {
  const previous = previousEvent(memory);
  // "Want me to add it?" after a product's details: yes means add it.
  if (previous?.name === 'get_product' && memory.focus) return planAdd(u, memory, ctx);
  if (previous?.name === 'search_products' && memory.shown.length === 1) return planAdd(u, memory, ctx);
  return { intent: 'affirm', text: ctx.say('chat.whatNext') };
}
