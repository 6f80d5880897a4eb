import { stem } from '../../../catalog/terms.js';
import { lastSearch, previousEvent, type Memory } from './history.js';
import { asksQuestion, saysAny } from './normalize.js';
import { asksAboutRules, continues, onlyOptionWords, withoutUnnamedPerson } from './message-readings.js';
import { policySearch, productAnswers, rulesAnswer } from './policy-question.js';
import { choiceByPrice } from './price-choice.js';
import { planCheaper, withoutCompared, planInStock, planMore, planSimilar } from './plan-refine.js';
import type { Plan } from './plan-types.js';
import type { ReplyKey } from './replies.js';
import { resolveProduct } from './resolve-target.js';
import { orderedAgain } from './order-lines.js';
import { picksByOptions, picksFocus } from './pick-by-options.js';
import { handOff } from './plan-handoff.js';
import {
  CART_WRITES,
  chosenByName,
  namesVariant,
  planAdd,
  planAffirm,
  planCartAside,
  planRemove,
  planSwap,
  planUpdate,
} from './plan-cart.js';
import { planOptionChange } from './plan-variant-change.js';
import {
  GENDERS,
  hintsFor,
  namesOptionName,
  namesOptionsOf,
  requestOptions,
  searchArgs,
  UNSURE,
  type PlanContext,
} from './plan-args.js';
import { planOrderFollowUp, planCancel, planOrder, planOrderAddress, planOrderSwap, planReturn } from './plan-order.js';
import type { Understanding } from './understanding.js';
import {
  listSearchedBy,
  oneOfConversationNamed,
  oneShownNamed,
  planAboutShown,
  planNamedComparison,
  priceExtremeShown,
} from './shown-readings.js';

/** Below this, a reading that changes the cart gives way to a close reading that only looks. */
const SURE_WRITE = 0.5;
/** …one at least this share of its probability. */
const LOOK_SHARE = 0.75;
/** Below this, a search reading of a question about one product of the conversation gives way to the question. */
const SURE_SEARCH = 0.5;
/** A message naming this share of a title's weight names the product whole. */
const NAMED_WHOLE = 0.75;
const LOOKS = new Set(['product_info', 'refine_cheaper', 'refine_filter', 'refine_more', 'search']);

/** Requests about orders or for a person: never read as a change to the cart or the last search. */
const ABOUT_ORDERS_OR_PEOPLE = new Set(['human', 'order_status', 'order_list', 'order_cancel', 'order_return']);

/** Readings of a message that may ask which of the products shown is the cheapest or dearest. */
const ASKS_ABOUT_SHOWN = new Set(['product_info', 'refine_cheaper', 'refine_filter', 'refine_more', 'search', 'other']);

/** A plan's search calls with more arguments. */
function withSearchArgs(plan: Plan, extra: Record<string, unknown>): Plan {
  if (!('calls' in plan) || !plan.calls) return plan;
  const calls = plan.calls.map((c) => (c.name === 'search_products' ? { ...c, args: { ...c.args, ...extra } } : c));
  return { ...plan, calls };
}

