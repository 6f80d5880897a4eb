import type { SearchMode } from '../../../src/catalog/types.js';
import { mean } from './metrics.js';
import { MODES, NDCG_K, RECALL_K, summarize, WARM_UP, type GroupScores, type ModeOutcomes } from './run-bench.js';

export interface ReportInput {
  label: string;
  embedder: { id: string; dimension: number };
  loadMs: number;
  notes: string[];
  outcomes: ModeOutcomes;
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');
const ms = (x: number) => (x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`);

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Three mode cells with the row's best marked by `*` (all tied best are marked). */
function modeCells(scores: Record<SearchMode, number>): string[] {
  const best = Math.max(...MODES.map((m) => Number(scores[m].toFixed(3))));
  return MODES.map((m) => `${fmt(scores[m])}${Number(scores[m].toFixed(3)) === best ? '*' : ' '}`);
}

function renderRows(rows: string[][], rightAlignFrom: number): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (c >= rightAlignFrom ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd(),
  );
}

/** Best single mode for a metric and hybrid's difference to it. */
function versus(groups: GroupScores[], metric: 'ndcg' | 'recall'): string {
  const all = groups[0][metric];
  const single = all.lexical >= all.vector ? 'lexical' : 'vector';
  const diff = all.hybrid - all[single];
  const verdict = diff < -0.0005 ? 'WORSE than' : diff > 0.0005 ? 'better than' : 'level with';
  return `hybrid ${fmt(all.hybrid)} vs ${single} ${fmt(all[single])}: ${diff >= 0 ? '+' : '−'}${Math.abs(diff).toFixed(3)}, ${verdict} the best single mode`;
}

/** The queries where hybrid loses most nDCG against the better of lexical and vector. */
function shortfalls(outcomes: ModeOutcomes): Array<{ line: string; gap: number }> {
  return outcomes.hybrid
    .map((h, i) => {
      const lex = outcomes.lexical[i];
      const vec = outcomes.vector[i];
      const best = lex.ndcg >= vec.ndcg ? { mode: 'lexical', ndcg: lex.ndcg } : { mode: 'vector', ndcg: vec.ndcg };
      return { h, best, gap: best.ndcg - h.ndcg };
    })
    .filter((x) => x.gap > 0.0005)
    .sort((a, b) => b.gap - a.gap)
    .map((x) => ({
      gap: x.gap,
      line: `  ${x.h.id.padEnd(5)} ${x.h.kind.padEnd(10)} hybrid ${fmt(x.h.ndcg)} vs ${x.best.mode} ${fmt(x.best.ndcg)}  "${x.h.query}"`,
    }));
}

/** The benchmark's printed report: scores side by side per mode, overall and per query kind, then latency. */
export function renderReport(input: ReportInput): string {
  const { outcomes } = input;
  const groups = summarize(outcomes);
  const header1 = ['', '', `nDCG@${NDCG_K}`, '', '', `recall@${RECALL_K}`, '', ''];
  const header2 = ['query kind', 'n', ...MODES, ...MODES];
  const body = groups.map((g) => [g.group, String(g.n), ...modeCells(g.ndcg), ...modeCells(g.recall)]);
  const latency = MODES.map((m) => outcomes[m].map((o) => o.ms));
  const latencyRow = ['mean latency', '', ...latency.map((l) => ms(mean(l))), '', '', ''];
  const p95Row = ['p95 latency', '', ...latency.map((l) => ms(percentile(l, 95))), '', '', ''];
  const lines = renderRows([header1, header2, ...body, latencyRow, p95Row], 1);
  const rule = '-'.repeat(Math.max(...lines.map((l) => l.length)));
  const losses = shortfalls(outcomes);
  const big = losses.filter((l) => l.gap >= 0.1);

  return [
    `Retrieval quality: ${input.label}`,
    `Embedder: ${input.embedder.id}, dimension ${input.embedder.dimension}`,
    `Catalog loaded (ingest + embeddings) in ${(input.loadMs / 1000).toFixed(1)} s; each query through search() with its filters, top ${Math.max(NDCG_K, RECALL_K)}`,
    ...input.notes.map((n) => `Note: ${n}`),
    '',
    lines[0],
    lines[1],
    rule,
    ...lines.slice(2, 2 + body.length),
    rule,
    ...lines.slice(2 + body.length),
    '',
    `* best mode in the row. Gain 2^g − 1 (g = 0/1/2); ideal DCG from all judged products; recall counts g > 0.`,
    `Latency is one search() call in-process (PGlite in memory), modes interleaved query by query after ${WARM_UP} warm-up searches each; vector and hybrid include embedding the query.`,
    '',
    `nDCG@${NDCG_K}:   ${versus(groups, 'ndcg')}`,
    `recall@${RECALL_K}: ${versus(groups, 'recall')}`,
    `hybrid nDCG@${NDCG_K} is below the better single mode on ${losses.length} of ${outcomes.hybrid.length} queries, by 0.1 or more on ${big.length}`,
    ...(big.length > 0 ? ['', 'Largest shortfalls:', ...big.slice(0, 8).map((l) => l.line)] : []),
  ].join('\n');
}
