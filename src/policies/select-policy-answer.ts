import { type Passage, passagesOf } from './policy-passages.js';
import { type PolicyQuestion, type PolicyReader, policyReader, RELATED_WEIGHT } from './policy-reader.js';

/** A policy section as search returned it, best first. */
export interface SectionText {
  heading: string;
  title: string;
  text: string;
}

export interface PolicyAnswer<S extends SectionText> {
  section: S;
  /** One or two passages holding the asked fact, in the section's order. */
  passages: Passage[];
}

/** A concept in the section's heading counts this much more than in one of its passages. */
const HEADING_WEIGHT = 1.5;
/** What a passage holding the kind of fact asked for ("30 days" for "how long") adds. */
const ANSWER_WEIGHT = 0.5;
/** …and when a number is asked for ("how long", "how much") and the passage has one, or a list and it lists. */
const NUMBER_WEIGHT = 2;
/** A section's second-best passage adds this share of its score: a section that says more about the question. */
const SECOND_PASSAGE_WEIGHT = 0.5;
/** A section's first passage usually states its rule: it gets this much, the next ones less. */
const LEAD_WEIGHT = 0.5;
/** A section that speaks of none of the question's topics loses this share of its score. */
const OFF_TOPIC = 0.5;
/** A section whose heading names only topics the question does not keeps this share of its score. */
const OTHER_TOPIC = 0.7;
/** A section loses up to this share of its score for words of its heading the question does not ask about. */
const HEADING_MISS = 0.15;
/**
 * The question's concepts anywhere in the section count this much: "how much is delivery for a
 * sofa?" is answered by the section whose first sentence names sofas, though its sentence with the
 * price does not.
 */
const SECTION_WEIGHT = 0.25;
/** Search's order counts: the first section gets this much, the last none. */
const RANK_WEIGHT = 3;
/** A second passage is quoted when it scores at least this share of the first… */
const SECOND_SHARE = 0.5;
/** …its score multiplied by this when it is the sentence that leads up to the first. */
const CONTEXT_BOOST = 1.5;

const holdsNumber = (p: Passage) => p.tokens.some((t) => /^\d/.test(t));
/**
 * A list item, or a sentence naming three or more things ("gift card, paypal account, credit card") or
 * introducing some ("three kinds: card, bank transfer and store credit").
 */
const holdsList = (p: Passage) => p.kind === 'item' || (p.text.match(/,/g)?.length ?? 0) >= 2 || /:[^:]*,/.test(p.text);

/** The ranges a passage's tokens write as two numbers in a row, the first below the second ("123–128"). */
function rangesOf(tokens: string[]): [number, number][] {
  const num = (t: string | undefined) =>
    t !== undefined && /^\d+([.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : NaN;
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b] = [num(tokens[i]), num(tokens[i + 1])];
    if (a < b) out.push([a, b]);
  }
  return out;
}

interface Scorer {
  /** A passage's score; `heading` is its section's heading, whose words count for it too. */
  passage(p: Passage, heading: string[]): number;
  heading(tokens: string[]): number;
  /** The question's concepts anywhere in a section (its stems), phrases aside. */
  concepts(stems: Set<string>): number;
}

/**
 * Scores passages for a question: each concept adds its weight × the rarity (among all passages
 * of the candidate sections) of its rarest word the passage holds; a two-word phrase of the
 * question adds the same; each kind of fact asked for (a duration, an amount, a condition) that
 * the passage holds adds a fixed bonus, more when a number was asked for and is there.
 */
