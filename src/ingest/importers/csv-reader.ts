import { MAX_FIELD_CHARS } from '../../catalog/records.js';

/**
 * An RFC 4180 CSV reader over raw bytes. A row that cannot be read (broken quoting, invalid
 * UTF-8, an oversize field) comes out as an error for that row and reading carries on, so one
 * bad row never costs the rest of the file. `line` is the 1-based physical line the row starts on.
 */
export type CsvRow = { line: number; fields: string[] } | { line: number; error: string };

export interface CsvReadOptions {
  maxFieldChars?: number;
  /** Name fields after the first row's values in error messages (default true). */
  header?: boolean;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

interface Cell {
  start: number;
  end: number;
  escaped: boolean;
}
type Scan =
  | { cells: Cell[]; next: number; nextLine: number }
  | { broken: 'unterminated' | 'text-after-quote'; field: number; openLine: number; next: number; nextLine: number };

export function* readCsvRows(input: Uint8Array, opts: CsvReadOptions = {}): Generator<CsvRow> {
  const maxChars = opts.maxFieldChars ?? MAX_FIELD_CHARS;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let names: string[] | null = null;
  let pos = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  let line = 1;
  let first = true;

  while (pos < input.length) {
    // Blank lines carry no row; skip them rather than yield a one-empty-field row.
    if (input[pos] === LF || input[pos] === CR) {
      pos += input[pos] === CR && input[pos + 1] === LF ? 2 : 1;
      line++;
      continue;
    }
    const scan = scanRow(input, pos, line);
    const rowLine = line;
    pos = scan.next;
    line = scan.nextLine;
    if ('broken' in scan) {
      first = false;
      const label = fieldLabel(scan.field, names);
      yield {
        line: rowLine,
        error:
          scan.broken === 'unterminated'
            ? `unterminated quoted ${label} (the quote opens on line ${scan.openLine})`
            : `text after the closing quote of ${label} (a quote inside a quoted field must be doubled: "")`,
      };
      continue;
    }
    const decoded = decodeCells(input, scan.cells, decoder, maxChars, names);
    if (typeof decoded === 'string') {
      yield { line: rowLine, error: decoded };
    } else {
      if (first && opts.header !== false) names = decoded;
      yield { line: rowLine, fields: decoded };
    }
    first = false;
  }
}

/** Finds one row's cells as byte ranges, starting at `start` (the beginning of a line). */
function scanRow(buf: Uint8Array, start: number, startLine: number): Scan {
  const cells: Cell[] = [];
  let pos = start;
  let line = startLine;
  for (;;) {
    if (buf[pos] === QUOTE) {
      const quoteAt = pos;
      const openLine = line;
      let i = pos + 1;
      let escaped = false;
      for (;;) {
        if (i >= buf.length) {
          return broken(buf, quoteAt, openLine, 'unterminated', cells.length);
        }
        if (buf[i] === QUOTE) {
          if (buf[i + 1] !== QUOTE) break;
          escaped = true;
          i += 2;
          continue;
        }
        if (buf[i] === LF || (buf[i] === CR && buf[i + 1] !== LF)) line++;
        i++;
      }
      cells.push({ start: quoteAt + 1, end: i, escaped });
      pos = i + 1;
      if (pos < buf.length && buf[pos] !== COMMA && buf[pos] !== CR && buf[pos] !== LF) {
        // Closing on a later line than it opened means the opening quote was the stray one.
        return broken(
          buf,
          quoteAt,
          openLine,
          line === openLine ? 'text-after-quote' : 'unterminated',
          cells.length - 1,
        );
      }
    } else {
      let i = pos;
      while (i < buf.length && buf[i] !== COMMA && buf[i] !== CR && buf[i] !== LF) i++;
      cells.push({ start: pos, end: i, escaped: false });
      pos = i;
    }
    if (pos >= buf.length) return { cells, next: pos, nextLine: line + 1 };
    if (buf[pos] === COMMA) {
      pos++;
      continue;
    }
    pos += buf[pos] === CR && buf[pos + 1] === LF ? 2 : 1;
    return { cells, next: pos, nextLine: line + 1 };
  }
}

/**
 * Broken quoting: report it and resume at the line after the one where the bad quote opened.
 * A stray quote would otherwise swallow every following row up to the next quote in the file.
 */
function broken(
  buf: Uint8Array,
  quoteAt: number,
  openLine: number,
  broken: 'unterminated' | 'text-after-quote',
  field: number,
): Scan {
  let i = quoteAt;
  while (i < buf.length && buf[i] !== LF && buf[i] !== CR) i++;
  if (i < buf.length) i += buf[i] === CR && buf[i + 1] === LF ? 2 : 1;
  return { broken, field, openLine, next: i, nextLine: openLine + 1 };
}

function decodeCells(
  buf: Uint8Array,
  cells: Cell[],
  decoder: TextDecoder,
  maxChars: number,
  names: string[] | null,
): string[] | string {
  const fields: string[] = [];
  for (const [index, cell] of cells.entries()) {
    const label = fieldLabel(index, names);
    // A UTF-16 code unit never takes more than 3 UTF-8 bytes, so this rejects huge fields before decoding them.
    if (cell.end - cell.start > maxChars * 3) return `${label} is longer than ${maxChars} characters`;
    let text: string;
    try {
      text = decoder.decode(buf.subarray(cell.start, cell.end));
    } catch {
      return `${label} is not valid UTF-8 (save the file as UTF-8)`;
    }
    if (cell.escaped) text = text.replaceAll('""', '"');
    if (text.length > maxChars) return `${label} is longer than ${maxChars} characters`;
    fields.push(text);
  }
  return fields;
}

function fieldLabel(index: number, names: string[] | null): string {
  const name = names?.[index]?.trim();
  return name ? `field ${index + 1} ("${name}")` : `field ${index + 1}`;
}

/** A CSV file read as a header plus data rows whose field count is checked against the header. */
export interface CsvTable {
  header: string[];
  rows: Iterable<CsvRow>;
  /** Index of the first column matching one of `names` (trimmed, case-insensitive), or -1. */
  column(names: readonly string[]): number;
  /** `column()` for each entry of a spec such as `{ title: ['Title'], price: ['Variant Price', 'Price'] }`. */
  columns<K extends string>(spec: Record<K, readonly string[]>): Record<K, number>;
}

export function readCsvTable(
  input: Uint8Array,
  opts: CsvReadOptions = {},
): { table: CsvTable } | { line: number; error: string } {
  const rows = readCsvRows(input, opts);
  const head = rows.next();
  if (head.done) return { line: 1, error: 'the file is empty' };
  if ('error' in head.value)
    return { line: head.value.line, error: `the header row cannot be read: ${head.value.error}` };
  const header = head.value.fields;
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  const column = (names: readonly string[]) => {
    for (const name of names) {
      const i = index.get(name.toLowerCase());
      if (i !== undefined) return i;
    }
    return -1;
  };
  const columns = <K extends string>(spec: Record<K, readonly string[]>) =>
    Object.fromEntries(Object.entries<readonly string[]>(spec).map(([key, names]) => [key, column(names)])) as Record<
      K,
      number
    >;
  return { table: { header, column, columns, rows: checkedRows(rows, header.length) } };
}

function* checkedRows(rows: Iterator<CsvRow>, width: number): Generator<CsvRow> {
  for (let r = rows.next(); !r.done; r = rows.next()) {
    const row = r.value;
    if ('error' in row) {
      yield row;
      continue;
    }
    let fields = row.fields;
    // Some tools write extra trailing commas; empty extras are harmless.
    while (fields.length > width && fields[fields.length - 1] === '') fields = fields.slice(0, -1);
    if (fields.length !== width) {
      yield {
        line: row.line,
        error: `the row has ${fields.length} field${fields.length === 1 ? '' : 's'} but the header has ${width}`,
      };
      continue;
    }
    yield { line: row.line, fields };
  }
}

/** The trimmed value of column `index` in `fields`, or '' when the column is absent. */
export function cell(fields: string[], index: number): string {
  return index < 0 ? '' : (fields[index] ?? '').trim();
}
