import { money } from '../../../catalog/money.js';
import type { ProductSummary, VariantSummary } from '../../../catalog/types.js';
import { normalizeOptionName } from '../../../catalog/search-filters.js';
import { stem } from '../../../catalog/terms.js';
import { chosenVariant, variantsFitting, type DialogueState, type VariantWish } from './dialogue-state.js';
import { availableOptions, trimText } from './format.js';
import type { Lexicon } from './language-pack.js';
import {
  bestFacts,
  factLine,
  factsOf,
  factScore,
  isAbout,
  questionTerms,
  type QuestionTerms,
} from './product-facts.js';
import type { OptionTable } from './product-options.js';
import type { Understanding } from './understand.js';

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

const list = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}` : (xs[0] ?? ''));
const label = (options: Record<string, string>) =>
  Object.entries(options)
    .map(([n, v]) => `${n.toLowerCase()} ${v}`)
    .join(', ');

function tableOf(p: ProductSummary, state: DialogueState | null): OptionTable {
  if (state) return state.table(p.handle);
  const out: OptionTable = {};
  for (const v of p.variants) for (const [n, val] of Object.entries(v.options)) (out[n] ??= []).push(val);
  return out;
}

function priceOf(vs: VariantSummary[]): string {
  const prices = vs.map((v) => v.price);
  const min = prices.reduce((a, b) => (b.amount < a.amount ? b : a));
  const max = prices.reduce((a, b) => (b.amount > a.amount ? b : a));
  return min.amount === max.amount ? min.formatted : `${min.formatted} to ${max.formatted}`;
}

function describeVariant(p: ProductSummary, v: VariantSummary): string {
  const stock = v.inStock ? '' : ' (out of stock right now)';
  return `${p.title} (${label(v.options)}) is ${v.price.formatted}${stock}.`;
}

interface Asked {
  wish: VariantWish;
  /** Option values named in this question. */
  said: Record<string, string>;
  /** Option names it asks about ("which colours"). */
  names: string[];
}

function askedOf(p: ProductSummary, u: Understanding, state: DialogueState | null): Asked {
  const table = tableOf(p, state);
  const wish: VariantWish = state ? state.wish(p.handle) : { options: {}, pick: null };
  const said = state ? state.reader.read(u.raw, table) : {};
  // "the big size, how long does it burn?": a size chosen by its order is said, not asked about.
  const bySize = u.mentions.largest || u.mentions.smallest;
  const names = state
    ? state.reader
        .namesIn(u.raw, table)
        .filter((n) => said[n] === undefined && !(bySize && normalizeOptionName(n) === 'size'))
    : [];
  return { wish, said, names };
}

/** "which colours does the large oak one come in?": the values among variants fitting everything else said. */
function answerNames(p: ProductSummary, a: Asked): string {
  const constraints = Object.fromEntries(Object.entries(a.wish.options).filter(([n]) => !a.names.includes(n)));
  const fits = variantsFitting(p, { ...a.wish, options: constraints });
  const within = Object.keys(constraints).length ? ` in ${label(constraints)}` : '';
  if (!fits.length) return `${p.title} doesn't come${within || ' in that'} — ${availableOptions(p)}.`;
  const available = fits.filter((v) => v.inStock);
  const overBudget = variantsFitting(p, { options: constraints, pick: null }).filter((v) => v.inStock);
  const parts = a.names.map((name) => {
    const values = [...new Set((available.length ? available : fits).map((v) => v.options[name]).filter(Boolean))];
    const dearer = [...new Set(overBudget.map((v) => v.options[name]).filter((x) => x && !values.includes(x)))];
    return `${name.toLowerCase()} ${list(values)}${dearer.length ? ` (and ${list(dearer)} above your budget)` : ''}`;
  });
  const one =
    available.length === 1
      ? ` — ${available[0].price.formatted}`
      : ` — ${priceOf(available.length ? available : fits)}`;
  return `${p.title}${within} comes in ${parts.join('; ')}${one}.`;
}

/** "does it come in blue?", "is there a solar one within that price?", "how much is a size 9 in leather?". */
function answerValues(p: ProductSummary, a: Asked, u: Understanding): string {
  const options = { ...a.wish.options, ...a.said };
  const fits = variantsFitting(p, { ...a.wish, options });
  const asked = label(a.said);
  if (!fits.length) {
    const name = Object.keys(a.said)[0];
    const values = [...new Set(p.variants.map((v) => v.options[name]).filter(Boolean))];
    const overBudget = variantsFitting(p, { options, pick: null });
    if (a.wish.maxPrice !== undefined && overBudget.length) {
      const shown = overBudget.slice(0, 3).map((v) => `${label(v.options)} at ${v.price.formatted}`);
      return `Not within your budget: ${p.title} in ${asked} comes as ${list(shown)}.`;
    }
    return `No — ${p.title} doesn't come in ${asked}.${values.length ? ` It comes in ${list(values)}.` : ''}`;
  }
  const available = fits.filter((v) => v.inStock);
  if (!available.length) return `${p.title} comes in ${asked}, but that is out of stock right now.`;
  if (available.length === 1) return `Yes — ${describeVariant(p, available[0])}`;
  const chosen =
    u.mentions.cheaper || u.mentions.pricier
      ? chosenVariant(p, { ...a.wish, options, pick: u.mentions.cheaper ? 'cheapest' : 'priciest' })
      : null;
  if (chosen) return `Yes — ${describeVariant(p, chosen)}`;
  const others = p.optionNames.filter((n) => !Object.keys(options).includes(n));
  const detail = others
    .map((n) => `${n.toLowerCase()} ${list([...new Set(available.map((v) => v.options[n]).filter(Boolean))])}`)
    .join('; ');
  return `Yes — ${p.title} comes in ${asked}${detail ? ` (${detail})` : ''}, ${priceOf(available)}.`;
}

