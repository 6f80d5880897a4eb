/** One data row of a TSV file: column name → value, and the 1-based line it starts on. */
export interface TsvRow {
  line: number;
  values: Record<string, string>;
}

/**
 * Reads tab-separated text with a header row, the way pandas' `read_csv(sep='\t')` does: a field
 * that starts with `"` is quoted (`""` inside is one quote, and it may span tabs and lines);
 * anything else is taken literally up to the next tab or line end. Blank lines are skipped.
 */
export function parseTsv(text: string): { header: string[]; rows: TsvRow[] } {
  const records: Array<{ line: number; fields: string[] }> = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (pos < text.length) {
    if (text[pos] === '\n' || text[pos] === '\r') {
      pos += text.startsWith('\r\n', pos) ? 2 : 1;
      line++;
      continue;
    }
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text[pos] === '"') {
        pos++;
        for (;;) {
          const close = text.indexOf('"', pos);
          if (close < 0) throw new Error(`line ${start}: a quoted field is never closed`);
          value += text.slice(pos, close);
          line += countNewlines(text, pos, close);
          pos = close + 1;
          if (text[pos] !== '"') break;
          value += '"';
          pos++;
        }
      }
      // Unquoted text, or anything after a closing quote, runs to the next tab or line end.
      let end = pos;
      while (end < text.length && text[end] !== '\t' && text[end] !== '\n' && text[end] !== '\r') end++;
      value += text.slice(pos, end);
      fields.push(value);
      pos = end;
      if (text[pos] !== '\t') break;
      pos++;
    }
    records.push({ line: start, fields });
  }
  if (records.length === 0) throw new Error('the file is empty');
  const header = records[0].fields.map((h) => h.trim());
  const rows = records.slice(1).map((r) => {
    if (r.fields.length > header.length)
      throw new Error(`line ${r.line}: ${r.fields.length} fields but the header has ${header.length}`);
    return { line: r.line, values: Object.fromEntries(header.map((name, i) => [name, r.fields[i] ?? ''])) };
  });
  return { header, rows };
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text[i] === '\n') n++;
  return n;
}