function createScorer(q: PolicyQuestion, reader: PolicyReader, all: { p: Passage; heading: Set<string> }[]): Scorer {
  const stemsOf = (ws: string[]) => [...new Set(ws.map(reader.stem))];
  const concepts = q.concepts.map((c) => ({ stems: stemsOf(c.words), related: stemsOf(c.related), weight: c.weight }));
  const phrases = q.phrases.map((c) => ({ stems: stemsOf(c.words), weight: c.weight }));
  const rarity = (count: number) => Math.log(1 + all.length / (1 + count));
  const idf = new Map<string, number>();
  // A number asked about ("he's 127 cm tall") is held by a passage with a range around it ("123–128").
  const asked = [...new Set(concepts.flatMap((c) => c.stems))].filter((s) => /^\d+([.,]\d+)?$/.test(s));
  const withRanges = (p: Passage) => {
    const inRange = asked.filter((n) => rangesOf(p.tokens).some(([a, b]) => a <= Number(n) && Number(n) <= b));
    return inRange.length ? new Set([...p.stems, ...inRange]) : p.stems;
  };
  const heldBy = new Map(all.map(({ p }) => [p, withRanges(p)]));
  // Rarity among passages read with their headings: "method" under "Payment methods" is common there.
  const holding = (s: string) => all.filter(({ p, heading }) => heldBy.get(p)!.has(s) || heading.has(s)).length;
  for (const s of concepts.flatMap((c) => [...c.stems, ...c.related])) idf.set(s, rarity(holding(s)));
  const holdsPhrase = (stems: string[], c: { stems: string[] }) =>
    stems.some((t, i) => t === c.stems[0] && stems[i + 1] === c.stems[1]);
  const phraseIdf = phrases.map((c) => rarity(all.filter(({ p }) => holdsPhrase(p.stemmed, c)).length));

  const rarest = (candidates: string[], stems: Set<string>) =>
    Math.max(0, ...candidates.filter((s) => stems.has(s)).map((s) => idf.get(s) ?? 0));
  const bestIdf = (c: { stems: string[]; related: string[] }, stems: Set<string>) =>
    Math.max(rarest(c.stems, stems), RELATED_WEIGHT * rarest(c.related, stems));

  function conceptScore(stems: Set<string>, tokenStems: string[]): number {
    let score = 0;
    for (const c of concepts) score += c.weight * bestIdf(c, stems);
    phrases.forEach((c, i) => (score += holdsPhrase(tokenStems, c) ? c.weight * phraseIdf[i] : 0));
    return score;
  }

  function answerBonus(p: Passage): number {
    const answered = q.asks.filter((a) => reader.answers(p.tokens, a));
    const number = answered.some((a) => a.numeric) && holdsNumber(p) ? NUMBER_WEIGHT : 0;
    const list = answered.some((a) => a.list) && holdsList(p) ? NUMBER_WEIGHT : 0;
    return answered.length * ANSWER_WEIGHT + number + list;
  }

  return {
    passage(p, heading) {
      const lead = LEAD_WEIGHT / (1 + p.at);
      // A sentence under "How to make a claim" is about claims: it is read with its heading.
      const stems = new Set([...(heldBy.get(p) ?? p.stems), ...heading.map(reader.stem)]);
      return lead + answerBonus(p) + conceptScore(stems, p.stemmed);
    },
    heading(tokens) {
      const stems = tokens.map(reader.stem);
      return conceptScore(new Set(stems), stems);
    },
    concepts: (stems) => conceptScore(stems, []),
  };
}

/**
 * The best passage, and a second one when it also answers (another part of the question, or the
 * fact asked); the sentence just before the best one reads as its context and needs less.
 */
function pickPassages(scored: { p: Passage; score: number }[]): Passage[] {
  const inOrder = (xs: { p: Passage }[]) => xs.sort((a, b) => a.p.at - b.p.at).map((x) => x.p);
  const ranked = [...scored].sort((a, b) => b.score - a.score || a.p.at - b.p.at);
  const [first] = ranked;
  if (!first) return [];
  if (first.score <= 0) return inOrder(ranked.slice(0, 2));
  const leadsUp = (p: Passage) => p.kind === 'sentence' && p.block === first.p.block && p.at === first.p.at - 1;
  const claim = (x: { p: Passage; score: number }) => x.score * (leadsUp(x.p) ? CONTEXT_BOOST : 1);
  const second = ranked.slice(1).sort((a, b) => claim(b) - claim(a))[0];
  return inOrder(second && claim(second) >= SECOND_SHARE * first.score ? [first, second] : [first]);
}

/**
 * Whether a section's heading and title name only topics the question does not: "Free return label in
 * the EU" (returns) for "is delivery to Finland free?" (delivery, free delivery). Two topics are one
 * when they share a policy word ("free delivery" and "delivery").
 */
function namesOtherTopics(q: PolicyQuestion, reader: PolicyReader, heading: string): boolean {
  if (!q.topics.length) return false;
  const named = reader.read(heading).topics;
  const same = (a: string[], b: string[]) => a.some((w) => b.includes(w));
  return named.length > 0 && !named.some((n) => q.topics.some((t) => same(n.related, t.related)));
}

