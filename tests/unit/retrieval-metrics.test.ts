import { describe, expect, it } from 'vitest';
import { dcg, gain, ndcgAt, recallAt } from '../bench/retrieval/metrics.js';

// log2(2) = 1, log2(3) = 1.5849625, log2(4) = 2, log2(5) = 2.3219281
const judgements = { a: 2, b: 1, c: 0, d: 1 };

describe('retrieval metrics', () => {
  it('uses exponential gains: an exact match (2) is worth three partial ones (1)', () => {
    expect([gain(0), gain(1), gain(2), gain(3)]).toEqual([0, 1, 3, 7]);
  });

  it('discounts each rank by log2(rank + 1)', () => {
    // 3/1 + 1/1.5849625 + 1/2
    expect(dcg([2, 1, 1])).toBeCloseTo(4.1309298, 6);
    expect(dcg([0, 2, 0])).toBeCloseTo(1.8927893, 6);
  });

  it('computes nDCG@k against the ideal ordering of all judged items', () => {
    // DCG [c, a, x] = 3/log2(3) = 1.8927893; ideal top 3 = [2, 1, 1] → 4.1309298
    expect(ndcgAt(3, ['c', 'a', 'x', 'b'], judgements)).toBeCloseTo(0.4581993, 6);
    // a relevant item below the cut-off does not count
    expect(ndcgAt(3, ['c', 'a', 'x', 'b'], judgements)).toBe(ndcgAt(3, ['c', 'a', 'x'], judgements));
    // DCG [c, a, x, b] = 1.8927893 + 1/log2(5) = 2.3234649; ideal top 4 = [2, 1, 1, 0] = 4.1309298
    expect(ndcgAt(4, ['c', 'a', 'x', 'b'], judgements)).toBeCloseTo(0.5624559, 6);
  });

  it('charges for relevant items that were never retrieved', () => {
    // [a] alone when b (grade 2) exists: 1 / (3 + 1/log2(3)) = 1 / 3.6309298
    expect(ndcgAt(10, ['a'], { a: 1, b: 2 })).toBeCloseTo(0.2754116, 6);
  });

  it('scores the ideal ranking 1 and an empty one 0', () => {
    expect(ndcgAt(10, ['a', 'b', 'd'], judgements)).toBeCloseTo(1, 12);
    expect(ndcgAt(10, ['a', 'd', 'b', 'c'], judgements)).toBeCloseTo(1, 12);
    expect(ndcgAt(10, [], judgements)).toBe(0);
    expect(ndcgAt(10, ['a'], { a: 0 })).toBe(0);
  });

  it('computes recall@k over items with grade > 0', () => {
    expect(recallAt(3, ['c', 'a', 'x', 'b'], judgements)).toBeCloseTo(1 / 3, 12);
    expect(recallAt(4, ['c', 'a', 'x', 'b'], judgements)).toBeCloseTo(2 / 3, 12);
    expect(recallAt(20, ['d', 'b', 'a'], judgements)).toBe(1);
    expect(recallAt(20, ['c'], { c: 0 })).toBe(0);
  });
});
