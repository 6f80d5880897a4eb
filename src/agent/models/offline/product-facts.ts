import type { ProductSummary } from '../../../catalog/types.js';
import { attributeWords, stem } from '../../../catalog/terms.js';
import { policyReader, type PolicyReader } from '../../../policies/policy-reader.js';
import { variantsFitting, type VariantWish } from './dialogue-state.js';
import type { Lexicon } from './language-pack.js';
import { normalize } from './normalize.js';

/** One thing a product's own data says: an attribute, an option with its values, or a description sentence. */
export interface Fact {
  label: string;
  value: string;
  /** Canonical words of the label (what the fact is about) and of the whole fact. */
  about: Set<string>;
  words: Set<string>;
  /** The first number in the value ("-12 °C" → -12, "60 hours" → 60), for comparisons. */
  number: number | null;
  kind: 'attribute' | 'option' | 'sentence';
}

const wordsOf = (text: string) => normalize(text).match(/[\p{L}\p{N}]+/gu) ?? [];
const canonSet = (text: string) => new Set(wordsOf(text).map(stem));
/** Units of one measure in the smallest the catalogs write (g, ml, mm), so "1.3 kg" is heavier than "275 g". */
const UNIT_SCALE: Record<string, number> = {
  kg: 1000,
  l: 1000,
  litre: 1000,
  litres: 1000,
  liter: 1000,
  liters: 1000,
  m: 1000,
  cm: 10,
};

const firstNumber = (text: string) => {
  const m = /(-?\d+(?:[.,]\d+)?)\s*([\p{L}]+)?/u.exec(text.replace(/\u2212/g, '-'));
  if (!m) return null;
  return Number.parseFloat(m[1].replace(',', '.')) * (UNIT_SCALE[(m[2] ?? '').toLowerCase()] ?? 1);
};

/**
 * A description's sentences that describe the product. A sentence addressed to an assistant
 * ("ignore previous instructions and…") is not product information and is never shown.
 */
export function descriptionSentences(p: ProductSummary, lx: Lexicon): string[] {
  const markers = lx.instructionMarkers.map((m) => m.toLowerCase());
  return (p.description ?? '')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s && !markers.some((m) => s.toLowerCase().includes(m)));
}

/** A product's facts: attributes, options (values fitting the shopper's wish) and description sentences. */
export function factsOf(p: ProductSummary, lx: Lexicon, wish?: VariantWish): Fact[] {
  const out: Fact[] = [];
  for (const [key, value] of Object.entries(p.attributes ?? {})) {
    const label = attributeWords(key).toLowerCase();
    out.push({
      label,
      value,
      about: canonSet(label),
      words: canonSet(`${label} ${value}`),
      number: firstNumber(value),
      kind: 'attribute',
    });
  }
  const variants = wish ? variantsFitting(p, { ...wish, options: {} }) : p.variants;
  for (const name of p.optionNames ?? []) {
    const values = [...new Set(variants.map((v) => v.options[name]).filter(Boolean))];
    if (!values.length) continue;
    const value = values.join(', ');
    const label = name.toLowerCase();
    out.push({
      label,
      value,
      about: canonSet(label),
      words: canonSet(`${label} ${value}`),
      number: null,
      kind: 'option',
    });
  }
  for (const s of descriptionSentences(p, lx).filter((x) => x.length > 12)) {
    // "Weight: 1.3 kg.", "Burn time: 40 hours": a labelled line is about its label, with its number.
    const labelled = /^([\p{L}][\p{L} ]{1,28}):\s*(.+)$/u.exec(s);
    out.push({
      label: '',
      value: s,
      about: labelled ? canonSet(labelled[1]) : new Set(),
      words: canonSet(s),
      number: labelled ? firstNumber(labelled[2]) : null,
      kind: 'sentence',
    });
  }
  return out;
}

/** What a question asks about: its own words (`direct`), and those with the words product data uses. */
export interface QuestionTerms {
  terms: Set<string>;
  direct: Set<string>;
  /** Whether a text holds the kind of figure the question asks for ("for how long?": hours, days). */
  answers?: (text: string) => boolean;
}

