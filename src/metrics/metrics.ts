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
  const webhooks = new Counter({
    name: 'concierge_webhooks_total',
    help: 'Verified platform webhooks, by platform, topic and outcome (applied, unchanged, replayed, ignored).',
    labelNames: ['platform', 'topic', 'outcome'],
    registers: [registry],
  });
  const attributedOrders = new Counter({
    name: 'concierge_attributed_orders_total',
    help: "Orders credited to a conversation, by how (cart attribute or the customer's recent conversation).",
    labelNames: ['source'],
    registers: [registry],
  });
  const attributedRevenue = new Counter({
    name: 'concierge_attributed_revenue_minor_total',
    help: 'Order totals credited to conversations, in minor units, by currency.',
    labelNames: ['currency'],
    registers: [registry],
  });
  return {
    registry,
    webhook: (platform: string, topic: string, outcome: string) => webhooks.inc({ platform, topic, outcome }),
    orderAttributed: (o: { source: string; currency: string; totalMinor: number }) => {
      attributedOrders.inc({ source: o.source });
      attributedRevenue.inc({ currency: o.currency }, o.totalMinor);
    },
    rateLimited: (what: string) => refusals.inc({ what }),
    budgetFallback: (scope: 'conversation' | 'day') => budget.inc({ scope }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
