import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ValidationError } from '../errors.js';

/**
 * A shop's merchandising rules, kept as data in `catalog/merchandising.json` (documented in
 * docs/catalog-format.md). Query expansions say what shoppers mean by an activity: when a query
 * holds one of the `when` words or phrases, the `add` words join the text the query is embedded
 * from, so "something to sit on" reaches the products whose descriptions only say "chair".
 */
const phrase = z.string().trim().min(1).max(100);
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
});

export type MerchandisingRules = z.infer<typeof merchandisingSchema>;

export const MERCHANDISING_FILE = 'merchandising.json';
export const NO_RULES: MerchandisingRules = { queryExpansions: [] };

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

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Whether `phrase`'s words occur in `tokens` in a row. */
function containsPhrase(tokens: string[], phraseWords: string[]): boolean {
  for (let i = 0; i + phraseWords.length <= tokens.length; i++) {
    if (phraseWords.every((w, j) => tokens[i + j] === w)) return true;
  }
  return false;
}

/** The query with the words its expansions add; unchanged when none applies. */
export function createQueryExpander(rules: MerchandisingRules): (query: string) => string {
  const expansions = rules.queryExpansions.map((e) => ({ when: e.when.map(words), add: e.add.join(' ') }));
  return (query) => {
    const tokens = words(query);
    const extra = expansions.filter((e) => e.when.some((w) => containsPhrase(tokens, w))).map((e) => e.add);
    return extra.length === 0 ? query : `${query} ${extra.join(' ')}`;
  };
}
