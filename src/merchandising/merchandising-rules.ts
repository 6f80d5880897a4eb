import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { GENDERS, type Gender } from '../catalog/types.js';
import { ValidationError } from '../errors.js';

/**
 * A shop's merchandising rules, kept as data in `catalog/merchandising.json` (documented in
 * docs/catalog-format.md). Query expansions say what shoppers mean by an activity: when a query
 * holds one of the `when` words or phrases, the `add` words join the text the query is embedded
 * from, so "something to sit on" reaches the products whose descriptions only say "chair".
 * Complements say what goes with a purchase: a product in a `when` category suggests searching the
 * `suggest` phrases. Gender tags say which product tags a gender filter accepts.
 */
const phrase = z.string().trim().min(1).max(100);
const handle = z.string().trim().min(1).max(255);
const handles = z.array(handle).min(1).max(20);
const note = z.string().max(500).optional();
export const merchandisingSchema = z.strictObject({
  queryExpansions: z
    .array(
      z.strictObject({
        note: z.string().max(500).optional(),
        when: z.array(phrase).min(1).max(50),
        add: z.array(phrase).min(1).max(50),
      }),
    )
    .max(500)
    .default([]),
  complements: z
    .array(
      z.strictObject({
        note: z.string().max(500).optional(),
        when: z.array(phrase).min(1).max(50),
        suggest: z.array(phrase).min(1).max(20),
      }),
    )
    .max(500)
    .default([]),
  genderTags: z.partialRecord(z.enum(GENDERS), z.array(phrase).min(1).max(20)).default({}),
  /** A `group` means the same both ways; `from` → `to` one way only ("couch" finds sofas, "sofa" no couches). */
  synonyms: z
    .array(
      z.union([
        z.strictObject({ note, group: z.array(phrase).min(2).max(20) }),
        z.strictObject({ note, from: phrase, to: z.array(phrase).min(1).max(20) }),
      ]),
    )
    .max(500)
    .default([]),
  /** For a query (compared with its words normalized), these products first, in this order. */
  pins: z
    .array(z.strictObject({ note, query: phrase, handles }))
    .max(500)
    .default([]),
  /** For a query, these products rise above the others found; a higher weight rises higher. */
  boosts: z
    .array(z.strictObject({ note, query: phrase, handles, weight: z.number().min(0.1).max(100).default(1) }))
    .max(500)
    .default([]),
  /** Products no search or product lookup a shopper reaches ever shows. */
  hidden: z.array(handle).max(5000).default([]),
});

export type MerchandisingRules = z.infer<typeof merchandisingSchema>;

export const MERCHANDISING_FILE = 'merchandising.json';
export const NO_RULES: MerchandisingRules = {
  queryExpansions: [],
  complements: [],
  genderTags: {},
  synonyms: [],
  pins: [],
  boosts: [],
  hidden: [],
};

/** Reads `merchandising.json` from the catalog folder; no file means no rules, a bad file a clear error. */
export function loadMerchandisingRules(catalogDir: string): MerchandisingRules {
  const file = path.join(catalogDir, MERCHANDISING_FILE);
  if (!existsSync(file)) return NO_RULES;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new ValidationError('merchandising:bad_file', `${file} is not valid JSON.`, { cause });
  }
  const parsed = merchandisingSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError('merchandising:bad_file', `${file}: "${issue.path.join('.')}" ${issue.message}`);
  }
  return parsed.data;
}

export const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Whether `phrase`'s words occur in `tokens` in a row. */
export function containsPhrase(tokens: string[], phraseWords: string[]): boolean {
  for (let i = 0; i + phraseWords.length <= tokens.length; i++) {
    if (phraseWords.every((w, j) => tokens[i + j] === w)) return true;
  }
  return false;
}

/** The query with the words its expansions add; unchanged when none applies. */
export function createQueryExpander(rules: Pick<MerchandisingRules, 'queryExpansions'>): (query: string) => string {
  const expansions = rules.queryExpansions.map((e) => ({ when: e.when.map(words), add: e.add.join(' ') }));
  return (query) => {
    const tokens = words(query);
    const extra = expansions.filter((e) => e.when.some((w) => containsPhrase(tokens, w))).map((e) => e.add);
    return extra.length === 0 ? query : `${query} ${extra.join(' ')}`;
  };
}

/** What the tools read from the rules: complements of a purchase and the tags a gender filter accepts. */
export function createMerchandising(rules: Pick<MerchandisingRules, 'complements' | 'genderTags'>) {
  const complements = rules.complements.map((c) => ({ ...c, when: new Set(c.when.map((w) => words(w).join(' '))) }));
  return {
    /** Search phrases for what goes with a product in these categories (any level of its path), in file order. */
    complementsOf(categories: string[]): string[] {
      const labels = categories.map((c) => words(c).join(' '));
      const matching = complements.filter((c) => labels.some((l) => c.when.has(l)));
      return [...new Set(matching.flatMap((c) => c.suggest))];
    },
    /** The product tags a gender filter accepts: the shop's list, or the gender's own name. */
    tagsForGender: (gender: Gender): string[] => rules.genderTags[gender] ?? [gender],
  };
}
