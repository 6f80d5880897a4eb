/** Which sentence or clause of a message carries its request, and the intent it is read with. */
import type { IntentScore } from './intent-classifier.js';

/** One sentence's reading: its intents, where it is, and how strongly it carries the request. */
export interface Reading {
  scores: IntentScore[];
  sentence: number;
  score: number;
}

/** Intents that carry no request of their own. */
export const CONVERSATIONAL = new Set(['greeting', 'thanks', 'goodbye', 'other', 'affirm', 'deny']);

/** Intents of a short sentence that acts on what the message names ("Add.", "two of those"). */
const COMMANDS = new Set(['cart_add', 'cart_update', 'cart_remove']);

/** Intents a story sentence may read as ("I bought it in May", "it cracked"), and requests that may follow it. */
const STORY = new Set(['order_status', 'order_list', 'policy']);
const REQUESTS = new Set(['search', 'cart_add', 'recommend']);
const SEARCHES = new Set(['search', 'recommend']);
/** A sentence naming a kind is a search when it reads as one at least this surely, first or second. */
const NEAR_SEARCH = 0.3;

/**
 * The sentence that carries the request, when the best-read one is not it: asking for a person
 * after the rest; a bare command ("Add.") acting on the product another sentence names; a request
 * after a story about an order or a problem.
 */
export function preferredSentence(
  best: Reading | null,
  sentences: string[],
  readings: (IntentScore[] | null)[],
  asks: boolean[],
  personWords: Set<string>,
): Reading | null {
  const top = (n: number) => readings[n]?.[0] ?? { intent: 'other', p: 0 };
  const chosen = (n: number, sentence = n): Reading => ({ scores: readings[n]!, sentence, score: 1 });
  // "The zip has gone already. I'd like to speak to a person."
  const person = sentences.findIndex(
    (s, n) => top(n).intent === 'human' && top(n).p >= 0.9 && s.split(' ').some((w) => personWords.has(w)),
  );
  if (person >= 0 && (!best || person > best.sentence)) return chosen(person);
  if (!best) return null;
  // "Quillon Lamp, brass, tall. Add."
  const command = sentences.findIndex(
    (s, n) =>
      COMMANDS.has(top(n).intent) && top(n).p >= 0.8 && !/__\w+__/.test(s) && !asks[n] && s.split(' ').length <= 4,
  );
  const named = /__(type|product)__/.test(sentences[best.sentence]) && !asks[best.sentence];
  if (command >= 0 && named && ['search', 'other', 'product_info'].includes(best.scores[0].intent))
    return chosen(command, best.sentence);
  // "My old helmet cracked last week. I need a new one with good ventilation."
  if (STORY.has(best.scores[0].intent) && !asks[best.sentence]) {
    const later = readings.findIndex((r, n) => n > best.sentence && REQUESTS.has(top(n).intent) && top(n).p >= 0.8);
    if (later >= 0) return chosen(later);
  }
  return best;
}

/** Below this the whole message's reading gives way to a clause read with at least SURE_CLAUSE. */
const UNSURE_WHOLE = 0.5;
const SURE_CLAUSE = 0.8;

export const unsure = (scores: IntentScore[]) => scores[0].p < UNSURE_WHOLE;

/** The surest clause's reading, when it is sure and no small talk; null otherwise. */
export function surestClause(readings: IntentScore[][]): IntentScore[] | null {
  const best = readings.filter((r) => !CONVERSATIONAL.has(r[0].intent)).sort((a, b) => b[0].p - a[0].p)[0];
  return best && best[0].p >= SURE_CLAUSE ? best : null;
}

/**
 * The intent of a message of several sentences is that of its request: the sentence that most
 * confidently asks for something, questions and sentences naming the shop's things counting more
 * than the story around them ("My partner says we have too many kites. Could you remove the red
 * kite?"); else the message read whole.
 */
export function classifyRequest(
  classify: (text: string) => IntentScore[],
  personWords: Set<string>,
  whole: string,
  sentences: string[],
  asks: boolean[],
): { scores: IntentScore[]; sentence: number | null } {
  const all = classify(whole);
  if (sentences.length < 2) return { scores: all, sentence: null };
  const readings = sentences.map((s) => (s.trim() ? classify(s) : null));
  let best: Reading | null = null;
  for (const [n, r] of readings.entries()) {
    if (!r || CONVERSATIONAL.has(r[0].intent)) continue;
    const names = /__(type|product|vendor|order)__/.test(sentences[n]);
    const score = r[0].p + (asks[n] ? 0.15 : 0) + (names ? 0.15 : 0);
    if (!best || score > best.score) best = { scores: r, sentence: n, score };
  }
  // "…needs a <kind> that takes his <thing>. Nothing too sporty, he's very particular.": a search that names
  // nothing of the shop's is the story's remark; the sentence asking for a kind the shop has is the request.
  const naming = (n: number) => /__(type|product)__/.test(sentences[n]);
  if (best && best.scores[0].intent === 'search' && !naming(best.sentence)) {
    // Read as a search, or as one nearly ("all his <kind>s have holes in them": a search or a cart look).
    const search = (r: IntentScore[]) => r.slice(0, 2).find((x) => SEARCHES.has(x.intent) && x.p >= NEAR_SEARCH);
    const named = readings.findIndex((r, n) => r && naming(n) && search(r));
    if (named >= 0) best = { ...best, sentence: named };
  }
  best = preferredSentence(best, sentences, readings, asks, personWords);
  return best && best.scores[0].p >= 0.5 ? best : { scores: all, sentence: null };
}
