import type { Writable } from 'node:stream';

export interface Progress {
  /** Counts `n` more items done (default 1). */
  tick(n?: number): void;
  /** Draws the final state; later calls do nothing. */
  done(): void;
}

const BAR_WIDTH = 20;

/**
 * A progress reporter. On a TTY it redraws one line, `[#########...........] 123/320 products 38%`,
 * whenever the percentage changes; elsewhere (CI logs, pipes) it prints a plain line at each 10%
 * step and one at the end, so logs stay short.
 */
export function createProgress(opts: {
  stream: NodeJS.WriteStream | Writable;
  label: string;
  total: number;
}): Progress {
  const { stream, label } = opts;
  const total = Math.max(0, Math.floor(opts.total));
  const tty = (stream as { isTTY?: boolean }).isTTY === true;
  let count = 0;
  let shownPercent = -1;
  let shownStep = 0;
  let finished = false;

  const percent = () => (total === 0 ? 100 : Math.floor((count / total) * 100));
  const draw = () => {
    const p = percent();
    const filled = Math.round((p / 100) * BAR_WIDTH);
    // \x1b[K clears what is left of a longer earlier line
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${count}/${total} ${label} ${p}%\x1b[K`);
  };

  return {
    tick(n = 1) {
      if (finished) return;
      count = Math.min(total, count + Math.max(0, n));
      const p = percent();
      if (tty) {
        if (p !== shownPercent) {
          shownPercent = p;
          draw();
        }
        return;
      }
      const step = Math.floor(p / 10);
      if (step > shownStep && count < total) {
        shownStep = step;
        stream.write(`${label}: ${count}/${total} (${p}%)\n`);
      }
    },
    done() {
      if (finished) return;
      finished = true;
      if (tty) {
        draw();
        stream.write('\n');
      } else {
        stream.write(`${label}: ${count}/${total} done\n`);
      }
    },
  };
}

export type ImportKind = 'products' | 'customers' | 'orders' | 'policies' | 'translations';
export const IMPORT_KINDS: readonly ImportKind[] = ['products', 'customers', 'orders', 'policies', 'translations'];
export type KindCounts = Partial<Record<ImportKind, number>>;

export interface ImportSummary {
  created: KindCounts;
  updated: KindCounts;
  unchanged: KindCounts;
  failed: KindCounts;
  errors: Array<{ file: string; line: number | null; message: string; warning?: boolean }>;
}

export const MAX_LISTED_ERRORS = 50;

/**
 * The end-of-import report: a table of counts per kind, then the errors as `file:line: message`
 * (the first MAX_LISTED_ERRORS, then "… and N more").
 */
export function formatImportSummary(summary: ImportSummary): string {
  const columns = ['created', 'updated', 'unchanged', 'failed'] as const;
  const rows = [
    ['', ...columns],
    // Translations merged from an export have a row only when there were any.
    ...IMPORT_KINDS.filter((kind) => kind !== 'translations' || columns.some((c) => summary[c][kind])).map((kind) => [
      kind,
      ...columns.map((c) => String(summary[c][kind] ?? 0)),
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) =>
    r
      .map((text, i) => (i === 0 ? text.padEnd(widths[i]) : text.padStart(widths[i])))
      .join('  ')
      .trimEnd(),
  );

  const { errors } = summary;
  if (errors.length > 0) {
    const warnings = errors.filter((e) => e.warning).length;
    const kind = warnings === errors.length ? 'warning' : 'error';
    lines.push('', `${errors.length} ${kind}${errors.length === 1 ? '' : 's'}:`);
    for (const e of errors.slice(0, MAX_LISTED_ERRORS))
      lines.push(`${e.file}${e.line === null ? '' : `:${e.line}`}: ${e.warning ? 'warning: ' : ''}${e.message}`);
    if (errors.length > MAX_LISTED_ERRORS) lines.push(`… and ${errors.length - MAX_LISTED_ERRORS} more`);
  }
  return `${lines.join('\n')}\n`;
}
