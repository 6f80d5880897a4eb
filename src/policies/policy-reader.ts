import { type Ask, type PolicyLanguageData, policyLanguageData } from './policy-language.js';
import { createTextTools, findPhrase, isNumber, type TextTools } from './policy-text.js';

/**
 * One thing a question looks for: the best of its words a section holds counts once, with its
 * weight; a related word (the policies' word for the shopper's "swap") counts RELATED_WEIGHT of that.
 */
export interface Concept {
  words: string[];
  related: string[];
  weight: number;
  /** For a topic: an action a conversation can be about, or a topic that follows one (see the language data). */
  scene?: 'action' | 'follows';
}

/** What a word related to the shopper's counts, against the shopper's own word. */
export const RELATED_WEIGHT = 0.7;

/** A shopper's policy question as the search and the answerer read it. */
export interface PolicyQuestion {
  /** The words that matter by sentence ("ordered tent. when will arrive germany?"): a search query. */
  text: string;
  /** The words of the sentences that ask, without those that set the scene. */
  asked: string;
  /** What the question asks for (a duration, an amount, whether something is allowed…). */
  asks: Ask[];
  concepts: Concept[];
  /** The topics the question names ("swap" → exchanges), each with the shopper's and the policies' words. */
  topics: Concept[];
  /** Pairs of words that stand side by side in the question ("gift card", "tumble dry"). */
  phrases: Concept[];
}

export interface PolicyReader extends TextTools {
  /** The question without greetings, remarks after it and filler, with what it asks and looks for. */
  read(question: string): PolicyQuestion;
  /** Whether a text (its tokens) holds one of the words an answer of this kind has. */
  answers(tokens: string[], ask: Ask): boolean;
}

/** Words of sentences that only set the scene ("I ordered a tent for my son.") count this much. */
const CONTEXT_WEIGHT = 0.5;
/** The policy words implied by what is asked ("how long" → days) count this much. */
const ASK_WEIGHT = 0.5;

interface Cued {
  cues: string[][];
  expand: string[];
  ask?: Ask;
  scene?: Concept['scene'];
}