/** Decides what to do about the latest message: tool calls, or a reply (often a clarifying question). */
export function planMessage(u: Understanding, memory: Memory, ctx: PlanContext): Plan {
  // A change named in a condition is a question about the rules: it is answered, not made.
  const onlyAsks = asksAboutRules(u, ctx.state.lexicon);
  if (onlyAsks) u = { ...u, intent: 'policy' };
  u = withoutUnnamedPerson(u, ctx.state.lexicon);
  // Changing the cart needs a surer reading than looking: an unsure add close to a question is the question.
  // …unless it names one product and the options of its variant ("نحب نشري <name> مقاس L لونو Black").
  if (CART_WRITES.has(u.intent) && u.confidence < SURE_WRITE && !(u.intent === 'cart_add' && namesVariant(u, ctx))) {
    const look = u.intents.find((x) => LOOKS.has(x.intent));
    if (look && look.p >= LOOK_SHARE * u.confidence) u = { ...u, intent: look.intent, confidence: look.p };
  }
  // "the first one you showed me", "the navy one from before": among everything shown so far.
  if (u.mentions.recall && memory.seen.length > memory.shown.length)
    memory = { ...memory, shown: memory.seen, lastList: 'products' };
  // "the $23.99 one" when the list now shown has none at that price: the one of all those shown so far.
  let chosen = choiceByPrice(u, memory);
  if (u.priceRef && chosen === u) {
    const seenAll = { ...memory, shown: memory.seen, lastList: 'products' as const };
    const inSeen = choiceByPrice(u, seenAll);
    if (inSeen !== u) [memory, chosen] = [seenAll, inSeen];
  }
  // "and the one at 65?" read as a search or a narrowing, with nothing else to look for: it asks about that one.
  const pickedByPrice = chosen.ordinal !== u.ordinal && !chosen.queryWords.length && !chosen.links.type;
  u = chosen;
  if (pickedByPrice && (u.intent === 'search' || u.intent.startsWith('refine_'))) u = { ...u, intent: 'product_info' };
  // "ok die für 65 in Größe 43": one picked by its price in a size, said and not asked, is taken.
  const takes = pickedByPrice && !!u.size && !asksQuestion(u.raw) && u.intent === 'product_info';
  if (takes) u = { ...u, intent: 'cart_add' };
  const intent = u.intent;
  const call = (name: string, args: Record<string, unknown> = {}): Plan => ({ intent, calls: [{ name, args }] });
  const reply = (key: ReplyKey): Plan => ({ intent, text: ctx.say(key) });
  const notUnderstood: Plan = { intent, text: ctx.say('chat.notUnderstood'), unanswered: 'not_understood' };
  const search = (about = u): Plan => {
    const args = searchArgs(about, memory, ctx);
    return args ? { intent: 'search', calls: [{ name: 'search_products', args }] } : reply('ask.whatLookingFor');
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

  // Frustration with nothing else asked: a person takes over, urgently. An angry question about an order
  // ("what is going on with my order?? nothing for days!!") is answered: the order's state is what is wanted.
  const aboutOrder = ABOUT_ORDERS_OR_PEOPLE.has(intent) && intent !== 'human';
  if (u.mentions.frustrated && (intent === 'human' || (!shopWords && !aboutOrder))) return handOff(u);
  // "ship it to …", "swap it for a size M" about an order: a change the shopper then confirms.
  const orderChange = planOrderAddress(u, memory, ctx) ?? planOrderSwap(u, memory, ctx);
  if (orderChange) return orderChange;
  // An order number is about that order, whatever else the message says ("any news on AP-10023?").
  const orderNumber = u.orderId && /\D/.test(u.orderId.replace(/^#/, ''));
  if (
    orderNumber &&
    !['order_status', 'order_list', 'order_cancel', 'order_return', 'policy', 'human'].includes(intent)
  )
    return planOrder(u, memory);

  // A cart change in a message read as looking ("remove the <kind>, too pricey").
  const cartAside = LOOKS.has(intent) ? planCartAside(u, memory, ctx) : null;
  if (cartAside) return cartAside;

  // An answer to "which size?" after an add that needed an option: "42", "black", "navy, large".
  const pending = memory.pendingOption;
  const handle = String(pending?.args.handle ?? '');
  const otherProduct = u.links.products.some((p) => p.handle !== handle);
  // "and the first one in S in black": a product of the list with its own options, not an answer.
  const picksFromList = !!u.ordinal && memory.shown.length > 1 && (!!u.size || u.options.length > 0);
  if (
    pending &&
    u.words.length <= 8 &&
    !u.links.type &&
    !otherProduct &&
    !picksFromList &&
    !['policy', 'order_status', 'human'].includes(intent)
  ) {
    if (namesOptionsOf(u, ctx, handle) || u.size) return planAdd(u, memory, ctx, handle);
    // "actually just one" while its option is asked: the add asked about, with the new count.
    if (intent === 'cart_update' && u.quantity && !memory.cart?.items.some((l) => l.handle === handle))
      return planAdd(u, memory, ctx, handle);
  }

  // "wait no, change that to rust": another variant of the cart line under discussion.
  if (!ABOUT_ORDERS_OR_PEOPLE.has(intent) && !onlyAsks) {
    const changed = planOptionChange(u, memory, ctx);
    if (changed) return changed;
  }
  // "navy L then", "high ventilation pls": options alone, with a product in focus, choose it.
  const optionsOnly = (u.size || u.options.length || u.mentions.largest || u.mentions.smallest) && !u.links.type;
  // "wireless?" about the one product on screen asks whether it comes so, however the intent model reads it.
  const optionWordsOnly = optionsOnly && onlyOptionWords(u, ctx.state.lexicon);
  const asksOption = optionWordsOnly && !u.mentions.cart && asksQuestion(u.raw);
  const mayAdd =
    intent !== 'product_info' && (intent.startsWith('cart_') || intent === 'other' || u.confidence < UNSURE);
  if (asksOption && mayAdd && memory.shown.length === 1 && memory.focus && !u.ordinal)
    return planMessage({ ...u, intent: 'product_info' }, memory, ctx);
  if (optionsOnly && memory.focus && (intent === 'other' || u.confidence < UNSURE)) return planAdd(u, memory, ctx);
  // "ok black then" right after the product's options were told or an add of it refused: that variant chosen.
  const last = previousEvent(memory);
  const onFocus = ['get_product', 'add_to_cart'].includes(last?.name ?? '') && last?.args.handle === memory.focus;
  const picks = intent === 'product_info' || (onFocus && LOOKS.has(intent));
  if (picks && picksByOptions(u, memory, ctx)) return planAdd(u, memory, ctx);
  const followsOrder = planOrderFollowUp(u, memory, ctx, shopWords);
  if (followsOrder) return followsOrder;
  if (u.confidence < UNSURE) {
    // Unsure what is asked: the shop's own words make it a search; otherwise ask, never guess.
    if (!shopWords) return notUnderstood;
    if (!['search', 'product_info', 'cart_add'].includes(intent)) return search();
  }

  // "ideally under 22 euros", "I'd rather keep it under sixty dollars": a budget alone narrows the last search.
  const budgetOnly = u.price && !u.queryWords.length && !u.links.type && !u.links.products.length && !u.ordinal;
  const searched = memory.events.some((e) => e.name === 'search_products');
  if (budgetOnly && searched && !ABOUT_ORDERS_OR_PEOPLE.has(intent)) {
    return planFilter(u, memory, ctx);
  }
  // "teal?", "any in red? i'm a size M" after a list: options alone narrow the last search; with
  // one product on screen, "blue?" asks whether it comes in blue.
  const optionFollowUp =
    optionWordsOnly &&
    searched &&
    !u.links.products.length &&
    !u.ordinal &&
    !ABOUT_ORDERS_OR_PEOPLE.has(intent) &&
    !intent.startsWith('cart_');
  // "and how much is it in Long?" right after one product's details asks about that product, not the list.
  const aboutFocus =
    !!memory.focus &&
    previousEvent(memory)?.name === 'get_product' &&
    u.mentions.pronoun &&
    !saysAny(u.raw, ctx.state.lexicon.restrict);
  if (optionFollowUp && memory.shown.length > 1 && !aboutFocus) return planFilter(u, memory, ctx);
  const oneInView = memory.shown.length === 1 || aboutFocus;
  if (optionFollowUp && oneInView && memory.focus && intent !== 'product_info' && u.raw.includes('?'))
    return planMessage({ ...u, intent: 'product_info' }, memory, ctx);
  // "are those <name> dishwasher safe" with no list to narrow: a question about the one product it names.
  const namedWhole = u.links.products.filter((p) => p.coverage >= NAMED_WHOLE && p.distinctive > 0);
  // Asked of a thing ("are those…", "is it…"), not whether the shop has it ("do you have…?").
  const asksOf = ctx.state.lexicon.askedLeads.some((l) => u.words.join(' ').startsWith(`${l} `));
  const looksFor = intent === 'refine_filter' || (intent === 'search' && asksOf);
  if (looksFor && !memory.shown.length && (asksOf || asksQuestion(u.raw)) && namedWhole.length === 1)
    return planMessage({ ...u, intent: 'product_info' }, memory, ctx);
  // A follow-up with nothing to follow ("anything like that in black?" as a first message) is a search.
  if (intent.startsWith('refine_') && !memory.shown.length && shopWords)
    return search(intent === 'refine_cheaper' ? withoutCompared(u) : u);
  if (chosenByName(u, ctx)) return planAdd(u, memory, ctx);
  // "I want the same <kind> but in burgundy" right after an order was looked at: that product again, so chosen.
  const again = (intent === 'search' || intent === 'other') && u.options.length && ctx.index;
  const ordered = again && saysAny(u.raw, ctx.state.lexicon.same) ? orderedAgain(u, memory, ctx.index!) : null;
  if (ordered) return planAdd(u, memory, ctx, ordered);
  // "add the Quillon Lamp" … "and the Brambleby Scarf": a bare "and <product>" continues the last action.
  const previous = previousEvent(memory);
  if (previous?.name === 'add_to_cart' && continues(u, ctx.state.lexicon)) return planAdd(u, memory, ctx);
  // "can the <kind> go on a gas stove?": a question naming one product of the conversation, read as a search
  // without conviction, asks about it.
  if (intent === 'search' && u.confidence < SURE_SEARCH && u.raw.includes('?') && oneOfConversationNamed(u, memory))
    return planMessage({ ...u, intent: 'product_info' }, memory, ctx);
  // "does the <name> come in yellow?" read as narrowing the list: a question about the one product of it named.
  // Not "which of those are silver?", which asks across the list.
  const acrossList = saysAny(u.raw, ctx.state.lexicon.plural);
  if (intent === 'refine_filter' && asksQuestion(u.raw) && !acrossList && oneShownNamed(u, memory))
    return planMessage({ ...u, intent: 'product_info' }, memory, ctx);
  // "which of those is the cheapest?": the list's search again, its good matches by price (the list shows five at
  // most, the cheapest may be a sixth); a list that came from elsewhere: that one of it, shown with its details.
  if (ASKS_ABOUT_SHOWN.has(intent)) {
    const extreme = priceExtremeShown(u, memory, ctx);
    if (extreme && listSearchedBy(memory))
      return withSearchArgs(planFilter(u, memory, ctx), { sort: extreme.sort, limit: 3 });
    if (extreme) return { intent: 'product_info', calls: [{ name: 'get_product', args: { handle: extreme.handle } }] };
  }

  // "ok drop the cheaper one" with things in the cart takes one out, however the intent model reads "cheaper".
  const cartLines = memory.cart?.items.length ?? 0;
  const comparesLines = (u.mentions.cheaper || u.mentions.pricier) && cartLines >= 2;
  if (intent.startsWith('refine_') && comparesLines && saysAny(u.raw, ctx.state.lexicon.removeWords))
    return planRemove(u, memory, ctx);

  // "Synthetic sleeping bag, long length." as a first message: words several products share alike name a kind.
  const [first, second] = u.links.products;
  const sharedName = !!second && first.distinctive === second.distinctive && first.coverage < 0.99;
  if (intent === 'product_info' && sharedName && !asksQuestion(u.raw) && !memory.shown.length && !memory.focus)
    return search();

  switch (intent) {
    case 'greeting':
      return reply('chat.greeting');
    case 'thanks':
      return reply('chat.thanks');
    case 'goodbye':
      return reply('chat.goodbye');
    case 'other':
      return u.queryWords.length && shopWords ? search() : notUnderstood;
    case 'human':
      return handOff(u);
    case 'affirm':
      return planAffirm(u, memory, ctx);
    case 'deny':
      return reply('chat.noProblem');
    case 'cart_show':
      return call('get_cart');
    case 'order_list':
      return call('get_orders', { limit: 10 });
    case 'order_status':
      return planOrder(u, memory);
    case 'order_cancel':
      return planCancel(u, memory, ctx);
    case 'order_return':
      // The rules, not the model, say whether it still can be returned.
      return planReturn(u, memory, ctx);
    case 'policy': {
      const answers = productAnswers(u, memory, ctx.state.lexicon.materials);
      if (answers === true) return planMessage({ ...u, intent: 'product_info' }, memory, ctx);
      if (answers)
        return { intent: 'policy', calls: [{ name: 'get_product', args: { handle: answers.lookUp } }], prefetch: true };
      return policySearch(u, memory, ctx.index);
    }
    case 'refine_cheaper':
      // "anything under 60?": the shopper's own budget beats "cheaper than what was shown".
      if (u.price) return planFilter(u, memory, ctx);
      return planCheaper(u, memory, ctx);
    case 'refine_in_stock':
      // "which colours are in stock?" with one product on screen asks about it.
      if (memory.shown.length === 1 && memory.focus && namesOptionName(u, ctx) && !u.links.type)
        return planMessage({ ...u, intent: 'product_info' }, memory, ctx);
      // "only ones in stock in 44": the options said narrow the search too.
      if ((u.size || u.options.length) && memory.shown.length)
        return withSearchArgs(planFilter(u, memory, ctx), { inStock: true });
      return planInStock(memory, ctx.say);
    case 'refine_more':
      return u.price || newShopWords(u, memory, ctx).length ? planFilter(u, memory, ctx) : planMore(u, memory, ctx.say);
    case 'refine_similar':
      // "something that smells like pine": new words narrow the last search rather than name a product.
      return !u.links.products.length && !u.ordinal && newShopWords(u, memory, ctx).length
        ? planFilter(u, memory, ctx)
        : planSimilar(u, memory, ctx.say);
    case 'refine_filter':
      // "are any of them foldable?" with one product on screen is a question about it.
      // …but "only glass ones", "polarized only" narrow the search whatever is on screen.
      if (memory.shown.length <= 1 && memory.focus && !u.links.type && !saysAny(u.raw, ctx.state.lexicon.restrict))
        return planMessage({ ...u, intent: 'product_info' }, memory, ctx);
      return planFilter(u, memory, ctx);
    // "a present for my sister, she loves gardening": the shop's own words say what to look for.
    case 'recommend': {
      const known = u.queryWords.filter((w) => ctx.index?.knows(w));
      if (known.length) return search({ ...u, queryWords: known });
      return u.links.type || u.price || shopWords ? search() : call('recommend_products');
    }
    case 'cart_remove':
      return planSwap(u, memory, ctx) ?? planRemove(u, memory, ctx);
    case 'cart_update':
      return planUpdate(u, memory, ctx);
    case 'cart_add':
      return planSwap(u, memory, ctx) ?? planAdd(u, memory, ctx);
    case 'product_info': {
      // "that one" right after the product's details: the shopper picks it.
      if (picksFocus(u, memory, ctx.state.lexicon)) return planAdd(u, memory, ctx);
      const aboutShown = planAboutShown(u, memory, ctx) ?? planNamedComparison(u, memory, ctx);
      if (aboutShown) return aboutShown;
      const t = resolveProduct(u, memory, ctx.index, ctx.say, hintsFor(u, memory, ctx));
      if (t.kind === 'product' && rulesAnswer(u, memory.products.get(t.handle), ctx.state.lexicon)) {
        return policySearch(u, memory, ctx.index);
      }
      if (t.kind === 'product') return call('get_product', { handle: t.handle });
      if (t.kind === 'ask') return { intent, text: t.text };
      // "do you have it in green?" with several on screen and none in focus: the last search, narrowed.
      const optionWordsOnly = u.queryWords.every((w) => u.options.some((o) => stem(o.value.toLowerCase()) === stem(w)));
      if (optionsOnly && optionWordsOnly && searched && memory.shown.length > 1) return planFilter(u, memory, ctx);
      return search();
    }
    default:
      return search();
  }
}

/** "only the mesh ones", "just the women's ones": the last search again, narrowed by the new words. */
function planFilter(u: Understanding, memory: Memory, ctx: PlanContext): Plan {
  const last = lastSearch(memory);
  const now = searchArgs(u, memory, ctx);
  if (!last)
    return now
      ? { intent: 'refine_filter', calls: [{ name: 'search_products', args: now }] }
      : { intent: 'refine_filter', text: ctx.say('ask.nothingShown') };
  const base = { ...last.args } as Record<string, unknown>;
  // "size 38?" names no product: its options still narrow the last search.
  const options = now?.options ?? requestOptions(u, ctx, memory);
  // "with a camera compartment": a value the filter asks for is no other kind of product to search for.
  const filtered = new Set(Object.values(options ?? {}).flatMap((v) => String(v).toLowerCase().split(/\s+/).map(stem)));
  const words = newShopWords(u, memory, ctx).filter((w) => !(filtered.has(stem(w)) && ctx.index?.isKind(w)));
  // "only sofas pls" after beanbags: another kind of product replaces the last one's words.
  const lastType = ctx.index?.link(String(base.query ?? '').split(/\s+/)).type ?? null;
  const otherType =
    u.intent === 'refine_filter' &&
    u.links.type &&
    lastType &&
    u.links.type.label !== lastType.label &&
    u.queryWords.length > 0;
  const query = otherType
    ? u.queryWords.join(' ') || u.links.type!.label
    : [base.query, ...words].filter(Boolean).join(' ');
  const args: Record<string, unknown> = { ...base, query };
  delete args.limit;
  if (options) args.options = { ...((base.options as object) ?? {}), ...(options as object) };
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
