import { foldArabicScript } from '../../../shared/language.js';
import { money } from '../../../catalog/money.js';
import type { ProductSummary, VariantSummary } from '../../../catalog/types.js';
import { normalizeOptionName } from '../../../catalog/search-filters.js';
import { stem, tokens } from '../../../catalog/terms.js';
import {
  chosenVariant,
  variantsFitting,
  withoutTitles,
  type DialogueState,
  type VariantWish,
} from './dialogue-state.js';
import { availableOptions, optionPairs, trimText } from './format.js';
import type { Lexicon } from './language-pack.js';
import {
  bestFacts,
  factsOf,
  factScore,
  isAbout,
  questionTerms,
  type Fact,
  type QuestionTerms,
} from './product-facts.js';
import type { OptionTable } from './product-options.js';
import type { Say } from './replies.js';
import { sizeByOrder } from './size-order.js';
import type { Understanding } from './understanding.js';

/**
 * Answers to questions about products from their own data only: option values and stock per
 * variant (within what the shopper already chose), prices, attributes and description sentences;
 * and, over a list just shown, which of them has something or has the most of it.
 */

/** The questions of a message, without the story around them ("What size is it? She'd use it on the sofa."). */
function questionText(raw: string): string {
  const sentences = raw.split(/(?<=[.!?])\s+/);
  const questions = sentences.filter((x) => x.trim().endsWith('?'));
  return (questions.length ? questions : sentences).join(' ');
}

/** "size m, colour black": option names lowercased, with their values. */
const label = (say: Say, options: Record<string, string>) => optionPairs(say, options, true);
const factLine = (say: Say, f: Fact) =>
  f.kind === 'sentence' ? f.value : say('answer.fact', { label: f.label, value: f.value });
const distinct = (values: (string | undefined)[]) => [...new Set(values.filter((x): x is string => !!x))];

function tableOf(p: ProductSummary, state: DialogueState | null): OptionTable {
  if (state) return state.table(p.handle);
  const out: OptionTable = {};
  for (const v of p.variants) for (const [n, val] of Object.entries(v.options)) (out[n] ??= []).push(val);
  return out;
}

function priceOf(say: Say, vs: VariantSummary[]): string {
  const prices = vs.map((v) => v.price);
  const min = prices.reduce((a, b) => (b.amount < a.amount ? b : a));
  const max = prices.reduce((a, b) => (b.amount > a.amount ? b : a));
  return min.amount === max.amount ? say.money(min) : say('answer.priceRange', { min, max });
}

function describeVariant(say: Say, p: ProductSummary, v: VariantSummary): string {
  const vars = { title: p.title, options: label(say, v.options), price: v.price };
  return say(v.inStock ? 'answer.variant' : 'answer.variantOutOfStock', vars);
}

interface Asked {
  wish: VariantWish;
  /** Option values named in this question. */
  said: Record<string, string>;
  /** Option names it asks about ("which colours"). */
  names: string[];
}

function askedOf(p: ProductSummary, u: Understanding, state: DialogueState | null, lx: Lexicon): Asked {
  const table = tableOf(p, state);
  const wished: VariantWish = state ? state.wish(p.handle) : { options: {}, pick: null };
  // "the big size, how long does it burn?": a size chosen by its order narrows the variants, not asked about.
  const bySizeOrder = sizeByOrder(u, Object.keys(table), (n) => table[n] ?? [], lx);
  const wish = { ...wished, options: { ...wished.options, ...bySizeOrder } };
  // "how much does the Tide Pebble Cup hold?": the product's name quoted says no option value (Pebble).
  const text = withoutTitles(u.raw, [p.title, p.originalTitle]);
  const said = state ? state.reader.read(text, table) : {};
  const bySize = u.mentions.largest || u.mentions.smallest || Object.keys(bySizeOrder).length > 0;
  const names = state
    ? state.reader
        .namesIn(text, table)
        .filter((n) => said[n] === undefined && !(bySize && normalizeOptionName(n) === 'size'))
    : [];
  return { wish, said, names };
}

