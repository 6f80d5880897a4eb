export const RRF_K = 60;

/** Ids best first, each with a weight in [0, 1] (1 when `weights` is left out). */
export interface RankedList {
  ids: number[];
  weights?: number[];
}

/**
 * Weighted reciprocal rank fusion: an id at rank r (from 0) of a list adds `weight / (k + r + 1)`.
 * Ranks keep retrievers with incomparable scores (cosine, ts_rank) on one scale; the weight lets a
 * list say how much one of its hits is worth, so a weak hit near the top of a list counts for little.
 */
export function fuseWeighted(lists: RankedList[], k = RRF_K): Map<number, number> {
  const scores = new Map<number, number>();
  for (const { ids, weights } of lists) {
    ids.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + (weights?.[rank] ?? 1) / (k + rank + 1)));
  }
  return scores;
}

/** Reciprocal rank fusion of several ranked id lists, all weighted alike. */
export function fuseRankings(lists: number[][], k = RRF_K): Map<number, number> {
  return fuseWeighted(
    lists.map((ids) => ({ ids })),
    k,
  );
}
