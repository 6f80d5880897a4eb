import { Counter, collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The app's Prometheus metrics, in one registry per app (tests build several apps in one process).
 * Modules never import this: the composition root passes callbacks that count.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'concierge_' });
  const refusals = new Counter({
    name: 'concierge_rate_limit_refusals_total',
    help: 'Requests and socket events refused by a rate limit or connection cap, by what was limited.',
    labelNames: ['what'],
    registers: [registry],
  });
  const budget = new Counter({
    name: 'concierge_model_budget_fallbacks_total',
    help: 'Turns answered by the offline model because a spend cap was reached, by cap.',
    labelNames: ['scope'],
    registers: [registry],
  });
  return {
    registry,
    rateLimited: (what: string) => refusals.inc({ what }),
    budgetFallback: (scope: 'conversation' | 'day') => budget.inc({ scope }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
