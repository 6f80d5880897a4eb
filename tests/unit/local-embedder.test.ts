import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEmbedder, type LocalEmbedder } from '../../src/catalog/embeddings/local-embedder.js';
import {
  DEFAULT_LOCAL_VARIANT,
  LOCAL_VARIANTS,
  type LocalVariantName,
} from '../../src/catalog/embeddings/local-variants.js';
import { CACHE_FORMAT_VERSION } from '../../src/catalog/embeddings/word-vector-cache.js';
import { AppError } from '../../src/errors.js';

// The real word vectors are cached in the repo's (gitignored) .cache/, so only the first run on a
// machine pays for building the cache from the ~300 MB package JSON.
const SHARED_CACHE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../.cache/embeddings');

// CRC-32 of the float32 bytes of one hybrid-a vector over the tiny source below.
const PINNED_CRC = 2_460_508_996;

const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i], 0);
const norm = (v: number[]) => Math.sqrt(dot(v, v));

describe('local embedder (real word vectors)', () => {
  let embedder: LocalEmbedder;
  beforeAll(async () => {
    embedder = await createLocalEmbedder({ cacheDir: SHARED_CACHE });
  }, 180_000);

  it('names its family and variant and embeds into its dimension', async () => {
    expect(embedder.id).toBe(`local:wink-ngram-v1:${DEFAULT_LOCAL_VARIANT}`);
    const [vector] = await embedder.embedDocuments(['Ocean blue cotton shirt']);
    expect(vector).toHaveLength(embedder.dimension);
  });

  it('gives bit-identical vectors for the same text, alone or in a batch', async () => {
    const text = 'Classic leather jacket — black, size M';
    const alone = await embedder.embedQuery(text);
    const [, inBatch] = await embedder.embedDocuments(['something else', text]);
    expect(new Float64Array(inBatch)).toEqual(new Float64Array(alone));
    expect(inBatch.every((x, i) => Object.is(x, alone[i]))).toBe(true);
  });

  it.each(Object.keys(LOCAL_VARIANTS) as LocalVariantName[])(
    'returns unit vectors for any text (%s)',
    async (variant) => {
      const e = await createLocalEmbedder({ cacheDir: SHARED_CACHE, variant });
      const vectors = await e.embedDocuments(['running shoes', '', '🙂 !!!', 'Zzyzx qwxptl', 'A'.repeat(5_000)]);
      for (const v of vectors) {
        expect(v).toHaveLength(e.dimension);
        expect(norm(v)).toBeCloseTo(1, 5);
      }
    },
  );

  it('puts related and misspelled queries closer than unrelated ones', async () => {
    const [shoes, trainers, typo, mug] = await embedder.embedDocuments([
      'running shoes',
      'trainers for jogging',
      'runing shoe',
      'ceramic coffee mug',
    ]);
    expect(dot(shoes, trainers)).toBeGreaterThan(dot(shoes, mug));
    expect(dot(shoes, typo)).toBeGreaterThan(dot(shoes, mug));
  });

  it('folds case and accents', async () => {
    const [a, b] = await embedder.embedDocuments(['Café Crème', 'cafe creme']);
    expect(a).toEqual(b);
  });

  it('starts warm from the cache without touching the source', async () => {
    const warm = await createLocalEmbedder({
      cacheDir: SHARED_CACHE,
      sourcePath: path.join(SHARED_CACHE, 'no-such-source.json'),
    });
    expect(warm.loadedFrom).toBe('cache');
    expect(await warm.embedQuery('wool jumper')).toEqual(await embedder.embedQuery('wool jumper'));
  });
});

