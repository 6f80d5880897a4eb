/** A plain-text table: section headings, then rows of a label and one cell per column. */
export type TableRow = { section: string } | { label: string; cells: string[] };

export function renderTable(columns: string[], rows: TableRow[]): string {
  const labelWidth = Math.max(0, ...rows.map((r) => ('label' in r ? r.label.length + 2 : 0)));
  const widths = columns.map((c, i) =>
    Math.max(c.length, ...rows.map((r) => ('cells' in r ? (r.cells[i] ?? '').length : 0))),
  );
  const line = (label: string, cells: string[]) =>
    [label.padEnd(labelWidth), ...cells.map((c, i) => c.padEnd(widths[i]))].join('   ').trimEnd();
  const rule = '-'.repeat(labelWidth + widths.reduce((a, w) => a + w + 3, 0));
  const out = [line('', columns), rule];
  for (const r of rows) {
    if ('section' in r) out.push(r.section);
    else out.push(line(`  ${r.label}`, r.cells));
  }
  out.push(rule);
  return out.join('\n');
}

export const count = (n: number) => Math.round(n).toLocaleString('en-US');

export function ms(n: number): string {
  if (!Number.isFinite(n)) return '–';
  return n < 10 ? `${n.toFixed(1)} ms` : `${Math.round(n)} ms`;
}

export function seconds(msValue: number): string {
  return msValue < 60_000
    ? `${(msValue / 1000).toFixed(1)} s`
    : `${Math.floor(msValue / 60_000)} min ${Math.round((msValue % 60_000) / 1000)} s`;
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

export function ratio(a: number, b: number): string {
  if (!(a > 0) || !(b > 0)) return '–';
  const r = a / b;
  return `${r >= 10 ? Math.round(r) : r.toFixed(1)}x`;
}
