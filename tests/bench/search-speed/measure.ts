import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of values already sorted ascending. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarize(values: number[]): Summary {
  const s = [...values].sort((a, b) => a - b);
  return {
    count: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? NaN,
    mean: s.reduce((a, b) => a + b, 0) / (s.length || 1),
  };
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - start };
}

/** Runs `fn` for each item one after the other; returns each call's duration in ms. */
export async function sequentialLatencies<T>(items: T[], fn: (item: T) => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (const item of items) ms.push((await timed(() => fn(item))).ms);
  return ms;
}

export interface DelayStats {
  p50: number;
  p99: number;
  max: number;
  /** Gaps recorded; a loop blocked for the whole run records one, as long as the run. */
  samples: number;
  /** Gaps the histogram could not record (its `exceeds`); always 0 for the probe. */
  exceeds: number;
}

export interface LoopDelay {
  /** `monitorEventLoopDelay({ resolution: 10 })`: the time between its 10 ms timer ticks. */
  histogram: DelayStats;
  /** The same idea measured in JavaScript: gaps between the callbacks of a 10 ms setInterval. */
  probe: DelayStats;
  wallMs: number;
}

const sleep = (msValue: number) => new Promise((resolve) => setTimeout(resolve, msValue));

/**
 * Event-loop delay of this thread while `fn` runs: how long a websocket message could wait before
 * the server even looks at it. Both measures read about 10 ms on an idle loop. The setInterval probe
 * is there because the histogram sometimes misses a long stall altogether (seen with in-process PGlite).
 */
export async function eventLoopDelayDuring(fn: () => Promise<unknown>): Promise<LoopDelay> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const gaps: number[] = [];
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
  }, 10);
  // Both record the gap between two ticks: let them tick before and after `fn`, so a loop that
  // `fn` blocks from start to end still shows up as one long gap.
  await sleep(25);
  const { ms } = await timed(fn);
  await sleep(25);
  clearInterval(probe);
  h.disable();
  const g = summarize(gaps);
  return {
    histogram: {
      p50: h.percentile(50) / 1e6,
      p99: h.percentile(99) / 1e6,
      max: h.max / 1e6,
      samples: h.count,
      exceeds: h.exceeds,
    },
    probe: { p50: g.p50, p99: g.p99, max: g.max, samples: g.count, exceeds: 0 },
    wallMs: ms,
  };
}

/** Bytes on disk under `dir` (apparent sizes, following no links). */
export function directorySize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) total += directorySize(p);
    else if (entry.isFile()) total += fs.statSync(p).size;
  }
  return total;
}