/** "which colours does the large oak one come in?": the values among variants fitting everything else said. */
function answerNames(say: Say, p: ProductSummary, a: Asked): string {
  const constraints = Object.fromEntries(Object.entries(a.wish.options).filter(([n]) => !a.names.includes(n)));
  const fits = variantsFitting(p, { ...a.wish, options: constraints });
  const within = Object.keys(constraints).length ? label(say, constraints) : '';
  if (!fits.length) {
    const available = availableOptions(say, p);
    return within
      ? say('answer.notInThose', { title: p.title, options: within, available })
      : say('answer.notInThat', { title: p.title, available });
  }
  const available = fits.filter((v) => v.inStock);
  const overBudget = variantsFitting(p, { options: constraints, pick: null }).filter((v) => v.inStock);
  const parts = a.names.map((name) => {
    const values = distinct((available.length ? available : fits).map((v) => v.options[name]));
    const dearer = distinct(overBudget.map((v) => v.options[name])).filter((x) => !values.includes(x));
    const vars = { name: name.toLowerCase(), values };
    return dearer.length ? say('answer.valuesAboveBudget', { ...vars, dearer }) : say('answer.values', vars);
  });
  const price =
    available.length === 1 ? say.money(available[0].price) : priceOf(say, available.length ? available : fits);
  const vars = { title: p.title, parts: parts.join('; '), price };
  return within ? say('answer.comesInWithin', { ...vars, options: within }) : say('answer.comesIn', vars);
}

/** The asked values are not to be had: over the budget (with what they cost), or not at all. */
function answerNoFit(say: Say, p: ProductSummary, a: Asked, options: Record<string, string>): string {
  const asked = label(say, a.said);
  const name = Object.keys(a.said)[0];
  const values = distinct(p.variants.map((v) => v.options[name]));
  const overBudget = variantsFitting(p, { options, pick: null });
  if (a.wish.maxPrice !== undefined && overBudget.length) {
    const shown = overBudget
      .slice(0, 3)
      .map((v) => say('answer.variantAt', { options: label(say, v.options), price: v.price }));
    return say('answer.overBudget', { title: p.title, options: asked, variants: shown });
  }
  const vars = { title: p.title, options: asked };
  return values.length ? say('answer.notInComesIn', { ...vars, values }) : say('answer.notIn', vars);
}

/** "does it come in blue?", "is there a solar one within that price?", "how much is a size 9 in leather?". */
function answerValues(say: Say, p: ProductSummary, a: Asked, u: Understanding): string {
  const options = { ...a.wish.options, ...a.said };
  const fits = variantsFitting(p, { ...a.wish, options });
  const asked = label(say, a.said);
  if (!fits.length) return answerNoFit(say, p, a, options);
  const available = fits.filter((v) => v.inStock);
  if (!available.length) return say('answer.inButOutOfStock', { title: p.title, options: asked });
  if (available.length === 1) return say('answer.yes', { answer: describeVariant(say, p, available[0]) });
  const chosen =
    u.mentions.cheaper || u.mentions.pricier
      ? chosenVariant(p, { ...a.wish, options, pick: u.mentions.cheaper ? 'cheapest' : 'priciest' })
      : null;
  if (chosen) return say('answer.yes', { answer: describeVariant(say, p, chosen) });
  const others = p.optionNames.filter((n) => !Object.keys(options).includes(n));
  const detail = others
    .map((n) => say('answer.values', { name: n.toLowerCase(), values: distinct(available.map((v) => v.options[n])) }))
    .join('; ');
  const vars = { title: p.title, options: asked, price: priceOf(say, available) };
  return detail ? say('answer.yesComesInDetail', { ...vars, detail }) : say('answer.yesComesIn', vars);
}

/**
 * "what is it made of?", "which metal?": with no material named, a sentence naming any material
 * answers it ("Quillon: oak frame, 14k gold trim."), as a related word below the question's own.
 */
function withMaterials(q: QuestionTerms, lx: Lexicon): QuestionTerms {
  const materials = lx.materials.map(stem);
  if (!q.terms.has(stem('material')) || materials.some((m) => q.direct.has(m))) return q;
  return { ...q, terms: new Set([...q.terms, ...materials]) };
}