/** The policy reader for a language's data. */
export function createPolicyReader(data: PolicyLanguageData): PolicyReader {
  const text = createTextTools(data);
  const stopwords = new Set(data.stopwords);
  const starts = new Set(data.questionStarts);
  const gaps = new Set(data.cueGaps);
  const cued: Cued[] = [
    ...data.asks.map((a) => ({ cues: a.cues.map(text.tokens), expand: a.expand, ask: a })),
    ...data.topics.map((t) => ({ cues: t.cues.map(text.tokens), expand: t.expand, scene: t.scene })),
  ];
  const isContent = (w: string) => !stopwords.has(w) && (w.length > 1 || isNumber(w));
  const isQuestion = (sentence: string) => /\?\s*$/.test(sentence) || starts.has(text.tokens(sentence)[0] ?? '');

  /**
   * The sentences that matter, each marked as asking or not: remarks after the last question are left
   * out, unless they give a number the answer depends on ("What size would he need? He's 127 cm tall.").
   */
  function askedSentences(question: string): { tokens: string[]; asking: boolean }[] {
    const all = text.sentences(question).map((s) => ({ tokens: text.tokens(s), asking: isQuestion(s) }));
    // "I'd like to pay with PayPal instead. Is that allowed?": a question about "that" asks what was just said.
    const pointsBack = (ts: string[]) => ts.filter(isContent).length <= 1 && ts.some((w) => gaps.has(w));
    all.forEach((s, i) => {
      if (i > 0 && s.asking && pointsBack(s.tokens)) all[i - 1].asking = true;
    });
    const last = all.findLastIndex((s) => s.asking);
    if (last < 0) return all.map((s) => ({ ...s, asking: true }));
    return all.filter((s, i) => i <= last || s.tokens.some(isNumber));
  }

  /**
   * The cue phrases of a sentence: what it asks ("how long") and its topics ("swap" → exchange),
   * added to `out`. Returns which words belong to a cue, and which are one-word topic cues (those
   * count with their topic, not again on their own).
   */
  function readCues(ws: string[], weight: number, out: PolicyQuestion) {
    const cue = ws.map(() => false);
    const synonym = ws.map(() => false);
    const found = cued.map((c) => ({ c, spans: c.cues.flatMap((p) => findCue(ws, p)) }));
    // A cue inside a longer one of an unrelated topic is part of it: "another size" asks for an
    // exchange, not the size guide; "doesn't fit" is about returning. ("free delivery" is still
    // about delivery: the two topics share words.)
    const all = found.flatMap(({ c, spans }) => spans.map((x) => ({ c, ...x })));
    const related = (a: Cued, b: Cued) => a.expand.some((w) => b.expand.includes(w));
    const inLonger = (c: Cued, x: { at: number; length: number }) =>
      all.some(
        (y) =>
          y.c !== c && !related(y.c, c) && y.length > x.length && y.at <= x.at && x.at + x.length <= y.at + y.length,
      );
    for (const { c, spans: allSpans } of found) {
      const spans = allSpans.filter((x) => !inLonger(c, x));
      if (!spans.length) continue;
      spans.forEach(({ at, length }) => cue.fill(true, at, at + length));
      if (c.ask) {
        out.asks.push(c.ask);
        out.concepts.push({ words: c.expand, related: [], weight: weight * ASK_WEIGHT });
        continue;
      }
      const single = spans.filter((x) => x.length === 1 && isContent(ws[x.at]));
      single.forEach((x) => (synonym[x.at] = true));
      single.forEach((x) => out.concepts.push({ words: [ws[x.at]], related: c.expand, weight }));
      if (!single.length) out.concepts.push({ words: [], related: c.expand, weight });
      const named = spans.flatMap((x) => ws.slice(x.at, x.at + x.length)).filter(isContent);
      out.topics.push({ words: named, related: c.expand, weight, ...(c.scene ? { scene: c.scene } : {}) });
    }
    return { cue, synonym };
  }

  /**
   * Where a cue stands in a sentence: its words by stem ("sending back" for "send back"), a pronoun
   * allowed between them ("send it back") or a gap word with the word after it ("give the present
   * back"); one-word cues as written.
   */
  function findCue(ws: string[], cue: string[]): { at: number; length: number }[] {
    if (cue.length === 1) return findPhrase(ws, cue).map((at) => ({ at, length: 1 }));
    const out: { at: number; length: number }[] = [];
    const same = (w: string | undefined, p: string) => w !== undefined && (w === p || text.stem(w) === text.stem(p));
    for (let i = 0; i < ws.length; i++) {
      let j = i;
      const fits = cue.every((p, k) => {
        if (k > 0 && gaps.has(ws[j]) && !gaps.has(p)) j += !same(ws[j + 1], p) && same(ws[j + 2], p) ? 2 : 1;
        return same(ws[j++], p);
      });
      if (fits) out.push({ at: i, length: j - i });
    }
    return out;
  }

  /** Reads one sentence into `out`; returns its words that matter. */
  function readSentence(ws: string[], weight: number, out: PolicyQuestion): string {
    const { cue, synonym } = readCues(ws, weight, out);
    ws.forEach((w, i) => {
      if (isContent(w) && !synonym[i]) out.concepts.push({ words: [w], related: data.related[w] ?? [], weight });
      const next = ws[i + 1];
      if (next && isContent(w) && isContent(next)) out.phrases.push({ words: [w, next], related: [], weight });
    });
    return ws.filter((w, i) => cue[i] || isContent(w)).join(' ');
  }

  function read(question: string): PolicyQuestion {
    const out: PolicyQuestion = { text: '', asked: '', asks: [], concepts: [], topics: [], phrases: [] };
    const parts = askedSentences(question).map((s) => {
      const words = readSentence(s.tokens, s.asking ? 1 : CONTEXT_WEIGHT, out);
      return { words, asking: s.asking };
    });
    const kept = parts.filter((p) => p.words);
    out.text = kept.map((p) => `${p.words}${p.asking ? '?' : '.'}`).join(' ');
    out.asked = kept.flatMap((p) => (p.asking ? [p.words] : [])).join(' ');
    out.asks = [...new Set(out.asks)];
    out.concepts = mergeConcepts(out.concepts, text.stem);
    return out;
  }

  const answerPhrases = new Map(data.asks.map((a) => [a.kind, a.answers.map(text.tokens)]));
  function answers(ts: string[], ask: Ask): boolean {
    const words = new Set(ts);
    const holds = (a: string[]) => (a.length === 1 ? words.has(a[0]) : findPhrase(ts, a).length > 0);
    return (answerPhrases.get(ask.kind) ?? []).some(holds);
  }

  return { ...text, read, answers };
}

/**
 * No word counts twice: a word stays with the strongest concept that holds it, the shopper's own
 * words before related ones; concepts left without words are dropped.
 */
function mergeConcepts(concepts: Concept[], stem: (w: string) => string): Concept[] {
  const sorted = [...concepts].sort((a, b) => b.weight - a.weight);
  const taken = new Set<string>();
  const claim = (ws: string[]) => {
    const free = [...new Set(ws)].filter((w) => !taken.has(stem(w)));
    free.forEach((w) => taken.add(stem(w)));
    return free;
  };
  const own = sorted.map((c) => claim(c.words));
  const related = sorted.map((c) => claim(c.related));
  return sorted
    .map((c, i) => ({ words: own[i], related: related[i], weight: c.weight }))
    .filter((c) => c.words.length + c.related.length > 0);
}

const readers = new Map<string, PolicyReader>();

/** The policy reader for a language code (built once). */
export function policyReader(code = 'en'): PolicyReader {
  let reader = readers.get(code);
  if (!reader) {
    reader = createPolicyReader(policyLanguageData(code));
    readers.set(code, reader);
  }
  return reader;
}
