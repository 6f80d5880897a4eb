import type { ChatMessage } from '../../model.js';
import { stem, tokens } from '../../../catalog/terms.js';
import { sortsByPrice, type ProductSummary } from '../../../catalog/types.js';
import type { CartRefusal, CartView, OrderView } from '../../../tools/results.js';

/** Replies list at most this many products, so ordinals ("the 5th") always point at something shown. */
export const MAX_LISTED = 5;

/** One tool call and its result, read back from the transcript. */
export interface ToolEvent {
  id: string;
  name: string;
  args: Record<string, unknown>;
  /** The parsed result JSON; undefined when it was not valid JSON. */
  result: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Index of the tool message in the transcript. */
  at: number;
}

/**
 * What the offline model remembers, rebuilt from the transcript on every call: it keeps no state
 * of its own. Only structured fields of tool results are read, never free text inside them.
 */
export interface Memory {
  events: ToolEvent[];
  /** The latest user message (raw) and where it sits. */
  userText: string;
  /** The shopper's latest message as typed, before folding and the gloss (for text that is kept, like an address). */
  typedText: string;
  userIndex: number;
  /** Every user message and where it sits, oldest first. */
  userTurns: { text: string; at: number }[];
  /** Tool events since the latest user message, and those of the latest step alone. */
  turnEvents: ToolEvent[];
  lastStep: ToolEvent[];
  turnSteps: number;
  /** The most recently listed products, in the order they were shown. */
  shown: ProductSummary[];
  /** Every product shown in the conversation, lists and single products alike, in the order first shown. */
  seen: ProductSummary[];
  /** Whether the latest numbered list was products or cart lines. */
  lastList: 'products' | 'cart' | null;
  /** The one product under discussion ("it", "that one"), or null when unclear. */
  focus: string | null;
  /** The cart line under discussion ("make it 3"), or null when unclear. */
  focusSku: string | null;
  cart: CartView | null;
  /** The order under discussion ("the tracking number on it"): the last one looked up by number. */
  orderFocus: string | null;
  /** The add_to_cart that ended the previous turn asking for an option, if any. */
  pendingOption: { args: Record<string, unknown>; missing: NonNullable<CartRefusal['missingOptions']> } | null;
  products: Map<string, ProductSummary>;
}

const isProducts = (v: unknown): v is ProductSummary[] =>
  Array.isArray(v) && v.every((p) => p && typeof p.handle === 'string');
const isCart = (v: unknown): v is CartView => !!v && Array.isArray((v as CartView).items);
const parse = (s: string | null) => {
  try {
    return s == null ? undefined : JSON.parse(s);
  } catch {
    return undefined;
  }
};

/**
 * A product shown translated in another turn's language, as this turn's language reads it: the
 * catalog's title and option names (a shopper who switched back to English sees English names).
 */
function asReadIn(p: ProductSummary, language: string | undefined): ProductSummary {
  if (!language || !p.language || p.language === language) return p;
  const { originalTitle, optionLabels: _labels, language: _language, ...rest } = p;
  return { ...rest, title: originalTitle ?? p.title };
}

/** A tool result with every product in it read in the turn's language (see asReadIn). */
function resultIn(result: ReturnType<typeof parse>, language: string | undefined) {
  if (!language || !result || typeof result !== 'object') return result;
  const out = { ...result };
  for (const key of ['products', 'alternativeProducts'])
    if (isProducts(out[key])) out[key] = out[key].map((p: ProductSummary) => asReadIn(p, language));
  if (out.product && typeof out.product.handle === 'string') out.product = asReadIn(out.product, language);
  return out;
}

/**
 * `language`: the turn's reply language; products translated into another are read in the catalog's.
 * `typed`: the latest message as the shopper typed it, when `messages` hold it glossed.
 */
