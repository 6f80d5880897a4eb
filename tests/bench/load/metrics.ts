/** What the bench reads off an instance's `/metrics`. */
export interface Scrape {
  /** Cumulative count of turns by upper bound (seconds) of `concierge_turn_duration_seconds{part="own"}`. */
  ownBuckets: Map<number, number>;
  eventLoopP99Seconds: number;
  /** The JavaScript heap in use (after a collection, when the caller asked for one first). */
  heapUsedBytes: number;
  /** Statements the instance has run (`concierge_db_query_seconds_count`; BEGIN and COMMIT not counted). */
  statements: number;
}

export async function scrape(url: string): Promise<Scrape> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const ownBuckets = new Map<number, number>();
  for (const m of text.matchAll(/^concierge_turn_duration_seconds_bucket\{([^}]*)\} (\S+)$/gm)) {
    if (!m[1]!.includes('part="own"')) continue;
    const le = /le="([^"]+)"/.exec(m[1]!)![1]!;
    ownBuckets.set(le === '+Inf' ? Infinity : Number(le), Number(m[2]));
  }
  const lag = /^concierge_nodejs_eventloop_lag_p99_seconds (\S+)$/m.exec(text)?.[1];
  const statements = /^concierge_db_query_seconds_count (\S+)$/m.exec(text)?.[1];
  const heap = /^concierge_nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1];
  return {
    ownBuckets,
    eventLoopP99Seconds: Number(lag ?? NaN),
    statements: Number(statements ?? NaN),
    heapUsedBytes: Number(heap ?? NaN),
  };
}

/** The buckets of `after` minus `before`, summed over instances. */
export function bucketDelta(pairs: Array<{ before: Scrape; after: Scrape }>): Map<number, number> {
  const out = new Map<number, number>();
  for (const { before, after } of pairs) {
    for (const [le, n] of after.ownBuckets) out.set(le, (out.get(le) ?? 0) + n - (before.ownBuckets.get(le) ?? 0));
  }
  return out;
}

/** The upper bound of the bucket that holds quantile `q` (a histogram gives no finer answer), in ms. */
export function quantileMs(buckets: Map<number, number>, q: number): number {
  const sorted = [...buckets].sort((a, b) => a[0] - b[0]);
  const total = sorted.at(-1)?.[1] ?? 0;
  if (total === 0) return NaN;
  const le = sorted.find(([, n]) => n >= q * total)![0];
  return le * 1000;
}
