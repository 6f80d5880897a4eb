import { type Passage, passagesOf } from './policy-passages.js';
import type { TextTools } from './policy-text.js';

/** Sentences also end at an Arabic-script question mark ("؟"), which the policies' own rules may not know. */
function withArabicStops(tools: TextTools): TextTools {
  return { ...tools, sentences: (text) => tools.sentences(text.replace(/([؟۔])\s+/g, '$1\n')) };
}

/**
 * The passages of a translated section that say what `chosen` (passages of the section as
 * written) say: the same ones by position when both split into as many passages (a translator
 * keeps sentences and list items), else those at the same share of the section.
 */
export function translatedPassages(
  original: string,
  chosen: Passage[],
  translated: string,
  tools: TextTools,
): Passage[] {
  const mine = passagesOf(translated, withArabicStops(tools));
  const theirs = passagesOf(original, tools).length;
  if (mine.length === 0 || theirs === 0) return [];
  const at = (p: Passage) => (mine.length === theirs ? p.at : Math.floor((p.at * mine.length) / theirs));
  const picked = [...new Set(chosen.map(at))].filter((i) => i < mine.length).sort((a, b) => a - b);
  return picked.map((i) => inScript(mine[i]));
}

/** A table row read out in Arabic script joins its cells with the Arabic comma ("€4.95، …"). */
function inScript(p: Passage): Passage {
  if (p.kind !== 'row' || !/[\u0600-\u06ff]/.test(p.text)) return p;
  return { ...p, text: p.text.replace(/, /g, '، ') };
}
