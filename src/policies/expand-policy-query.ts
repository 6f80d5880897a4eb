import { type Concept, policyReader } from './policy-reader.js';

/** A group of search words that counts once (a word and its synonyms), with its weight. */
export interface TermGroup {
  text: string;
  /** Words that count RELATED_WEIGHT of the group's weight (the policies' words for the shopper's). */
  related: string;
  weight: number;
  /** The words must stand side by side ("gift card"). */
  phrase: boolean;
  /** A topic of the question (exchanges, shipping): sections that speak of none of them rank lower. */
  topic: boolean;
}

/**
 * A policy question as weighted groups of full-text search words: its own words, the words
 * policies use for its topics ("swap" → exchange) and for what it asks ("how long" → days,
 * within), and its two-word phrases. The language knowledge is data (`lang/<code>.json`).
 */
export function expandPolicyQuery(query: string, lang = 'en'): { asked: string; groups: TermGroup[] } {
  const q = policyReader(lang).read(query);
  const group = (c: Concept, weight: number, kind: 'words' | 'phrase' | 'topic') => ({
    text: c.words.join(' '),
    related: c.related.join(' '),
    weight,
    phrase: kind === 'phrase',
    topic: kind === 'topic',
  });
  const groups = [
    ...q.concepts.map((c) => group(c, c.weight, 'words')),
    ...q.phrases.map((c) => group(c, c.weight, 'phrase')),
    // Topics only tell which sections speak of them: they add nothing to the score themselves.
    ...q.topics.map((c) => group(c, 0, 'topic')),
  ];
  return { asked: q.asked, groups };
}
