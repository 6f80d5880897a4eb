/** One thing `/readyz` asks before the load balancer sends this instance traffic. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<{ ok: boolean; detail?: string }>;
}

/** Runs every check at once; a check that throws or takes longer than `timeoutMs` is not ok. */
export async function runReadinessChecks(checks: ReadinessCheck[], timeoutMs = 2_000) {
  const results = await Promise.all(
    checks.map(async (c) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<{ ok: boolean; detail?: string }>((resolve) => {
        timer = setTimeout(() => resolve({ ok: false, detail: `no answer in ${timeoutMs} ms` }), timeoutMs);
      });
      try {
        const r = await Promise.race([c.check(), late]);
        return [c.name, r] as const;
      } catch (err) {
        return [c.name, { ok: false, detail: err instanceof Error ? err.message : String(err) }] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return { ok: results.every(([, r]) => r.ok), checks: Object.fromEntries(results) };
}
