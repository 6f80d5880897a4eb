import { describe, expect, it } from 'vitest';
import { MAX_FIELD_CHARS } from '../../src/catalog/records.js';
import { readCsvRows, readCsvTable } from '../../src/ingest/importers/csv-reader.js';

const rows = (input: string | Buffer) => [...readCsvRows(typeof input === 'string' ? Buffer.from(input) : input)];

describe('readCsvRows', () => {
  it('reads plain rows with their 1-based line numbers, over LF or CRLF', () => {
    expect(rows('a,b\r\n1,2\r\n3,4')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
    expect(rows('a,b\n1,2\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('strips a UTF-8 byte order mark and decodes UTF-8 text', () => {
    const input = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Handle,Title\ncafé,Crème brûlée\n')]);
    expect(rows(input)).toEqual([
      { line: 1, fields: ['Handle', 'Title'] },
      { line: 2, fields: ['café', 'Crème brûlée'] },
    ]);
  });

  it('handles quoted fields holding commas, doubled quotes and line breaks', () => {
    const input = 'a,b,c\n"x, y","say ""hi""","line one\nline two\r\nline three"\nnext,row,here\n';
    expect(rows(input)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'line one\nline two\r\nline three'] },
      { line: 5, fields: ['next', 'row', 'here'] },
    ]);
  });

  it('keeps empty fields, including a trailing one, and skips blank lines', () => {
    expect(rows('a,,c,\n\n,,\n')).toEqual([
      { line: 1, fields: ['a', '', 'c', ''] },
      { line: 3, fields: ['', '', ''] },
    ]);
  });

  it('reports an unterminated quote for its row and carries on at the next line', () => {
    expect(rows('a,b\n1,"oops\n2,fine\n3,"also fine"\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, error: 'unterminated quoted field 2 ("b") (the quote opens on line 2)' },
      { line: 3, fields: ['2', 'fine'] },
      { line: 4, fields: ['3', 'also fine'] },
    ]);
  });

  it('reports text after a closing quote and carries on at the next line', () => {
    expect(rows('a,b\n1,"bad" text\n2,ok\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, error: expect.stringContaining('text after the closing quote of field 2 ("b")') },
      { line: 3, fields: ['2', 'ok'] },
    ]);
  });

  it('recovers from a stray quote that would otherwise swallow the following rows', () => {
    const result = rows('a,b\n1,"stray\n2,ok\n3,"x",y\n4,ok\n');
    expect(result[1]).toMatchObject({ line: 2, error: expect.any(String) });
    expect(result.slice(2)).toEqual([
      { line: 3, fields: ['2', 'ok'] },
      { line: 4, fields: ['3', 'x', 'y'] },
      { line: 5, fields: ['4', 'ok'] },
    ]);
  });

  it('reports a field longer than MAX_FIELD_CHARS, naming it, and keeps reading', () => {
    const huge = 'x'.repeat(MAX_FIELD_CHARS + 1);
    expect(rows(`id,body\n1,${huge}\n2,short\n3,"${'y'.repeat(MAX_FIELD_CHARS)}"\n`)).toEqual([
      { line: 1, fields: ['id', 'body'] },
      { line: 2, error: `field 2 ("body") is longer than ${MAX_FIELD_CHARS} characters` },
      { line: 3, fields: ['2', 'short'] },
      { line: 4, fields: ['3', 'y'.repeat(MAX_FIELD_CHARS)] },
    ]);
  });

  it('reports invalid UTF-8 for the row that holds it, not the whole file', () => {
    const input = Buffer.concat([
      Buffer.from('id,name\n1,good\n2,b'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('d\n3,fine\n'),
    ]);
    expect(rows(input)).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['1', 'good'] },
      { line: 3, error: 'field 2 ("name") is not valid UTF-8 (save the file as UTF-8)' },
      { line: 4, fields: ['3', 'fine'] },
    ]);
  });
});

describe('readCsvTable', () => {
  it('finds columns by name, case-insensitively, and checks each row against the header width', () => {
    const opened = readCsvTable(Buffer.from('ID, Name ,Price\n1,a,2\n2,b\n3,c,4,,\n4,d,5,extra\n'));
    if (!('table' in opened)) throw new Error(opened.error);
    const { table } = opened;
    expect(table.column(['name'])).toBe(1);
    expect(table.column(['Cost', 'PRICE'])).toBe(2);
    expect(table.column(['missing'])).toBe(-1);
    expect([...table.rows]).toEqual([
      { line: 2, fields: ['1', 'a', '2'] },
      { line: 3, error: 'the row has 2 fields but the header has 3' },
      { line: 4, fields: ['3', 'c', '4'] },
      { line: 5, error: 'the row has 4 fields but the header has 3' },
    ]);
  });

  it('says so when the file is empty or its header cannot be read', () => {
    expect(readCsvTable(Buffer.from(''))).toEqual({ line: 1, error: 'the file is empty' });
    expect(readCsvTable(Buffer.from('"a,b\n'))).toMatchObject({
      line: 1,
      error: expect.stringContaining('header row cannot be read'),
    });
  });
});
