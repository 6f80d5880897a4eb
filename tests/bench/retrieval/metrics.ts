/**
 * Ranking-quality metrics over graded judgements (handle → grade, 0 = judged irrelevant).
 * Unjudged handles count as grade 0.
 */
export type Judgements = Record<string, number>;

/** Exponential gain, so a grade-2 (exact) match counts three times a grade-1 (partial) one. */
export const gain = (grade: number): number => 2 ** grade - 1;

/** Discounted cumulative gain of grades in rank order: Σ (2^g − 1) / log2(i + 2), i from 0. */
export function dcg(grades: number[]): number {
  return grades.reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0);
}

/**
 * nDCG@k: DCG of the top k divided by the DCG of the ideal top k, built from every judged item
 * (not only the retrieved ones), so missing a relevant product costs. 0 when nothing is relevant.
 */
export function ndcgAt(k: number, ranked: string[], judgements: Judgements): number {
  const ideal = dcg(
    Object.values(judgements)
      .filter((g) => g > 0)
      .sort((a, b) => b - a)
      .slice(0, k),
  );
  if (ideal === 0) return 0;
  return dcg(ranked.slice(0, k).map((h) => judgements[h] ?? 0)) / ideal;
}

/** Relevant (grade > 0) items in the top k over all relevant items. 0 when nothing is relevant. */
export function recallAt(k: number, ranked: string[], judgements: Judgements): number {
  const relevant = Object.keys(judgements).filter((h) => judgements[h] > 0);
  if (relevant.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((h) => top.has(h)).length / relevant.length;
}

export const mean = (xs: number[]): number =>
  xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
