import { describe, expect, it } from 'vitest';
import type { VariantCounts } from '../../src/experiments/experiment-metrics.js';
import { experimentReport } from '../../src/experiments/experiment-report.js';
import type { Experiment, Metric } from '../../src/experiments/experiment-store.js';

const experiment = (metric: Metric): Experiment => ({
  id: 'exp_1',
  name: 'test',
  metric,
  status: 'running',
  createdBy: 'mia@example.com',
  createdAt: '2026-12-04T00:00:00.000Z',
  stoppedAt: null,
  promotedVariant: null,
  variants: [
    { index: 0, prompts: {}, weight: 1 },
    { index: 1, prompts: { persona: 'persona.v2' }, weight: 1 },
  ],
});

const counts = (variant: number, conversations: number, added: number, handedOff = 0): VariantCounts => ({
  variant,
  conversations,
  addedToCart: added,
  handedOff,
  csatCount: 0,
  csatSum: 0,
  csatSatisfied: 0,
  messages: conversations * 4,
  ordered: 0,
  orders: 0,
  revenueMinor: 0,
});

describe('experiment report', () => {
  it('calls a clearly better variant the winner only once every variant has the minimum sample', () => {
    const small = experimentReport(experiment('add_to_cart_rate'), [counts(0, 60, 6), counts(1, 60, 30)], 100);
    expect(small.variants[1].probabilityToBeatControl).toBeGreaterThan(0.99);
    expect(small.winner).toBeNull();

    const enough = experimentReport(experiment('add_to_cart_rate'), [counts(0, 120, 12), counts(1, 120, 60)], 100);
    expect(enough.winner).toBe(1);
    expect(enough.variants[1]).toMatchObject({ addToCartRate: 0.5, messagesPerConversation: 4 });
  });

  it('calls no winner when the variants are alike, and the control when the variant is clearly worse', () => {
    const alike = experimentReport(experiment('add_to_cart_rate'), [counts(0, 200, 40), counts(1, 200, 42)], 100);
    expect(alike.winner).toBeNull();
    const worse = experimentReport(experiment('add_to_cart_rate'), [counts(0, 200, 80), counts(1, 200, 20)], 100);
    expect(worse.winner).toBe(0);
  });

  it('treats fewer handoffs as better, and notes when there are no attributed orders', () => {
    const r = experimentReport(experiment('handoff_rate'), [counts(0, 200, 0, 50), counts(1, 200, 0, 10)], 100);
    expect(r.winner).toBe(1);
    expect(r.attributionNote).toMatch(/No attributed orders yet/);
  });
});
