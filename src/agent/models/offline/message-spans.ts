import type { Lexicon } from './language-pack.js';
import type { Links } from './shop-links.js';

/** Up to this age a shopper's child wears children's sizes. */
const CHILD_AGE = 13;

/** A child's age said in a message: its word positions, and whether it is a child's. */
export interface Age {
  at: Set<number>;
  child: boolean;
}

const age = (at: number[], said: string): Age => ({ at: new Set(at), child: Number(said) <= CHILD_AGE });

/**
 * Spans of a message that name no product, size or count: what a thing is for ("for our camping
 * weekend") and a child's age ("a 7 year old"); and whether a pronoun in it points at something.
 * `joins` end a purpose ("and", "also").
 */
export function messageSpans(lx: Lexicon, joins: Set<string>) {
  const purposeLeads = lx.purposeLeads.map((p) => p.split(' '));
  const ageUnits = [...lx.ages.units].sort((a, b) => b.length - a.length).map((p) => p.split(' '));
  const agePersons = new Set(lx.ages.persons);

  /**
   * Word positions that say what a thing is for: a purpose lead ("for our") and up to three words
   * after it in its sentence, up to a joining word.
   */
  function purposeOf(words: string[], sentenceOf: number[]): Set<number> {
    const out = new Set<number>();
    for (const lead of purposeLeads) {
      for (let i = 0; i + lead.length <= words.length; i++) {
        if (!lead.every((w, k) => words[i + k] === w)) continue;
        let end = i + lead.length;
        const stop = Math.min(words.length, end + 3);
        while (end < stop && sentenceOf[end] === sentenceOf[i] && !joins.has(words[end])) end++;
        for (let k = i; k < end; k++) out.add(k);
      }
    }
    return out;
  }

  /**
   * A child's age: a number before an age word ("a 7 year old") or right after a person ("my son
   * (8)"). Its positions, which name no size, count or product; null when none is said.
   */
  function ageOf(words: string[]): Age | null {
    const isAge = (w: string | undefined) => w !== undefined && /^\d{1,2}$/.test(w);
    for (const unit of ageUnits) {
      for (let i = 1; i + unit.length <= words.length; i++) {
        if (!isAge(words[i - 1]) || !unit.every((w, k) => words[i + k] === w)) continue;
        return age(
          Array.from({ length: unit.length + 1 }, (_, k) => i - 1 + k),
          words[i - 1],
        );
      }
    }
    const after = words.findIndex((w, i) => agePersons.has(w) && isAge(words[i + 1]));
    return after < 0 ? null : age([after + 1], words[after + 1]);
  }

  const pronounPhrases = lx.pronouns.map((p) => p.split(' '));
  /**
   * Whether the message points with a pronoun ("it", "that one", "den"): one not right before a product's name,
   * where the same word is an article ("den <Name>"); before a kind it still points ("that bottle").
   */
  function saysPronoun(words: string[], links: Links): boolean {
    const names = (at: number) => links.products.some((n) => n.distinctive > 0 && n.start <= at && at < n.end);
    return pronounPhrases.some((p) =>
      words.some((_, i) => p.every((w, k) => words[i + k] === w) && !names(i + p.length)),
    );
  }

  return { purposeOf, ageOf, saysPronoun };
}
