/** One thing an instance needs before it takes traffic (the database, Redis…), as `/readyz` reports it. */
export interface ReadinessCheck {
  name: string;
  /** `ok: false` makes the instance not ready; `detail` says what `/readyz` shows (a degradation when ok). */
  check(): Promise<{ ok: boolean; detail?: string }>;
}

export interface Readiness {
  ready: boolean;
  /** Each check's state by name: `ok`, a degradation, or `failed: …`. */
  checks: Record<string, string>;
}

/**
 * Runs every check at once, each bounded by `timeoutMs`: a check that throws or does not answer
 * in time has failed. `onError` sees what a check threw.
 */
export async function checkReadiness(
  checks: ReadinessCheck[],
  opts: { timeoutMs?: number; onError?: (name: string, err: unknown) => void } = {},
): Promise<Readiness> {
  const timeoutMs = opts.timeoutMs ?? 3_000;
  const results = await Promise.all(
    checks.map(async (c) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<{ ok: boolean; detail: string }>((resolve) => {
        timer = setTimeout(() => resolve({ ok: false, detail: `no answer in ${timeoutMs} ms` }), timeoutMs);
      });
      try {
        return await Promise.race([c.check(), timeout]);
      } catch (err) {
        opts.onError?.(c.name, err);
        return { ok: false, detail: 'unreachable' };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const entries = checks.map((c, i) => {
    const r = results[i];
    return [c.name, r.ok ? (r.detail ?? 'ok') : `failed: ${r.detail ?? 'not ready'}`] as const;
  });
  return { ready: results.every((r) => r.ok), checks: Object.fromEntries(entries) };
}
