import { addHashedFeatures, addNgramHashes } from './char-ngrams.js';
import type { LocalVariant } from './local-variants.js';
import { stemPlural, tokenize, type Token } from './tokenize.js';
import type { WordVectors } from './word-vectors.js';

// Smooth inverse frequency (Arora et al., 2017) with the word's probability estimated from its
// frequency rank by Zipf's law, p(r) ≈ 1 / (r · ln N): "the" weighs ~0.01, a rank-1000 word ~0.9.
const SIF_A = 1e-3;
const ZIPF_NORM = Math.log(400_000) + 0.5772;

export function sifWeight(row: number): number {
  if (row < 0) return 1;
  const p = 1 / ((row + 1) * ZIPF_NORM);
  return SIF_A / (SIF_A + p);
}

/** Dimension of a variant's vectors. */
export function variantDimension(variant: LocalVariant, wordDimension: number): number {
  return (variant.wordShare > 0 ? wordDimension : 0) + (variant.wordShare < 1 ? variant.buckets : 0);
}

/**
 * Embeds one text: a SIF-weighted mean of word vectors, concatenated with signed hashed character
 * n-grams (sublinear tf), each part scaled to its share and the whole to unit length. Pure and
 * computed in a fixed order, so the same text always gives the same bits.
 */
export function embedText(text: string, variant: LocalVariant, words: WordVectors): number[] {
  const wordDim = variant.wordShare > 0 ? words.dimension : 0;
  const buckets = variant.wordShare < 1 ? variant.buckets : 0;
  const out = new Float64Array(wordDim + buckets);
  const tokens = tokenize(text);
  if (wordDim > 0) addWordPart(tokens, words, out);
  if (buckets > 0) addNgramPart(tokens, variant, words, out, wordDim, buckets);
  scalePart(out, 0, wordDim, Math.sqrt(variant.wordShare));
  scalePart(out, wordDim, out.length, Math.sqrt(1 - variant.wordShare));
  return toUnitFloat32(out);
}

function addWordPart(tokens: Token[], words: WordVectors, out: Float64Array): void {
  const add = (word: string): boolean => {
    let row = words.rowOf(word);
    if (row < 0) row = words.rowOf(stemPlural(word));
    if (row < 0) return false;
    words.addUnitRow(row, sifWeight(row), out, 0);
    return true;
  };
  for (const token of tokens) {
    if (token.parts.length > 1 && add(token.word)) continue;
    for (const part of token.parts) add(part);
  }
}

function addNgramPart(
  tokens: Token[],
  variant: LocalVariant,
  words: WordVectors,
  out: Float64Array,
  offset: number,
  buckets: number,
): void {
  const features = new Map<number, number>();
  for (const token of tokens) {
    // "e-mail" also counts as "email", so either spelling finds the other.
    const forms = token.parts.length > 1 ? [...token.parts, token.parts.join('')] : token.parts;
    for (const form of forms) {
      addNgramHashes(stemPlural(form), variant, sifWeight(words.rowOf(form)), features);
    }
  }
  for (const [hash, weight] of features) features.set(hash, Math.log1p(weight));
  addHashedFeatures(features, out, offset, buckets);
}

function scalePart(v: Float64Array, from: number, to: number, share: number): void {
  let sum = 0;
  for (let i = from; i < to; i++) sum += v[i] * v[i];
  if (sum === 0) return;
  const factor = share / Math.sqrt(sum);
  for (let i = from; i < to; i++) v[i] *= factor;
}

// Values are rounded to float32, the precision pgvector stores, so a stored vector equals the computed one.
function toUnitFloat32(v: Float64Array): number[] {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] * v[i];
  // Text with no usable word at all still gets a valid unit vector: the same one every time.
  if (sum === 0) return Array.from({ length: v.length }, () => Math.fround(1 / Math.sqrt(v.length)));
  const inv = 1 / Math.sqrt(sum);
  return Array.from(v, (x) => Math.fround(x * inv));
}