/** The share of a heading's words the question neither says nor implies ("late" in "Late returns"). */
function unaskedShare(asked: Set<string>, reader: PolicyReader, heading: string[]): number {
  const words = [
    ...new Set(
      reader
        .read(heading.join(' '))
        .concepts.flatMap((c) => c.words)
        .map(reader.stem),
    ),
  ];
  return words.length ? words.filter((w) => !asked.has(w)).length / words.length : 0;
}

/** The share of the question's topics (exchanges, shipping…) a section speaks of; 1 when it names none. */
function topicShare(q: PolicyQuestion, reader: PolicyReader, stems: Set<string>): number {
  if (!q.topics.length) return 1;
  const spoken = q.topics.filter((t) => [...t.words, ...t.related].some((w) => stems.has(reader.stem(w))));
  return spoken.length / q.topics.length;
}

export interface ScoredSection<S extends SectionText> {
  section: S;
  score: number;
  passages: { p: Passage; score: number }[];
}

/** Every candidate section with its score and its passages' scores, in search's order. */
export function scoreSections<S extends SectionText>(
  sections: S[],
  question: string,
  reader: PolicyReader = policyReader(),
): ScoredSection<S>[] {
  const q = reader.read(question);
  const passages = sections.map((s) => passagesOf(s.text, reader));
  const headings = sections.map((s) => reader.tokens(s.heading === s.title ? '' : s.heading));
  const all = passages.flatMap((ps, i) => ps.map((p) => ({ p, heading: new Set(headings[i].map(reader.stem)) })));
  const scorer = createScorer(q, reader, all);
  const asked = new Set(q.concepts.flatMap((c) => [...c.words, ...c.related]).map(reader.stem));
  return sections.map((section, index) => {
    const headingTokens = headings[index];
    const scored = passages[index].map((p) => ({ p, score: scorer.passage(p, headingTokens) }));
    const top = scored.map((x) => x.score).sort((a, b) => b - a);
    const headingScore = scorer.heading(headingTokens);
    const prior = sections.length > 1 ? RANK_WEIGHT * (1 - index / (sections.length - 1)) : 0;
    const said = new Set([...headingTokens.map(reader.stem), ...passages[index].flatMap((p) => [...p.stems])]);
    // The document's title says what all its sections are about ("Warranty" over "Own-brand products").
    const titled = new Set([...said, ...reader.tokens(section.title).map(reader.stem)]);
    const score =
      HEADING_WEIGHT * headingScore +
      (top[0] ?? 0) +
      SECOND_PASSAGE_WEIGHT * (top[1] ?? 0) +
      SECTION_WEIGHT * scorer.concepts(said) +
      prior;
    const onTopic = topicShare(q, reader, titled);
    const elsewhere = namesOtherTopics(q, reader, `${section.title}. ${section.heading}`) ? OTHER_TOPIC : 1;
    const unasked = HEADING_MISS * unaskedShare(asked, reader, headingTokens);
    return {
      section,
      score: score * (1 - OFF_TOPIC + OFF_TOPIC * onTopic) * elsewhere * (1 - unasked),
      passages: scored,
    };
  });
}

/**
 * The section that answers a policy question and the one or two passages in it that hold the asked
 * fact. Sections are judged by the question's concepts in their headings and in their best
 * passages, with search's order as a prior; passages by the concepts they hold (rare ones count
 * more) and by holding the kind of fact asked for.
 */
export function selectPolicyAnswer<S extends SectionText>(
  sections: S[],
  question: string,
  reader: PolicyReader = policyReader(),
): PolicyAnswer<S> | null {
  const scored = scoreSections(sections, question, reader);
  const best = scored.reduce<ScoredSection<S> | null>((a, b) => (!a || b.score > a.score ? b : a), null);
  return best && { section: best.section, passages: pickPassages(best.passages) };
}

/**
 * The share of the question's main concepts (its own words or their related ones) that a section
 * speaks of, in its heading or text; 1 when the question has none. Under one half, the section
 * does not hold what was asked, however it ranked: "do you offer gift boxes?" against a section
 * on delivery costs.
 */
export function conceptCoverage(section: SectionText, question: string, reader: PolicyReader = policyReader()): number {
  const main = reader.read(question).concepts.filter((c) => c.weight >= 1);
  if (main.length === 0) return 1;
  const heading = reader.tokens(section.heading === section.title ? '' : section.heading);
  const said = new Set([...heading.map(reader.stem), ...passagesOf(section.text, reader).flatMap((p) => [...p.stems])]);
  const held = main.filter((c) => [...c.words, ...c.related].some((w) => said.has(reader.stem(w))));
  return held.length / main.length;
}
