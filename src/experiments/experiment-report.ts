import { BEAT_CONTROL_METHOD, probabilityToBeatControl, type Tally } from './beat-control.js';
import type { VariantCounts } from './experiment-metrics.js';
import type { Experiment, Metric } from './experiment-store.js';

export interface VariantReport {
  index: number;
  prompts: Record<string, string>;
  weight: number;
  conversations: number;
  addToCartRate: number;
  handoffRate: number;
  csat: { average: number | null; count: number };
  messagesPerConversation: number;
  attributedOrders: number;
  attributedRevenueMinor: number;
  /** P(this variant beats the control on the metric); null for the control itself. */
  probabilityToBeatControl: number | null;
}

const rate = (n: number, d: number) => (d ? n / d : 0);

/** The yes/no tally of the metric; CSAT counts ratings of 4 or 5 out of all ratings. */
function tally(c: VariantCounts, metric: Metric): Tally {
  if (metric === 'add_to_cart_rate') return { successes: c.addedToCart, trials: c.conversations };
  if (metric === 'handoff_rate') return { successes: c.handedOff, trials: c.conversations };
  if (metric === 'csat') return { successes: c.csatSatisfied, trials: c.csatCount };
  return { successes: c.ordered, trials: c.conversations };
}

function variantReport(v: Experiment['variants'][number], c: VariantCounts, p: number | null): VariantReport {
  return {
    index: v.index,
    prompts: v.prompts,
    weight: v.weight,
    conversations: c.conversations,
    addToCartRate: rate(c.addedToCart, c.conversations),
    handoffRate: rate(c.handedOff, c.conversations),
    csat: { average: c.csatCount ? c.csatSum / c.csatCount : null, count: c.csatCount },
    messagesPerConversation: rate(c.messages, c.conversations),
    attributedOrders: c.orders,
    attributedRevenueMinor: c.revenueMinor,
    probabilityToBeatControl: p,
  };
}

/**
 * Per-variant numbers, the probability that each beats the control (variant 0), and a winner
 * once every variant has `minSample` conversations and one is at least 95% likely best.
 */
export function experimentReport(exp: Experiment, counts: VariantCounts[], minSample: number) {
  const lower = exp.metric === 'handoff_rate';
  const control = tally(counts[0], exp.metric);
  const probs = counts.map((c, i) => (i === 0 ? null : probabilityToBeatControl(tally(c, exp.metric), control, lower)));
  const variants = exp.variants.map((v, i) => variantReport(v, counts[i], probs[i]));
  const enough = counts.every((c) => c.conversations >= minSample);
  return {
    ...exp,
    minSample,
    method: BEAT_CONTROL_METHOD,
    metricNote: exp.metric === 'csat' ? 'CSAT is compared as the share of ratings of 4 or 5.' : null,
    attributionNote: counts.some((c) => c.orders > 0) ? null : 'No attributed orders yet: orders and revenue read 0.',
    variants,
    winner: enough ? pickWinner(probs) : null,
  };
}

/** The variant at least 95% likely to beat the control; the control when every variant is 95% likely worse. */
function pickWinner(probs: (number | null)[]): number | null {
  const others = probs.slice(1) as number[];
  const best = others.reduce((b, p, i) => (p > others[b] ? i : b), 0);
  if (others[best] >= 0.95) return best + 1;
  if (others.every((p) => p <= 0.05)) return 0;
  return null;
}

export type ExperimentReport = ReturnType<typeof experimentReport>;