/** "how much is it?", "is it in stock?", "what colours?": the answer from its variants, or null. */
function answerAspect(say: Say, p: ProductSummary, u: Understanding, wish: VariantWish): string | null {
  const title = p.title;
  if (u.aspect === 'price') {
    const fits = variantsFitting(p, wish);
    // "how much is the large one?": the one variant asked for, named with its price.
    if (fits.length === 1 && Object.keys(wish.options).length) return describeVariant(say, p, fits[0]);
    const priced = fits.length ? fits : p.variants;
    const price = priceOf(say, priced);
    // One price whatever the option: no "depending on the option".
    const differ = new Set(priced.map((v) => v.price.amount)).size > 1;
    return say(differ ? 'answer.costsDepending' : 'answer.costs', { title, price });
  }
  if (u.aspect === 'stock') {
    const fits = variantsFitting(p, wish).filter((v) => v.inStock);
    if (!fits.length) return say('answer.outOfStockNow', { title });
    const options = availableOptions(say, { ...p, variants: fits });
    return options ? say('answer.inStockOptions', { title, options }) : say('answer.inStock', { title });
  }
  if (u.aspect === 'color' || u.aspect === 'size') {
    const options = availableOptions(say, p);
    return options ? say('answer.comesInOptions', { title, options }) : null;
  }
  return null;
}

/**
 * The answer to a question about one product, or null when its data does not say. "Is the blue one
 * in stock? And how much is it?": a price asked beside another question is answered too.
 */
export function answerAboutProduct(
  say: Say,
  p: ProductSummary,
  u: Understanding,
  state: DialogueState | null,
  lx: Lexicon,
): string | null {
  const answer = answerOne(say, p, u, state, lx);
  if (!answer || !u.asksPrice || p.variants.some((v) => answer.includes(say.money(v.price)))) return answer;
  return `${answer} ${answerAspect(say, p, { ...u, aspect: 'price' }, askedOf(p, u, state, lx).wish)}`;
}

function answerOne(
  say: Say,
  p: ProductSummary,
  u: Understanding,
  state: DialogueState | null,
  lx: Lexicon,
): string | null {
  const a = askedOf(p, u, state, lx);
  if (a.names.length) return answerNames(say, p, a);
  if (Object.keys(a.said).length) return answerValues(say, p, a, u);
  if ((u.mentions.cheaper || u.mentions.pricier) && p.variants.length > 1) {
    const v = chosenVariant(p, { ...a.wish, pick: u.mentions.cheaper ? 'cheapest' : 'priciest' });
    const key = u.mentions.cheaper ? 'answer.cheapestOption' : 'answer.dearestOption';
    if (v) return say(key, { variant: describeVariant(say, p, v) });
  }
  const q = questionAbout(p, u, lx);
  // A fact the question names ("how much coffee does it make" → capacity) before one that only shares a word.
  // An option already chosen ("the big size, how much?") is not the fact asked for.
  const chosen = new Set(Object.keys(a.wish.options).map(normalizeOptionName));
  const facts = bestFacts(factsOf(p, lx, a.wish), q)
    .filter((f) => f.kind !== 'option' || !chosen.has(normalizeOptionName(f.label)))
    .sort((x, y) => Number(isAbout(y, q)) - Number(isAbout(x, q)));
  // "how much coffee does it make?" asks about capacity, not price: a fact named by the question wins.
  if (facts.length && (isAbout(facts[0], q) || !['price', 'stock'].includes(u.aspect ?? ''))) {
    const lines = facts.map((f) => trimText(factLine(say, f), 240));
    const end = /[.!?]$/.test(lines.at(-1)!) ? '' : '.';
    return say('answer.facts', { title: p.title, facts: `${lines.join('. ')}${end}` });
  }
  return answerAspect(say, p, u, a.wish);
}

