/** Which sentence of a message carries its request, when the best-read one does not. */
import type { IntentScore } from './intent-classifier.js';

/** One sentence's reading: its intents, where it is, and how strongly it carries the request. */
export interface Reading {
  scores: IntentScore[];
  sentence: number;
  score: number;
}

/** Intents of a short sentence that acts on what the message names ("Add.", "two of those"). */
const COMMANDS = new Set(['cart_add', 'cart_update', 'cart_remove']);

/** Intents a story sentence may read as ("I bought it in May", "it cracked"), and requests that may follow it. */
const STORY = new Set(['order_status', 'order_list', 'policy']);
const REQUESTS = new Set(['search', 'cart_add', 'recommend']);

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
