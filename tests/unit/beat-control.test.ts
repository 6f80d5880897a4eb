import { describe, expect, it } from 'vitest';
import { normalCdf, probabilityToBeatControl } from '../../src/experiments/beat-control.js';
import { pickVariant } from '../../src/experiments/pick-variant.js';

describe('probability that a variant beats the control', () => {
  it('is one half for identical results', () => {
    const t = { successes: 30, trials: 100 };
    expect(probabilityToBeatControl(t, t)).toBeCloseTo(0.5, 6);
  });

  it('is near certain for a clearly better rate, and near zero the other way', () => {
    const better = { successes: 60, trials: 200 };
    const worse = { successes: 20, trials: 200 };
    expect(probabilityToBeatControl(better, worse)).toBeGreaterThan(0.999);
    expect(probabilityToBeatControl(worse, better)).toBeLessThan(0.001);
  });

  it('flips for a metric where lower is better (handoff rate)', () => {
    const fewerHandoffs = { successes: 5, trials: 100 };
    const control = { successes: 20, trials: 100 };
    expect(probabilityToBeatControl(fewerHandoffs, control, true)).toBeGreaterThan(0.99);
  });

  it('is close to the exact value for a small sample (Beta(4,8) against Beta(2,10))', () => {
    // 3/10 against 1/10: the exact posterior probability is 0.844 (checked by sampling), the approximation 0.841.
    const p = probabilityToBeatControl({ successes: 3, trials: 10 }, { successes: 1, trials: 10 });
    expect(Math.abs(p - 0.844)).toBeLessThan(0.01);
  });

  it('uses a standard normal CDF accurate to the table', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 5);
  });
});

describe('variant picked for a conversation', () => {
  it('is the same every time for the same conversation', () => {
    const first = pickVariant('exp_1', 'conv_abc', [1, 1]);
    expect(pickVariant('exp_1', 'conv_abc', [1, 1])).toBe(first);
  });

  it('follows the weights over many conversations', () => {
    const counts = [0, 0];
    for (let i = 0; i < 4000; i++) counts[pickVariant('exp_1', `conv_${i}`, [3, 1])]++;
    expect(counts[0] / 4000).toBeGreaterThan(0.72);
    expect(counts[0] / 4000).toBeLessThan(0.78);
  });
});