export function readHistory(messages: ChatMessage[], language?: string, typed?: string): Memory {
  const calls = new Map<string, { name: string; args: Record<string, unknown> }>();
  const events: ToolEvent[] = [];
  let userIndex = -1;
  const userTurns: Memory['userTurns'] = [];
  let lastStepAt = -1;
  let turnSteps = 0;
  messages.forEach((m, at) => {
    if (m.role === 'user') {
      userIndex = at;
      userTurns.push({ text: m.content, at });
      turnSteps = 0;
    }
    if (m.role === 'assistant' && m.toolCalls?.length) {
      lastStepAt = at;
      turnSteps++;
      for (const c of m.toolCalls) {
        const args = parse(c.arguments);
        calls.set(c.id, { name: c.name, args: args && typeof args === 'object' ? args : {} });
      }
    }
    if (m.role === 'tool') {
      const call = calls.get(m.toolCallId);
      events.push({
        id: m.toolCallId,
        name: call?.name ?? m.name,
        args: call?.args ?? {},
        result: resultIn(parse(m.content), language),
        at,
      });
    }
  });
  const user = messages[userIndex];
  const turnEvents = events.filter((e) => e.at > userIndex);
  const memory: Memory = {
    events,
    userText: user?.role === 'user' ? user.content : '',
    typedText: typed ?? (user?.role === 'user' ? user.content : ''),
    userIndex,
    userTurns,
    turnEvents,
    lastStep: lastStepAt > userIndex ? events.filter((e) => e.at > lastStepAt) : [],
    turnSteps: lastStepAt > userIndex ? turnSteps : 0,
    shown: [],
    seen: [],
    lastList: null,
    focus: null,
    focusSku: null,
    cart: null,
    orderFocus: null,
    pendingOption: null,
    products: new Map(),
  };
  for (const e of events) for (const p of productsOf(e)) memory.products.set(p.handle, withKnownVariants(p, memory));
  for (const e of events) {
    for (const p of productsOf(e).slice(0, MAX_LISTED)) {
      if (!memory.seen.some((x) => x.handle === p.handle)) memory.seen.push(memory.products.get(p.handle) ?? p);
    }
  }
  readBackwards(memory);
  comparedAsList(memory);
  memory.focus = answerLeadsWith(memory, messages) ?? memory.focus;
  memory.orderFocus = orderInFocus(
    events.filter((e) => e.at < userIndex),
    messages,
  );
  const previous = events.filter((e) => e.at < userIndex).at(-1);
  if (previous?.name === 'add_to_cart' && previous.result?.ok === false && previous.result.reason === 'needs_option') {
    memory.pendingOption = { args: previous.args, missing: previous.result.missingOptions ?? [] };
  }
  return memory;
}

/**
 * The order under discussion: the last one looked up, or the one order of a list that the reply
 * after it described (an id of that list's result, so nothing the model wrote is trusted beyond it).
 */
function orderInFocus(events: ToolEvent[], messages: ChatMessage[]): string | null {
  for (const e of [...events].reverse()) {
    const r = e.result;
    if (e.name === 'get_order_status' && typeof r?.order?.id === 'string') return r.order.id;
    if (e.name === 'get_orders' && Array.isArray(r?.orders)) {
      const ids: string[] = r.orders.map((o: { id?: unknown }) => String(o.id));
      if (ids.length === 1) return ids[0];
      const reply = messages.slice(e.at + 1).find((m) => m.role === 'assistant' && m.content)?.content ?? '';
      const named = ids.filter((id) => reply.includes(id));
      return named.length === 1 ? named[0] : null;
    }
  }
  return null;
}

/**
 * The product a reply written from what was already shown leads with ("which one is the lightest?" → "<title> —
 * 275 g…"): the one talked about since. Only a title of a product the tools showed counts, and only for a reply to
 * a later message than the last look-up.
 */
function answerLeadsWith(memory: Memory, messages: ChatMessage[]): string | null {
  const before = messages.slice(0, memory.userIndex);
  const lastEvent = previousEvent(memory)?.at ?? -1;
  const asked = before.findLastIndex((m) => m.role === 'user');
  if (asked <= lastEvent) return null;
  const reply = before.slice(asked + 1).find((m) => m.role === 'assistant' && m.content)?.content ?? '';
  const led = [...memory.products.values()].filter((p) => reply.startsWith(p.title));
  return led.length ? led.reduce((a, b) => (b.title.length > a.title.length ? b : a)).handle : null;
}

/** A product as last shown, with every variant seen so far (a filtered search shows only some). */
function withKnownVariants(p: ProductSummary, memory: Memory): ProductSummary {
  const before = memory.products.get(p.handle);
  if (!before || !Array.isArray(p.variants)) return p;
  const seen = new Set(p.variants.map((v) => v.sku));
  return { ...p, variants: [...p.variants, ...(before.variants ?? []).filter((v) => !seen.has(v.sku))] };
}

/** Products a tool result showed the shopper, in order. */
/** The last tool call before the latest shopper message: what the assistant did just before. */
export const previousEvent = (memory: Memory): ToolEvent | undefined =>
  memory.events.filter((e) => e.at < memory.userIndex).at(-1);

export function productsOf(e: ToolEvent): ProductSummary[] {
  const r = e.result;
  if (!r || typeof r !== 'object') return [];
  if ((e.name === 'search_products' || e.name === 'recommend_products') && isProducts(r.products)) return r.products;
  if (e.name === 'get_product' && r.product && typeof r.product.handle === 'string') return [r.product];
  if (r.ok === false && isProducts(r.alternativeProducts)) return r.alternativeProducts;
  return [];
}

