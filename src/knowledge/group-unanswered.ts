import { stem, tokens } from '../catalog/terms.js';
import type { Queryable } from '../db/database.js';
import { listUnanswered, type UnansweredReason, type UnansweredRow } from './unanswered-store.js';

/** Similar questions grouped: what the studio's knowledge gaps (and analytics) list. */
export interface UnansweredGroup {
  /** Stable for the same first question: its content words, sorted and joined by spaces. */
  key: string;
  /** The phrasing asked most often (the earliest on a tie). */
  representative: string;
  count: number;
  /** Up to five different phrasings, newest first. */
  examples: string[];
  lastAsked: Date;
  reasons: UnansweredReason[];
  /** Every question of the group is answered by a knowledge entry. */
  resolved: boolean;
  /** The knowledge entries that answer some of its questions. */
  resolvedBy: number[];
  questionIds: number[];
}

const MAX_EXAMPLES = 5;
/** Two questions are one gap when they share at least this share of their content words (Jaccard). */
const SIMILAR = 0.5;

/** Words that say nothing about what was asked. */
const STOPWORDS = new Set(
  `a an the and or but if then so to of in on at by for with from about into over as is are was were be been
  being am do does did done have has had having can could would should will shall may might must i me my we
  our us you your yours it its this that these those there here what which who whom whose when where why how
  any some anything something all no not yes please pls thanks thank hi hello hey just also too very really
  get got offer offered provide available possible know tell let want need like make much many way there
  does doesn dont don isn aren ok okay`.split(/\s+/),
);

/** A light English stem: plural, then "-ing"/"-ed" ("wrapping", "wrapped" → "wrap"). */
function contentStem(word: string): string {
  let w = stem(word);
  const m = /^(.{3,}?)(ing|ed)$/.exec(w);
  if (m) w = m[1].replace(/([b-df-hj-np-tv-z])\1$/, '$1');
  return w;
}

/** A question's content words: lowercased, punctuation and stopwords dropped, stemmed. */
export function contentWords(question: string): string[] {
  const words = tokens(question).filter((t) => !STOPWORDS.has(t) && !/^\d+$/.test(t));
  return [...new Set(words.map(contentStem))].sort();
}

function jaccard(a: Set<string>, b: string[]): number {
  if (a.size === 0 && b.length === 0) return 1;
  const shared = b.filter((w) => a.has(w)).length;
  return shared / (a.size + b.length - shared);
}

/** The phrasing asked most often, the earliest on a tie. */
function mostAsked(rows: UnansweredRow[]): string {
  const counts = new Map<string, { text: string; n: number }>();
  for (const r of rows) {
    const k = r.question.trim().toLowerCase();
    const c = counts.get(k) ?? { text: r.question.trim(), n: 0 };
    c.n += 1;
    counts.set(k, c);
  }
  return [...counts.values()].reduce((best, c) => (c.n > best.n ? c : best)).text;
}

function toGroup(key: string, rows: UnansweredRow[]): UnansweredGroup {
  const newest = [...rows].reverse();
  const examples = new Map<string, string>();
  for (const r of newest) {
    const k = r.question.trim().toLowerCase();
    if (!examples.has(k)) examples.set(k, r.question.trim());
  }
  const resolvedBy = [...new Set(rows.flatMap((r) => (r.resolvedBy === null ? [] : [r.resolvedBy])))];
  return {
    key,
    representative: mostAsked(rows),
    count: rows.length,
    examples: [...examples.values()].slice(0, MAX_EXAMPLES),
    lastAsked: newest[0].createdAt,
    reasons: [...new Set(rows.map((r) => r.reason))].sort(),
    resolved: rows.every((r) => r.resolvedBy !== null),
    resolvedBy: resolvedBy.sort((a, b) => a - b),
    questionIds: rows.map((r) => r.id),
  };
}

/**
 * Groups questions (oldest first) by shared content words: each joins the first group whose first
 * question shares enough of its words, else starts one. Deterministic for the same rows. Open
 * groups come first, then the most asked, then the most recent.
 */
export function groupQuestions(rows: UnansweredRow[]): UnansweredGroup[] {
  const groups: { words: Set<string>; key: string; rows: UnansweredRow[] }[] = [];
  for (const row of rows) {
    const words = contentWords(row.question);
    const key = words.length ? words.join(' ') : row.question.trim().toLowerCase();
    const home = groups.find((g) => (words.length ? jaccard(g.words, words) >= SIMILAR : g.key === key));
    if (home) home.rows.push(row);
    else groups.push({ words: new Set(words), key, rows: [row] });
  }
  return groups
    .map((g) => toGroup(g.key, g.rows))
    .sort(
      (a, b) =>
        Number(a.resolved) - Number(b.resolved) ||
        b.count - a.count ||
        b.lastAsked.getTime() - a.lastAsked.getTime() ||
        a.key.localeCompare(b.key),
    );
}

/** The questions the assistant could not answer in [from, to), grouped (see `groupQuestions`). */
export async function groupUnanswered(
  db: Queryable,
  range: { from?: Date; to?: Date } = {},
): Promise<UnansweredGroup[]> {
  return groupQuestions(await listUnanswered(db, range));
}
