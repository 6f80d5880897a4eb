import { AppError } from '../../errors.js';
import type { Embedder } from './embedder.js';
import { embedText, variantDimension } from './local-vector.js';
import {
  DEFAULT_LOCAL_VARIANT,
  isLocalVariantName,
  LOCAL_EMBEDDER_FAMILY,
  LOCAL_VARIANTS,
  type LocalVariantName,
} from './local-variants.js';
import { loadWordVectors, type WordVectors } from './word-vectors.js';

export interface LocalEmbedder extends Embedder {
  readonly variant: LocalVariantName;
  /** How the word vectors were obtained: read from the cache, or built from the source (slow, once). */
  readonly loadedFrom: 'cache' | 'source';
  readonly loadMs: number;
}

export interface LocalEmbedderOptions {
  /** Directory for the word-vector cache (the app passes `<DATA_DIR>/cache`). */
  cacheDir: string;
  variant?: LocalVariantName;
  /** The wink-embeddings JSON to build the cache from; defaults to the installed package. */
  sourcePath?: string;
}

// Embedding is synchronous CPU work: yield to the event loop between chunks so a big batch
// does not stall the server's sockets.
const CHUNK = 64;

/**
 * An embedder that needs no network and no downloaded weights: word vectors shipped in an npm
 * package plus hashed character n-grams. The first call in a fresh `cacheDir` builds a compact
 * cache (several seconds); later ones read it in well under a second.
 */
export async function createLocalEmbedder(opts: LocalEmbedderOptions): Promise<LocalEmbedder> {
  const variant = opts.variant ?? DEFAULT_LOCAL_VARIANT;
  if (!isLocalVariantName(variant)) {
    throw new AppError(
      'embeddings:unknown_variant',
      `Unknown local embedder variant "${variant}" (known: ${Object.keys(LOCAL_VARIANTS).join(', ')})`,
    );
  }
  const loaded = await loadWordVectors({ cacheDir: opts.cacheDir, sourcePath: opts.sourcePath });
  return { ...localEmbedderFromVectors(loaded.vectors, variant), loadedFrom: loaded.loadedFrom, loadMs: loaded.ms };
}

/** The same embedder over word vectors already in memory (lets a benchmark share one table across variants). */
export function localEmbedderFromVectors(
  words: WordVectors,
  variantName: LocalVariantName,
): Omit<LocalEmbedder, 'loadedFrom' | 'loadMs'> {
  const variant = LOCAL_VARIANTS[variantName];
  return {
    id: `${LOCAL_EMBEDDER_FAMILY}:${variantName}`,
    variant: variantName,
    dimension: variantDimension(variant, words.dimension),
    async embedDocuments(texts, options) {
      const vectors: number[][] = [];
      for (let i = 0; i < texts.length; i += CHUNK) {
        if (i > 0) await new Promise((resolve) => setImmediate(resolve));
        options?.signal?.throwIfAborted();
        for (const text of texts.slice(i, i + CHUNK)) vectors.push(embedText(text, variant, words));
      }
      return vectors;
    },
    async embedQuery(text, options) {
      options?.signal?.throwIfAborted();
      return embedText(text, variant, words);
    },
  };
}