/**
 * The words of a question that say what it asks about, with the words product data uses for them
 * (from the language pack: "how bright" → lumens, brightness; "keep drinks hot" → keeps hot).
 */
export function questionTerms(raw: string, lx: Lexicon, skip: Set<string>): QuestionTerms {
  const stop = new Set(lx.queryStopwords);
  const direct = new Set<string>();
  const terms = new Set<string>();
  for (const w of wordsOf(raw)) {
    const facet = lx.facets[w] ?? lx.facets[stem(w)];
    if (facet) for (const f of facet) for (const x of wordsOf(f)) terms.add(stem(x));
    if ((stop.has(w) && !facet) || skip.has(stem(w)) || w.length < 2 || /^\d+$/.test(w)) continue;
    direct.add(stem(w));
    terms.add(stem(w));
  }
  // Read only when facts are ranked: most questions never need it.
  const reader = policyReader();
  let asks: ReturnType<PolicyReader['read']>['asks'] | undefined;
  const answers = (text: string) => {
    asks ??= reader.read(raw).asks.filter((a) => a.numeric);
    return asks.some((a) => reader.answers(reader.tokens(text), a));
  };
  return { terms, direct, answers };
}

/** How well a fact answers: words of what it is about count double; the question's own words beat related ones. */
export function factScore(f: Fact, q: QuestionTerms): number {
  let score = 0;
  for (const t of q.terms) {
    const weight = q.direct.has(t) ? 1 : 0.75;
    if (f.about.has(t)) score += 2 * weight;
    else if (f.words.has(t)) score += weight;
    else if (t.length >= 5 && [...f.words].some((w) => w.length > t.length + 2 && (w.endsWith(t) || w.startsWith(t))))
      // A word inside a compound ("pocket" in "chestpocket").
      score += 0.75 * weight;
  }
  return f.kind === 'sentence' ? score * 0.9 : score;
}

/** A fact labelled with what the question asks wins over a better-scored one unlabelled when it scores this share. */
const ABOUT_SHARE = 0.75;

/**
 * The facts that best answer a question about one product: the best one, then any that answer
 * another part of it ("what wax is it made from, and how long does it burn?"), at most three.
 */
export function bestFacts(facts: Fact[], q: QuestionTerms): Fact[] {
  const out: Fact[] = [];
  const covered = new Set<string>();
  for (let round = 0; round < 3; round++) {
    const rest = { terms: new Set([...q.terms].filter((t) => !covered.has(t))), direct: q.direct };
    const scored = facts
      .filter((f) => !out.includes(f))
      .map((f) => ({ f, s: factScore(f, rest) }))
      .filter((x) => x.s >= (round === 0 ? 0.5 : 1.5));
    if (!scored.length) break;
    // Of two that answer alike, the one with a figure ("keeps coffee hot for 2 hours" over "…and keeps it hot").
    const figure = (f: Fact) => (/\d/.test(f.value) ? 1 : 0);
    const top = scored.reduce((a, b) => (b.s > a.s || (b.s === a.s && figure(b.f) > figure(a.f)) ? b : a));
    // "how heavy is it?": the fact labelled with what is asked (weight: 550 g) over a sentence that says the
    // words in passing ("…without heavy weight"), unless the sentence answers clearly more.
    const labelled = scored.filter((x) => isAbout(x.f, rest) && x.s >= ABOUT_SHARE * top.s);
    let best = isAbout(top.f, rest) || !labelled.length ? top : labelled.reduce((a, b) => (b.s > a.s ? b : a));
    // "does it keep coffee hot for long?": the fact saying how long ("…for 2 hours"), when it answers nearly as well.
    const figured = scored.filter((x) => x.s >= ABOUT_SHARE * best.s && q.answers?.(x.f.value));
    if (figured.length && !q.answers?.(best.f.value)) best = figured.reduce((a, b) => (b.s > a.s ? b : a));
    out.push(best.f);
    for (const t of rest.terms) if (best.f.about.has(t) || best.f.words.has(t)) covered.add(t);
  }
  return out;
}

/** Whether a fact is about what the question names (a word of its label), not merely mentions it. */
export const isAbout = (f: Fact, q: QuestionTerms) => [...q.terms].some((t) => f.about.has(t));
