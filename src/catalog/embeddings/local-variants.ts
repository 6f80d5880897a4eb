/**
 * Named configurations of the local embedder. The name is part of the embedder's `id`, which the
 * database records: change a variant's numbers only together with its name (or the family version).
 */
export interface LocalVariant {
  name: string;
  /** Share of the vector's squared length given to the word-vector part (0 = none, 1 = all). */
  wordShare: number;
  /** Hash buckets for character n-grams (ignored when wordShare is 1). */
  buckets: number;
  minN: number;
  maxN: number;
}

export const LOCAL_VARIANTS = {
  words: { name: 'words', wordShare: 1, buckets: 0, minN: 3, maxN: 5 },
  ngrams: { name: 'ngrams', wordShare: 0, buckets: 1024, minN: 3, maxN: 5 },
  'hybrid-a': { name: 'hybrid-a', wordShare: 0.3, buckets: 924, minN: 3, maxN: 5 },
  'hybrid-b': { name: 'hybrid-b', wordShare: 0.5, buckets: 924, minN: 3, maxN: 5 },
  'hybrid-small': { name: 'hybrid-small', wordShare: 0.3, buckets: 412, minN: 3, maxN: 5 },
} as const satisfies Record<string, LocalVariant>;

export type LocalVariantName = keyof typeof LOCAL_VARIANTS;

/** The best nDCG@10 in tests/bench/embedder-variants.ts on the demo shop (see that script's output). */
export const DEFAULT_LOCAL_VARIANT: LocalVariantName = 'hybrid-a';

export const LOCAL_EMBEDDER_FAMILY = 'local:wink-ngram-v1';

export function isLocalVariantName(name: string): name is LocalVariantName {
  return Object.hasOwn(LOCAL_VARIANTS, name);
}