/** What a question about a product asks, leaving out its name as the shop writes it or as it was shown translated. */
function questionAbout(p: ProductSummary, u: Understanding, lx: Lexicon): QuestionTerms {
  const skip = new Set((`${p.title} ${p.originalTitle ?? ''}`.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(stem));
  return withMaterials(questionTerms(questionText(u.raw), lx, skip), lx);
}

/**
 * Whether the product's own data answers the question: an option or value it names, its price or stock, or
 * a fact (attribute, description sentence) about what it asks. "how many hours does it burn?" about a
 * product whose data says nothing of it does not.
 */
export function productDataAnswers(p: ProductSummary, u: Understanding, lx: Lexicon): boolean {
  const a = askedOf(p, u, null, lx);
  if (a.names.length || Object.keys(a.said).length || u.mentions.cheaper || u.mentions.pricier) return true;
  if (u.aspect === 'price' || u.aspect === 'stock') return true;
  return bestFacts(factsOf(p, lx), questionAbout(p, u, lx)).length > 0;
}

/**
 * "the lighter one", "which is brightest?": products with a number for the facet a comparative or
 * superlative word names (weight, lumens, …), best first; null when the message names none or no
 * product's data has that number.
 */
export function rankedByFacet(products: ProductSummary[], raw: string, lx: Lexicon) {
  const q = questionTerms(raw, lx, new Set());
  const superlative = Object.entries(lx.superlatives).find(
    ([w]) => q.direct.has(stem(w)) || ` ${tokens(foldArabicScript(raw)).join(' ')} `.includes(` ${w} `),
  );
  if (!superlative) return null;
  const [, [facet, order]] = superlative;
  const facetWords = new Set((facet.match(/[\p{L}]+/gu) ?? []).map(stem));
  const scored = products.flatMap((p) => {
    const fact = factsOf(p, lx)
      .filter((f) => f.number !== null && [...f.about].some((w) => facetWords.has(w)))
      .sort((x, y) => factScore(y, q) - factScore(x, q))[0];
    return fact ? [{ p, fact, n: fact.number! }] : [];
  });
  if (!scored.length) return null;
  return scored.sort((a, b) => (order === 'max' ? b.n - a.n : a.n - b.n));
}

/**
 * "which of them is warmest?", "are any of those foldable?", "which one lasts longer on a
 * charge?": compares the products just shown on the fact the question is about.
 */
export function answerAboutShown(say: Say, products: ProductSummary[], u: Understanding, lx: Lexicon): string | null {
  const q = questionTerms(u.raw, lx, new Set());
  const ranked = rankedByFacet(products, u.raw, lx);
  if (ranked) {
    const [best, ...rest] = ranked;
    const bare = (text: string) => text.replace(/[.!?]+$/, '');
    const others = rest.map((x) => say('shown.titled', { title: x.p.title, value: bare(x.fact.value) }));
    const vars = { title: best.p.title, fact: bare(factLine(say, best.fact)) };
    return others.length ? say('shown.bestOthers', { ...vars, others: others.join('; ') }) : say('shown.best', vars);
  }
  const byPrice = u.aspect === 'price' || u.mentions.cheaper || u.mentions.pricier;
  if (byPrice && products.length === 2) {
    // "what's the price difference between those two?", "which of the two costs less?": both prices.
    const [a, b] = [...products].sort((x, y) => x.price.amount - y.price.amount);
    const gap = money(b.price.amount - a.price.amount, b.price.currency);
    const vars = { cheaper: a.title, cheaperPrice: a.price, dearer: b.title, dearerPrice: b.price, gap };
    return say('shown.priceGap', vars);
  }
  if (u.mentions.cheaper || u.mentions.pricier) {
    const best = products.reduce((a, b) =>
      (u.mentions.cheaper ? b.price.amount < a.price.amount : b.price.amount > a.price.amount) ? b : a,
    );
    return say(u.mentions.cheaper ? 'shown.cheapest' : 'shown.dearest', { title: best.title, price: best.price });
  }
  const scored = products.map((p) => {
    const facts = bestFacts(factsOf(p, lx), q);
    return { p, facts, s: facts.length ? factScore(facts[0], q) : 0 };
  });
  const top = Math.max(0, ...scored.map((x) => x.s));
  if (top === 0) return null;
  let best = scored.filter((x) => x.s >= top * 0.8);
  // "which of the two is the foldable one?": of facts that are yes or no, the products that say yes.
  const value = (x: (typeof best)[number]) => x.facts[0].value.trim().toLowerCase();
  const { yes, no } = lx.booleanValues;
  const yeses = best.filter((x) => yes.includes(value(x)));
  if (yeses.length && best.every((x) => yes.includes(value(x)) || no.includes(value(x)))) best = yeses;
  return best
    .map((x) => say('shown.titled', { title: x.p.title, value: trimText(factLine(say, x.facts[0]), 200) }))
    .join('\n');
}