describe('local embedder cache', () => {
  let dir: string;
  let source: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'local-embedder-'));
    source = path.join(dir, 'tiny-embeddings.json');
    await writeTinySource(source);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const cacheFile = (cacheDir: string) => path.join(cacheDir, 'wink-sg-100d.i8.bin');

  it('builds the cache once, then reads it', async () => {
    const cacheDir = path.join(dir, 'build-once');
    const first = await createLocalEmbedder({ cacheDir, sourcePath: source, variant: 'words' });
    const second = await createLocalEmbedder({ cacheDir, sourcePath: source, variant: 'words' });

    expect([first.loadedFrom, second.loadedFrom]).toEqual(['source', 'cache']);
    expect(await second.embedQuery('red shoe')).toEqual(await first.embedQuery('red shoe'));
  });

  it.each([
    ['garbage', async (file: string) => writeFile(file, 'not a cache')],
    ['truncated', async (file: string) => writeFile(file, (await readFile(file)).subarray(0, 100))],
    [
      'bit-flipped',
      async (file: string) => {
        const bytes = await readFile(file);
        bytes[bytes.length - 10] ^= 0xff;
        await writeFile(file, bytes);
      },
    ],
    [
      'older-format',
      async (file: string) => {
        // A well-formed file of another format version: only the version field tells it apart.
        const bytes = await readFile(file);
        bytes.writeUInt32LE(CACHE_FORMAT_VERSION - 1, 8);
        bytes.writeUInt32LE(crc32(bytes.subarray(0, bytes.length - 4)), bytes.length - 4);
        await writeFile(file, bytes);
      },
    ],
  ])('rebuilds a %s cache', async (name, damage) => {
    const cacheDir = path.join(dir, name);
    const built = await createLocalEmbedder({ cacheDir, sourcePath: source, variant: 'hybrid-a' });
    await damage(cacheFile(cacheDir));

    const rebuilt = await createLocalEmbedder({ cacheDir, sourcePath: source, variant: 'hybrid-a' });

    expect(rebuilt.loadedFrom).toBe('source');
    expect(await rebuilt.embedQuery('blue shirt')).toEqual(await built.embedQuery('blue shirt'));
    expect((await createLocalEmbedder({ cacheDir, sourcePath: source })).loadedFrom).toBe('cache');
  });

  it('rebuilds when the source has changed', async () => {
    const cacheDir = path.join(dir, 'stale');
    const changing = path.join(dir, 'changing.json');
    await writeTinySource(changing);
    await createLocalEmbedder({ cacheDir, sourcePath: changing });
    await writeTinySource(changing, { extra: [0.5, 0.5, 0.5, 0.5] });

    const again = await createLocalEmbedder({ cacheDir, sourcePath: changing, variant: 'words' });

    expect(again.loadedFrom).toBe('source');
    expect((await stat(cacheFile(cacheDir))).size).toBeGreaterThan(0);
  });

  it('keeps vectors of a released family version unchanged (change the algorithm, change the id)', async () => {
    const e = await createLocalEmbedder({
      cacheDir: path.join(dir, 'pinned'),
      sourcePath: source,
      variant: 'hybrid-a',
    });
    const vector = await e.embedQuery('Red running shoes, blue T-shirt');
    expect(e.id).toBe('local:wink-ngram-v1:hybrid-a');
    expect(crc32(new Uint8Array(new Float32Array(vector).buffer))).toBe(PINNED_CRC);
  });

  it('fails clearly with neither a cache nor a source', async () => {
    const error = await createLocalEmbedder({
      cacheDir: path.join(dir, 'empty'),
      sourcePath: path.join(dir, 'missing.json'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'embeddings:unavailable' });
  });

  it('fails clearly on a source that is not word vectors (it is parsed on a worker thread)', async () => {
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, '{"dimensions": 3, "words": ');
    const error = await createLocalEmbedder({ cacheDir: path.join(dir, 'broken'), sourcePath: broken }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'embeddings:bad_source', message: expect.stringContaining('broken.json') });
  });

  it('rejects an unknown variant', async () => {
    await expect(
      createLocalEmbedder({ cacheDir: dir, sourcePath: source, variant: 'nope' as LocalVariantName }),
    ).rejects.toMatchObject({
      code: 'embeddings:unknown_variant',
    });
  });
});

/** A tiny source in the wink-embeddings format: words in frequency order, vectors with norm and index appended. */
async function writeTinySource(file: string, more: Record<string, number[]> = {}): Promise<void> {
  const base: Record<string, number[]> = {
    the: [0.1, 0.1, 0.1, 0.1],
    red: [1, 0.2, 0, 0],
    blue: [0.9, 0.3, 0.1, 0],
    shoe: [0, 1, 0.2, 0],
    shoes: [0, 0.9, 0.3, 0],
    shirt: [0, 0.2, 1, 0],
    ',': [0.3, 0.3, 0.3, 0.3],
    ...more,
  };
  const words = Object.keys(base);
  const vectors = Object.fromEntries(words.map((w, i) => [w, [...base[w], Math.hypot(...base[w]), i]]));
  await writeFile(
    file,
    JSON.stringify({
      precision: 8,
      l2NormIndex: 4,
      wordIndex: 5,
      size: words.length,
      dimensions: 4,
      words,
      vectors,
      unkVector: [0, 0, 0, 0, 0, -1],
    }),
  );
}