function readBackwards(memory: Memory): void {
  let focusOpen = true;
  let skuOpen = true;
  const lineHandle = (sku: string) => memory.cart?.items.find((l) => l.sku === sku)?.handle ?? null;
  for (const e of [...memory.events].reverse()) {
    const r = e.result;
    if (!memory.cart && r && isCart(r.cart)) memory.cart = r.cart;
    const listed = e.name === 'get_product' ? [] : productsOf(e);
    const cartList = e.name === 'get_cart' && r && isCart(r.cart) ? r.cart.items : null;
    // The product list stays referable after the cart was shown; `lastList` says which came last.
    if (!memory.shown.length && listed.length) memory.shown = listed.slice(0, MAX_LISTED);
    if (!memory.lastList && (listed.length || cartList?.length)) memory.lastList = listed.length ? 'products' : 'cart';

    if (skuOpen) {
      if (r?.ok === true && typeof r.changedSku === 'string' && e.name !== 'remove_from_cart') {
        memory.focusSku = memory.cart?.items.some((l) => l.sku === r.changedSku) ? r.changedSku : null;
        skuOpen = false;
      } else if (cartList) {
        memory.focusSku = cartList.length === 1 ? cartList[0].sku : null;
        skuOpen = false;
      } else if (listed.length > 1) skuOpen = false;
    }
    if (focusOpen) {
      let handle: string | null | undefined;
      if (e.name === 'get_product' && listed.length === 0 && r?.product?.handle) handle = r.product.handle;
      else if (e.name === 'add_to_cart' && typeof e.args.handle === 'string') handle = e.args.handle;
      else if (e.name === 'add_to_cart' && typeof e.args.sku === 'string') handle = lineHandle(e.args.sku);
      else if (e.name === 'update_cart_item' && typeof e.args.sku === 'string') handle = lineHandle(e.args.sku);
      // A search by price answers "which is the cheapest?": its first product is the one talked about.
      else if (listed.length && e.name === 'search_products' && sortsByPrice(e.args.sort)) handle = listed[0].handle;
      else if (listed.length) handle = listed.length === 1 ? listed[0].handle : null;
      else if (cartList?.length) handle = cartList.length === 1 ? cartList[0].handle : null;
      if (handle !== undefined) {
        memory.focus = handle;
        focusOpen = false;
      }
    }
  }
}

/**
 * Two products or more looked up in one step ("compare the <name> and the <name>") are a list shown, when
 * no list came after them: "which of the two…", "the second one" point at them.
 */
function comparedAsList(memory: Memory): void {
  const looked = memory.events.filter((e) => e.name === 'get_product' && e.result?.product?.handle);
  const last = looked.at(-1);
  if (!last) return;
  // One step's results stand side by side in the transcript.
  const step = [last];
  for (let i = looked.length - 2; i >= 0 && looked[i].at === step[0].at - 1; i--) step.unshift(looked[i]);
  const listedAfter = memory.events.some((e) => e.at > last.at && e.name !== 'get_product' && productsOf(e).length);
  // This turn's own look-ups are not yet something shown before the message.
  if (step.length < 2 || listedAfter || last.at > memory.userIndex) return;
  const products = step.map((e) => memory.products.get(e.result.product.handle) ?? e.result.product);
  memory.shown = [...new Map(products.map((p: ProductSummary) => [p.handle, p])).values()];
  memory.lastList = 'products';
}

const idKey = (id: string) => id.replace(/^#/, '').toLowerCase();

/** Whether a tool call looked the shopper's orders up (one by number, or their list). */
export const looksUpOrders = (e: ToolEvent | undefined): boolean =>
  e?.name === 'get_order_status' || e?.name === 'get_orders';

/** The orders a tool call's result shows in detail: the one looked up, or the list; none for other calls. */
export function ordersOf(e: ToolEvent | undefined): OrderView[] {
  const r = e?.result;
  if (e?.name === 'get_order_status' && r?.order) return [r.order];
  return e?.name === 'get_orders' && Array.isArray(r?.orders) ? r.orders : [];
}

/** Orders the conversation has seen in detail, by id, the latest look-up of each. */
export function knownOrder(memory: Memory, id: string): OrderView | null {
  let found: OrderView | null = null;
  for (const e of memory.events) {
    for (const o of ordersOf(e)) if (typeof o?.id === 'string' && idKey(o.id) === idKey(id)) found = o;
  }
  return found;
}

/**
 * The last search, to narrow again ("cheaper?", "under 300?"). When it found only the closest things,
 * its query keeps the words those products carry ("<time of day> <drink>" that showed a <drink> maker →
 * "<drink>"): the shopper narrows what they saw, not the words the shop lacks.
 */
export function lastSearch(memory: Memory): ToolEvent | undefined {
  const e = memory.events.findLast((x) => x.name === 'search_products' && typeof x.args.query === 'string');
  if (!e || !e.result || e.result.match === 'strong') return e;
  const shown = productsOf(e).slice(0, MAX_LISTED);
  const names = shown.flatMap((p) => [p.title, p.category, ...(p.categoryPath ?? [])]);
  const carried = new Set(tokens(names.join(' ')).map(stem));
  const words = String(e.args.query).split(/\s+/);
  const kept = words.filter((w) => carried.has(stem(w)));
  return kept.length && kept.length < words.length ? { ...e, args: { ...e.args, query: kept.join(' ') } } : e;
}
