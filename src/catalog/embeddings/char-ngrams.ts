/**
 * Signed feature hashing of character n-grams, the part of the local embedder that is robust to
 * misspellings ("umbrela stand" still shares most n-grams with "umbrella stands").
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over UTF-16 code units, as an unsigned integer. Fixed forever: vectors depend on it. */
export function fnv1a(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

export interface NgramOptions {
  minN: number;
  maxN: number;
}

/**
 * Adds `weight` to the features of the character n-grams of `<word>` (`<` and `>` mark the word's
 * boundaries; "shoe" gives "<sh", "sho", …, "hoe>", …) and of the whole `<word>`, each keyed by the
 * gram's `fnv1a` hash. The hashes are computed incrementally, without building the gram strings.
 */
export function addNgramHashes(word: string, opts: NgramOptions, weight: number, features: Map<number, number>): void {
  const marked = `<${word}>`;
  const add = (hash: number) => features.set(hash, (features.get(hash) ?? 0) + weight);
  for (let i = 0; i < marked.length; i++) {
    let hash = FNV_OFFSET;
    for (let j = i; j < marked.length && j - i < opts.maxN; j++) {
      hash = Math.imul(hash ^ marked.charCodeAt(j), FNV_PRIME);
      if (j - i + 1 >= opts.minN) add(hash >>> 0);
    }
  }
  if (marked.length > opts.maxN) add(fnv1a(marked));
}

/**
 * Adds hashed features into `out` with signed hashing: the bucket comes from the low bits of the
 * hash, the sign from its top bit, so collisions cancel out on average instead of piling up.
 */
export function addHashedFeatures(
  features: Map<number, number>,
  out: Float64Array,
  offset: number,
  buckets: number,
): void {
  for (const [hash, weight] of features) {
    const sign = hash & 0x80000000 ? -1 : 1;
    out[offset + ((hash & 0x7fffffff) % buckets)] += sign * weight;
  }
}