/**
 * "what is it made of?", "which metal?": with no material named, a sentence naming any material
 * answers it ("Quillon: oak frame, 14k gold trim."), as a related word below the question's own.
 */
function withMaterials(q: QuestionTerms, lx: Lexicon): QuestionTerms {
  const materials = lx.materials.map(stem);
  if (!q.terms.has(stem('material')) || materials.some((m) => q.direct.has(m))) return q;
  return { terms: new Set([...q.terms, ...materials]), direct: q.direct };
}

/** The answer to a question about one product, or null when its data does not say. */
export function answerAboutProduct(
  p: ProductSummary,
  u: Understanding,
  state: DialogueState | null,
  lx: Lexicon,
): string | null {
  const a = askedOf(p, u, state);
  if (a.names.length) return answerNames(p, a);
  if (Object.keys(a.said).length) return answerValues(p, a, u);
  if ((u.mentions.cheaper || u.mentions.pricier) && p.variants.length > 1) {
    const v = chosenVariant(p, { ...a.wish, pick: u.mentions.cheaper ? 'cheapest' : 'priciest' });
    if (v) return `The ${u.mentions.cheaper ? 'cheapest' : 'dearest'} option: ${describeVariant(p, v)}`;
  }
  const skip = new Set((p.title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(stem));
  const q = withMaterials(questionTerms(questionText(u.raw), lx, skip), lx);
  // A fact the question names ("how much coffee does it make" → capacity) before one that only shares a word.
  const facts = bestFacts(factsOf(p, lx, a.wish), q).sort((x, y) => Number(isAbout(y, q)) - Number(isAbout(x, q)));
  // "how much coffee does it make?" asks about capacity, not price: a fact named by the question wins.
  if (facts.length && (isAbout(facts[0], q) || !['price', 'stock'].includes(u.aspect ?? ''))) {
    const lines = facts.map((f) => trimText(factLine(f), 240));
    return `${p.title}: ${lines.join('. ')}${/[.!?]$/.test(lines.at(-1)!) ? '' : '.'}`;
  }
  if (u.aspect === 'price') {
    const fits = variantsFitting(p, a.wish);
    return `${p.title} costs ${priceOf(fits.length ? fits : p.variants)}${fits.length > 1 ? ', depending on the option' : ''}.`;
  }
  if (u.aspect === 'stock') {
    const fits = variantsFitting(p, a.wish).filter((v) => v.inStock);
    if (!fits.length) return `${p.title} is out of stock right now.`;
    const options = availableOptions({ ...p, variants: fits });
    return `${p.title} is in stock${options ? ` — ${options}` : ''}.`;
  }
  if (u.aspect === 'color' || u.aspect === 'size') {
    const options = availableOptions(p);
    return options ? `${p.title} comes in ${options}.` : null;
  }
  return null;
}

/**
 * "the lighter one", "which is brightest?": products with a number for the facet a comparative or
 * superlative word names (weight, lumens, …), best first; null when the message names none or no
 * product's data has that number.
 */
export function rankedByFacet(products: ProductSummary[], raw: string, lx: Lexicon) {
  const q = questionTerms(raw, lx, new Set());
  const superlative = Object.entries(lx.superlatives).find(
    ([w]) => q.direct.has(stem(w)) || ` ${raw.toLowerCase()} `.includes(` ${w} `),
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
export function answerAboutShown(products: ProductSummary[], u: Understanding, lx: Lexicon): string | null {
  const q = questionTerms(u.raw, lx, new Set());
  const ranked = rankedByFacet(products, u.raw, lx);
  if (ranked) {
    const [best, ...rest] = ranked;
    const bare = (text: string) => text.replace(/[.!?]+$/, '');
    const others = rest.map((x) => `${x.p.title}: ${bare(x.fact.value)}`);
    return `${best.p.title} — ${bare(factLine(best.fact))}.${others.length ? ` (${others.join('; ')})` : ''}`;
  }
  if (u.aspect === 'price' && products.length === 2 && !u.mentions.cheaper && !u.mentions.pricier) {
    // "what's the price difference between those two?"
    const [a, b] = [...products].sort((x, y) => x.price.amount - y.price.amount);
    const gap = money(b.price.amount - a.price.amount, b.price.currency).formatted;
    return `${a.title} is ${a.price.formatted} and ${b.title} is ${b.price.formatted}: ${gap} less.`;
  }
  if (u.mentions.cheaper || u.mentions.pricier) {
    const best = products.reduce((a, b) =>
      (u.mentions.cheaper ? b.price.amount < a.price.amount : b.price.amount > a.price.amount) ? b : a,
    );
    return `${best.title} is the ${u.mentions.cheaper ? 'cheapest' : 'dearest'}, at ${best.price.formatted}.`;
  }
  const scored = products.map((p) => {
    const facts = bestFacts(factsOf(p, lx), q);
    return { p, facts, s: facts.length ? factScore(facts[0], q) : 0 };
  });
  const top = Math.max(0, ...scored.map((x) => x.s));
  if (top === 0) return null;
  const best = scored.filter((x) => x.s >= top * 0.8);
  return best.map((x) => `${x.p.title}: ${trimText(factLine(x.facts[0]), 200)}`).join('\n');
}
