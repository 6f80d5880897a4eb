import { COUNT_PATTERN, parseCount, tidy } from './normalize.js';

/** A quantity the shopper named ("add 2 of those", "make it 3", "x2"), and the text without it. */
export interface QuantityWords {
  quantity?: number;
  /** "one more" / "another": add one to what is already there. */
  increment?: boolean;
  rest: string;
}

const N = COUNT_PATTERN;
const S = "(?<![\\w'-])";
const E = "(?![\\w'-])";

const PATTERNS: RegExp[] = [
  new RegExp(
    `${S}(?:make|change|set|update|increase|decrease|reduce|bump|up)\\s+(?:it|that|this|them|those|the\\s+quantity|quantity|the\\s+amount)?\\s*(?:of\\s+[\\w' -]+?\\s+)?(?:to\\s+)?${N}${E}`,
  ),
  new RegExp(`${S}(?:quantity|qty|amount)\\s*(?:of|to|=|is)?\\s*${N}${E}`),
  new RegExp(`${S}${N}\\s+instead${E}`),
  new RegExp(`${S}(?:only|just)\\s+(?:want\\s+|need\\s+)?${N}${E}`),
  new RegExp(`${S}(?:add|put|buy|take|order|get|want|need|i'll\\s+take|ill\\s+take)\\s+(?:me\\s+)?${N}${E}`),
  new RegExp(`${S}${N}\\s*(?:x|×|of|pairs?|pcs|pieces|units|items|copies)${E}`),
  new RegExp(`(?:${S}x|×)\\s*${N}${E}`),
  new RegExp(`${S}to\\s+${N}${E}`),
];

export function extractQuantity(text: string): QuantityWords {
  if (/(?<![\w'-])(?:one\s+more|another\s+one|1\s+more|an\s+extra\s+one)(?![\w'-])/.test(text)) {
    return {
      increment: true,
      quantity: 1,
      rest: tidy(text.replace(/(?:one\s+more|another\s+one|1\s+more|an\s+extra\s+one)/, ' ')),
    };
  }
  for (const re of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const quantity = parseCount(m[1]);
    if (quantity === undefined) continue;
    // Keep the verb ("add", "make it") so the intent stays readable; drop only the number part.
    const numberAt = m.index + m[0].lastIndexOf(m[1]);
    const rest = tidy(
      text.slice(0, numberAt) +
        ' ' +
        text
          .slice(numberAt + m[1].length)
          .replace(/^\s*(?:x|×|of|pairs?|pcs|pieces|units|items|copies|instead)(?![\w'-])/, ' '),
    );
    return { quantity, rest };
  }
  return { rest: text };
}
