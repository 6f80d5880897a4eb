/** A lease on a running turn, renewed on a timer until stopped. */
export interface HeldLease {
  /** True once the lease was taken over, or could not be renewed for a whole lease period. */
  readonly lost: boolean;
  stop(): void;
}

/**
 * Renews a turn's lease every `everyMs`. When the lease is gone (another instance took it over)
 * or no renewal succeeded for `leaseMs` (this instance cannot reach the database, so another may
 * take it over any moment), `onLost` is called once: the turn must stop writing.
 */
export function holdLease(opts: {
  renew: () => Promise<boolean>;
  everyMs: number;
  leaseMs: number;
  onLost: () => void;
  onError: (err: unknown) => void;
}): HeldLease {
  let renewedAt = Date.now();
  let lost = false;
  let inFlight = false;
  const lose = () => {
    if (lost) return;
    lost = true;
    clearInterval(timer);
    opts.onLost();
  };
  const timer = setInterval(() => {
    if (inFlight || lost) return;
    inFlight = true;
    const startedAt = Date.now();
    opts
      .renew()
      .then((ok) => (ok ? (renewedAt = startedAt) : lose()))
      .catch((err: unknown) => {
        opts.onError(err);
        if (Date.now() - renewedAt >= opts.leaseMs) lose();
      })
      .finally(() => (inFlight = false));
  }, opts.everyMs);
  timer.unref();
  return {
    get lost() {
      return lost;
    },
    stop: () => clearInterval(timer),
  };
}
