import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * What the policy search and the policy answerer know about a language, as data in
 * `lang/<code>.json`: filler words, the cues of a question's kind ("how long" asks for a duration)
 * and of its topic ("swap" is about exchanges), the words policies use for them, and light
 * stemming rules. The code that reads questions and policies with it is the same for every language.
 */
const phrases = z.array(z.string().min(1));

const askSchema = z.object({
  /** What the question asks for: "duration", "amount", "permission"… */
  kind: z.string().min(1),
  cues: phrases,
  /** Policy words for this kind of question, added to the search. */
  expand: phrases,
  /** Words an answer of this kind holds ("days", "€", "free"). */
  answers: phrases,
  /** Whether the answer is a number (a duration, an amount). */
  numeric: z.boolean().default(false),
  /** Whether the answer lists things (the payment methods, the countries). */
  list: z.boolean().default(false),
});

export const policyLanguageSchema = z.object({
  code: z.string().min(2),
  /** Greetings, pronouns, auxiliaries and story words that never decide which policy section answers. */
  stopwords: phrases,
  /** First words of a sentence that asks something (besides a trailing question mark). */
  questionStarts: phrases,
  /** Words a cue may enclose, one at a time ("send back" in "send it back", "give them back"). */
  cueGaps: phrases.default([]),
  /** Abbreviations whose full stop does not end a sentence. */
  abbreviations: phrases,
  stemming: z.object({
    minStem: z.number().int().min(1),
    /** [suffix, replacement], tried in order. */
    suffixes: z.array(z.tuple([z.string().min(1), z.string()])),
    /** Endings a word keeps ("business", "status"). */
    keep: phrases,
    /** Consonants undoubled after a suffix is removed ("shipping" → "ship"). */
    undouble: z.string(),
    /** Words whose stem no suffix rule finds ("feet" → "foot"). */
    irregular: z.record(z.string(), z.string()).default({}),
  }),
  asks: z.array(askSchema),
  /** A shopper's word with the words policies use for it, without making it a topic ("uk" → countries). */
  related: z.record(z.string(), phrases).default({}),
  /** How shoppers name a topic, and the words policies use for it. */
  /**
   * `scene`: an action a conversation can be about (returning, cancelling), or a topic that follows one
   * ("when is the money back?" after a cancellation asks about the cancellation's refund).
   */
  topics: z.array(z.object({ cues: phrases, expand: phrases, scene: z.enum(['action', 'follows']).optional() })),
});

export type PolicyLanguageData = z.infer<typeof policyLanguageSchema>;
export type Ask = z.infer<typeof askSchema>;

const LANG_DIR = path.join(import.meta.dirname, 'lang');
const loaded = new Map<string, PolicyLanguageData>();

/** The policy language data for `code` (read and validated once). */
export function policyLanguageData(code = 'en'): PolicyLanguageData {
  let data = loaded.get(code);
  if (!data) {
    const file = path.join(LANG_DIR, `${code}.json`);
    data = policyLanguageSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    loaded.set(code, data);
  }
  return data;
}
