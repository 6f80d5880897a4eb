/**
 * What shoppers mean by an activity: "something to sit on" is seating. Words for what the
 * product does are added to the text the query is embedded from, so vague questions reach
 * the products whose descriptions only name the thing. Lexical search uses the words as typed.
 */
const INTENTS: [RegExp, string][] = [
  [/\bsit(ting)?\b|\bseat(ing)?\b/i, 'chair armchair sofa couch stool bench seat'],
  [/\bsleep(ing)?\b|\bnap\b/i, 'sleeping bag bed mattress pillow'],
  [/\b(stay|keep)(ing)? (me )?(dry|out of the rain)\b|\brain(y)?\b|\bwet\b/i, 'waterproof rain jacket shell'],
  [/\bcarry\b|\bhaul\b/i, 'bag backpack tote'],
  [/\bsmell\b|\bscent(ed)?\b|\bfragrance\b/i, 'candle scented diffuser'],
];

export function withShoppingIntents(query: string): string {
  const extra = INTENTS.filter(([re]) => re.test(query)).map(([, words]) => words);
  return extra.length === 0 ? query : `${query} ${extra.join(' ')}`;
}
