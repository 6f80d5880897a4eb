import { stem, tokens } from '../../../catalog/terms.js';
import type { ProductSummary } from '../../../catalog/types.js';
import { policyReader } from '../../../policies/policy-reader.js';
import { productDataAnswers } from './answer-product.js';
import type { Memory } from './history.js';
import { BASE_LANGUAGE, type Lexicon } from './language-pack.js';
import { orderAfterList, orderedProduct, orderedTitle } from './order-lines.js';
import type { Plan } from './plan-types.js';
import type { ShopIndex } from './shop-index.js';
import type { Understanding } from './understanding.js';

/**
 * A policy question with what it is about, when the message does not say it ("Is that covered
 * under warranty?" about the product in focus): the subject goes first, as a sentence that sets
 * the scene, so it counts less than the question's own words (as much when the question only points at it).
 */
export function policyQuestion(raw: string, about?: string | null): string {
  return about ? `${about.replace(/[.!?]+$/, '')}. ${raw}` : raw;
}

/**
 * The words a policy search needs, sentence by sentence: the message without greetings, remarks
 * after the question and filler, but with the words that say what is asked ("how long", "how
 * much", "free", "cost"). "We live just outside Cologne. Would delivery be free on an order like
 * that?" → "live outside cologne. delivery free order?". `about` names what the question is
 * about when the message does not (the product in focus).
 */
export function policyQuery(u: Understanding, about?: string | null): string {
  const question = policyQuestion(u.baseText, about);
  const text = policyReader().read(question).text;
  return (text || question.replace(/\s+/g, ' ').trim()).slice(0, 300);
}

/** The policy search for a question, with what it is about when the message does not say. */
export function policySearch(u: Understanding, memory: Memory, index: ShopIndex | null): Plan {
  const query = policyQuery({ ...u, baseText: policyAskedText(u, memory) }, policySubject(u, memory, index));
  return { intent: 'policy', calls: [{ name: 'search_policies', args: { query } }] };
}

/** The question as the policies are searched and its answer chosen: with the action it follows, as part of it. */
export function policyAskedText(u: Understanding, memory: Memory): string {
  const scene = actionScene(u, memory);
  return scene ? `${scene}. ${u.baseText}` : u.baseText;
}

/**
 * "and how long until the money is back on my card?" after asking to cancel: a question on what follows an
 * action (a refund, a payment) that names none is about the action the shopper spoke of last, in its
 * policy words ("cancel cancelled").
 */
function actionScene(u: Understanding, memory: Memory): string | null {
  const reader = policyReader();
  const { topics } = reader.read(u.baseText);
  if (!topics.some((t) => t.scene === 'follows') || topics.some((t) => t.scene === 'action')) return null;
  for (const turn of memory.userTurns.filter((t) => t.at < memory.userIndex).reverse()) {
    const action = reader.read(turn.text).topics.find((t) => t.scene === 'action');
    if (action) return action.related.join(' ');
  }
  return null;
}

/**
 * The product a policy question points at ("is that covered by the warranty?", "how long is the
 * warranty on the <kind>?"): the one in focus, by the catalog's title (the policies' language),
 * not the title it was shown translated under, with its maker and kinds as the catalog names them,
 * for policies are written by brand and kind ("own-brand <kinds>: 5 years", "<kind> is delivered…").
 */
export function policySubject(u: Understanding, memory: Memory, index: ShopIndex | null = null): string | null {
  if (u.links.products.length) return null;
  // "is that covered?" after an order was looked up: its product the shopper spoke of (a part of it may be named).
  const ordered = u.mentions.pronoun && orderAfterList(memory) ? orderedTitle(memory) : null;
  if (ordered) return describe(ordered, index && orderedProduct(memory, index), index);
  const focus = memory.focus;
  // The kind named is the focus's own ("the <kind>" while one is discussed), or the question points.
  const pointed = u.links.type ? focus !== null && u.links.type.handles.has(focus) : u.mentions.pronoun;
  const p = pointed && focus ? memory.products.get(focus) : undefined;
  return p ? describe(p.originalTitle ?? p.title, focus, index) : null;
}

/** A product as policies name it: its title, maker and kinds as the catalog spells them. */
function describe(title: string, handle: string | null, index: ShopIndex | null): string {
  const entry = handle ? index?.byHandle(handle) : undefined;
  if (!entry) return title;
  const kinds = new Set([...entry.categoryPath, entry.productType]);
  return [title, entry.vendor, ...kinds].filter(Boolean).join(', ');
}

/**
 * "can the <product> go in the dishwasher?": a care or rules question about one product that its own
 * description answers (it says "dishwasher") is a question about the product, not about the policies.
 */
export function productAnswers(
  u: Understanding,
  memory: Memory,
  materials: readonly string[],
): boolean | { lookUp: string } {
  const byName = u.links.products.filter((n) => n.coverage >= 0.75);
  const handle = byName.length === 1 ? byName[0].handle : u.mentions.pronoun && !byName.length ? memory.focus : null;
  if (!handle) return false;
  const q = policyReader().read(u.baseText);
  // The rules' own words (wash, return, how long) are the policies'; so are materials: care guides are
  // written by material ("does silver go dark?").
  const cues = q.asks.flatMap((a) => [...a.cues, ...a.answers].flatMap((c) => tokens(c)));
  const topical = new Set([...q.topics.flatMap((t) => t.words), ...cues, ...materials].map(stem));
  // Nor do the product's name and the kind named ("that bag").
  const kind = u.links.type ? u.words.slice(u.links.type.start, u.links.type.end) : [];
  const title = byName[0]?.title ?? memory.products.get(handle)?.title ?? '';
  const naming = new Set([...tokens(title), ...kind].map(stem));
  const asked = q.concepts
    .filter((c) => c.weight >= 1)
    .flatMap((c) => c.words.map(stem))
    .filter((w) => !topical.has(w) && !naming.has(w));
  if (!asked.length) return false;
  const product = memory.products.get(handle);
  // A product named that the conversation has not shown yet is looked up first; its description decides.
  // Only for a question in the catalog's language: other words the gloss left can be in no description.
  if (!product) return u.language === BASE_LANGUAGE ? { lookUp: handle } : false;
  if (!product.description) return false;
  // Its name and options say nothing about the question.
  const options = product.variants.flatMap((v) => Object.entries(v.options).flat());
  const own = [product.title, product.originalTitle ?? '', ...product.optionNames, ...options];
  const named = new Set(tokens(own.join(' ')).map(stem));
  const described = new Set(tokens(product.description).map(stem));
  // A topic of the policies the description never speaks of ("can I send it back?") is the policies' to answer.
  const unspoken = q.topics.some((t) => ![...t.words, ...t.related].some((w) => described.has(stem(w))));
  return !unspoken && asked.some((w) => !named.has(w) && described.has(w));
}

/**
 * "how many hours does it burn?" about a product whose own data says nothing of it, asked the way the
 * policies' questions are (how long, can I, how do I, or one of their topics): the shop's guides and
 * rules may answer it.
 */
export function rulesAnswer(u: Understanding, product: ProductSummary | undefined, lx: Lexicon): boolean {
  if (!product?.description || u.asksPrice || u.options.length || u.size) return false;
  // Its stock, colours, sizes, material or weight are its own data's to answer, or to say it lacks.
  if (u.aspect && u.aspect !== 'details') return false;
  const q = policyReader().read(u.baseText);
  // "how much is the large one?" asks its price, whatever language it came in.
  const asks = q.asks.filter((a) => a.kind !== 'amount');
  return (asks.length > 0 || q.topics.length > 0) && !productDataAnswers(product, u, lx);
}
