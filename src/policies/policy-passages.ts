import type { TextTools } from './policy-text.js';

/** A quotable piece of a policy section: a sentence, a list item or a table row. */
export interface Passage {
  /** The text as it would be quoted. */
  text: string;
  /** The line that introduces a list item ("The following items cannot be returned:"). */
  lead: string | null;
  tokens: string[];
  /** The stems of `tokens`, in order. */
  stemmed: string[];
  /** Stems of the passage and of its lead. */
  stems: Set<string>;
  /** Position in the section. */
  at: number;
  /** The paragraph, list or table it belongs to. */
  block: number;
  kind: 'sentence' | 'item' | 'row';
}

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;

const cellsOf = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

/**
 * A table row read out with its column names: "Switzerland, Norway, United Kingdom: Standard
 * shipping €14.95, Free shipping from €150". A row named by a number or code keeps its first
 * column's name too ("EU 42: UK 8, …").
 */
function tableRowText(header: string[], row: string[]): string {
  const name = /\p{L}{2}/u.test(row[0]) || !header[0] ? row[0] : `${header[0]} ${row[0]}`;
  const values = row.slice(1).map((v, i) => (header[i + 1] ? `${header[i + 1]} ${v}` : v));
  return `${name}: ${values.join(', ')}`;
}

/** The passages of a section's text, in order. */
export function passagesOf(text: string, tools: TextTools): Passage[] {
  const out: Omit<Passage, 'tokens' | 'stemmed' | 'stems' | 'at'>[] = [];
  let header: string[] | null = null;
  let lead: string | null = null;
  let block = 0;
  let last: Passage['kind'] | null = null;
  for (const line of text.split('\n')) {
    if (!line.trim()) {
      header = null;
      last = null;
      continue;
    }
    const kind: Passage['kind'] = TABLE_ROW.test(line) ? 'row' : LIST_ITEM.test(line) ? 'item' : 'sentence';
    if (kind !== last || kind === 'sentence') block++;
    last = kind;
    if (kind === 'row') {
      if (header) out.push({ text: tableRowText(header, cellsOf(line)), lead: null, block, kind });
      else header = cellsOf(line);
      continue;
    }
    header = null;
    if (kind === 'item') {
      out.push({ text: line.replace(LIST_ITEM, '').trim(), lead, block, kind });
      continue;
    }
    const sentences = tools.sentences(line);
    out.push(...sentences.map((s) => ({ text: s, lead: null, block, kind })));
    lead = /:\s*$/.test(line) ? (sentences.at(-1) ?? null) : null;
  }
  return out.map((p, at) => {
    const tokens = tools.tokens(p.text);
    const stemmed = tokens.map(tools.stem);
    const stems = new Set([...stemmed, ...tools.tokens(p.lead ?? '').map(tools.stem)]);
    return { ...p, tokens, stemmed, stems, at };
  });
}
