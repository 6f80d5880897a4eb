import type { Writable } from 'node:stream';
import { readCatalogFiles } from './importers/read-catalog-files.js';
import { createProgress, formatImportSummary, type ImportSummary, type Progress } from './import-progress.js';
import { ingest, type IngestDeps, type IngestInput, type IngestSummary } from './ingest.js';

/** Per-kind counts reshaped for the summary table. */
export function toImportSummary(s: IngestSummary): ImportSummary {
  const pick = (c: 'created' | 'updated' | 'unchanged' | 'failed') =>
    Object.fromEntries(Object.entries(s.counts).map(([kind, counts]) => [kind, counts[c]]));
  return {
    created: pick('created'),
    updated: pick('updated'),
    unchanged: pick('unchanged'),
    failed: pick('failed'),
    errors: s.errors,
  };
}

/**
 * Writes a batch into the database with progress on `out` (a bar per phase on a terminal, plain
 * lines otherwise). Returns the summary and its printed form. The file import and the platform
 * syncs share it.
 */
export async function ingestWithProgress(
  deps: IngestDeps,
  batch: IngestInput,
  opts: { out: Writable; signal?: AbortSignal },
): Promise<{ summary: IngestSummary; report: string; failed: number }> {
  const bars = new Map<string, { bar: Progress; seen: number }>();
  const summary = await ingest(deps, batch, {
    signal: opts.signal,
    onProgress(phase, done, total) {
      let p = bars.get(phase);
      if (!p) {
        p = { bar: createProgress({ stream: opts.out, label: phase, total }), seen: 0 };
        bars.set(phase, p);
      }
      p.bar.tick(done - p.seen);
      p.seen = done;
      if (done === total) p.bar.done();
    },
  });
  const failed = Object.values(summary.counts).reduce((n, c) => n + c.failed, 0);
  return { summary, report: formatImportSummary(toImportSummary(summary)), failed };
}

/**
 * Reads catalog files or folders and writes them into the database with progress on `out`.
 * Returns the summary and its printed form.
 */
export async function importCatalog(
  deps: IngestDeps,
  paths: string | string[],
  opts: { currency: string; out: Writable; signal?: AbortSignal },
): Promise<{ summary: IngestSummary; report: string; failed: number }> {
  const batch = await readCatalogFiles(paths, { currency: opts.currency });
  return ingestWithProgress(deps, batch, opts);
}
