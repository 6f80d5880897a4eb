import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** How a turn went, as the agent reports it (the agent's TurnObserver has this shape). */
interface TurnMetrics {
  turnEnded(o: {
    outcome: string;
    model: string;
    totalMs: number;
    modelMs: number;
    firstTokenMs: number | null;
    usage: { promptTokens: number; completionTokens: number };
  }): void;
  toolCalled(name: string, outcome: string): void;
}

/** What the gauges read when scraped. */
export interface MetricSources {
  openSockets?: () => Record<string, number>;
  waiting?: () => Promise<{ conversations: number; turns: number; approvals: number }>;
}

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
  const turns = new Counter({
    name: 'concierge_turns_total',
    help: 'Assistant turns, by outcome (completed, failed).',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const turnSeconds = new Histogram({
    name: 'concierge_turn_duration_seconds',
    help: "Assistant turns' time: the whole turn, the model's share and Concierge's own (tools, database, the rest).",
    labelNames: ['part'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    registers: [registry],
  });
  const firstToken = new Histogram({
    name: 'concierge_time_to_first_token_seconds',
    help: 'From the start of a turn to the first text the shopper sees.',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16],
    registers: [registry],
  });
  const toolCalls = new Counter({
    name: 'concierge_tool_calls_total',
    help: 'Tool calls the assistant made, by tool and outcome (ok, error).',
    labelNames: ['tool', 'outcome'],
    registers: [registry],
  });
  const tokens = new Counter({
    name: 'concierge_model_tokens_total',
    help: 'Model tokens, by model and direction (in: prompt, out: completion).',
    labelNames: ['model', 'direction'],
    registers: [registry],
  });
  const handoffs = new Counter({
    name: 'concierge_handoffs_total',
    help: 'Conversations queued for a person, by who asked (shopper, assistant, rule, agent) and urgency.',
    labelNames: ['source', 'urgency'],
    registers: [registry],
  });
  const storefrontCalls = new Counter({
    name: 'concierge_agent_storefront_calls_total',
    help: 'Tool calls of outside agents on /api/mcp (their own channel), by tool and outcome (ok, refused, failed).',
    labelNames: ['tool', 'outcome'],
    registers: [registry],
  });
  const queries = new Histogram({
    name: 'concierge_db_query_seconds',
    help: 'Database queries, as the app waits for them.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const sources: MetricSources = {};
  new Gauge({
    name: 'concierge_open_sockets',
    help: 'Open socket.io connections, by namespace.',
    labelNames: ['namespace'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [namespace, n] of Object.entries(sources.openSockets?.() ?? {})) this.set({ namespace }, n);
    },
  });
  const waiting = new Gauge({
    name: 'concierge_waiting',
    help: 'What waits now: conversations queued for a person, turns queued for the assistant, approvals.',
    labelNames: ['what'],
    registers: [registry],
    async collect() {
      const w = await sources.waiting?.().catch(() => null);
      if (!w) return;
      for (const [what, n] of Object.entries(w)) waiting.set({ what }, n);
    },
  });
  const observer: TurnMetrics = {
    turnEnded(o) {
      turns.inc({ outcome: o.outcome });
      turnSeconds.observe({ part: 'total' }, o.totalMs / 1000);
      turnSeconds.observe({ part: 'model' }, o.modelMs / 1000);
      turnSeconds.observe({ part: 'own' }, Math.max(0, o.totalMs - o.modelMs) / 1000);
      if (o.firstTokenMs !== null) firstToken.observe(o.firstTokenMs / 1000);
      tokens.inc({ model: o.model, direction: 'in' }, o.usage.promptTokens);
      tokens.inc({ model: o.model, direction: 'out' }, o.usage.completionTokens);
    },
    toolCalled: (tool, outcome) => toolCalls.inc({ tool, outcome }),
  };
  return {
    registry,
    /** Counts turns, their time split, first tokens, tokens and tool calls. */
    turns: observer,
    handoff: (r: { source: string; urgency: string }) => handoffs.inc({ source: r.source, urgency: r.urgency }),
    dbQuery: (ms: number) => queries.observe(ms / 1000),
    /** Where the gauges read what they report, once the app is built. */
    watch(more: MetricSources) {
      Object.assign(sources, more);
    },
    webhook: (platform: string, topic: string, outcome: string) => webhooks.inc({ platform, topic, outcome }),
    orderAttributed: (o: { source: string; currency: string; totalMinor: number }) => {
      attributedOrders.inc({ source: o.source });
      attributedRevenue.inc({ currency: o.currency }, o.totalMinor);
    },
    rateLimited: (what: string) => refusals.inc({ what }),
    budgetFallback: (scope: 'conversation' | 'day') => budget.inc({ scope }),
    storefrontCall: (tool: string, outcome: string) => storefrontCalls.inc({ tool, outcome }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
