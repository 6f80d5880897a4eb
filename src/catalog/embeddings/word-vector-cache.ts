import { crc32 } from 'node:zlib';

/**
 * The compact binary form of the word-vector table, written once and read at every start.
 *
 * Layout (little-endian): magic "CNCWVEC\0" · u32 format version · u32 header length · JSON header ·
 * words (UTF-8, "\n"-separated) · f32 scale per row · f32 norm per row · i8 codes (rows × dimension) ·
 * u32 CRC-32 of everything before it. Sections start on 4-byte boundaries. The typed arrays are
 * stored in the platform's byte order, little-endian on every platform Node.js runs on in practice.
 */

const MAGIC = Buffer.from('CNCWVEC\0', 'latin1');
export const CACHE_FORMAT_VERSION = 2;

/** Row-quantized word vectors: the value of row r, dimension d is `codes[r * dimension + d] * scales[r]`. */
export interface QuantizedVectors {
  dimension: number;
  /** Words in frequency order: the row index doubles as the frequency rank. */
  words: string[];
  scales: Float32Array;
  /** L2 norm of each dequantized row. */
  norms: Float32Array;
  codes: Int8Array;
}

/** Identifies what a cache was built from; a cache whose header differs is rebuilt. */
export interface CacheSource {
  name: string;
  size: number;
  /** Checksum of samples of the source's content. */
  fingerprint: number;
  maxWords: number;
}

interface Header {
  source: CacheSource;
  dimension: number;
  rows: number;
  wordBytes: number;
}

const pad4 = (n: number) => (n + 3) & ~3;

export function encodeCache(vectors: QuantizedVectors, source: CacheSource): Buffer {
  const words = Buffer.from(vectors.words.join('\n'), 'utf8');
  const rows = vectors.words.length;
  const header = Buffer.from(
    JSON.stringify({ source, dimension: vectors.dimension, rows, wordBytes: words.length } satisfies Header),
  );
  const headerAt = MAGIC.length + 8;
  const wordsAt = pad4(headerAt + header.length);
  const scalesAt = pad4(wordsAt + words.length);
  const normsAt = scalesAt + rows * 4;
  const codesAt = normsAt + rows * 4;
  const crcAt = pad4(codesAt + rows * vectors.dimension);
  const out = Buffer.alloc(crcAt + 4);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(CACHE_FORMAT_VERSION, MAGIC.length);
  out.writeUInt32LE(header.length, MAGIC.length + 4);
  header.copy(out, headerAt);
  words.copy(out, wordsAt);
  Buffer.from(vectors.scales.buffer, vectors.scales.byteOffset, rows * 4).copy(out, scalesAt);
  Buffer.from(vectors.norms.buffer, vectors.norms.byteOffset, rows * 4).copy(out, normsAt);
  Buffer.from(vectors.codes.buffer, vectors.codes.byteOffset, rows * vectors.dimension).copy(out, codesAt);
  out.writeUInt32LE(crc32(out.subarray(0, crcAt)), crcAt);
  return out;
}

export type DecodeResult = { ok: true; vectors: QuantizedVectors; source: CacheSource } | { ok: false; reason: string };

/** Reads a cache, refusing anything truncated, corrupt, of another format version or built from another source. */
export function decodeCache(buf: Buffer, expected?: CacheSource): DecodeResult {
  if (buf.length < MAGIC.length + 12 || !buf.subarray(0, MAGIC.length).equals(MAGIC))
    return { ok: false, reason: 'not a word-vector cache' };
  const version = buf.readUInt32LE(MAGIC.length);
  if (version !== CACHE_FORMAT_VERSION)
    return { ok: false, reason: `cache format ${version}, expected ${CACHE_FORMAT_VERSION}` };
  const crcAt = buf.length - 4;
  if (crc32(buf.subarray(0, crcAt)) !== buf.readUInt32LE(crcAt)) return { ok: false, reason: 'checksum mismatch' };

  const headerAt = MAGIC.length + 8;
  const headerLength = buf.readUInt32LE(MAGIC.length + 4);
  let header: Header;
  try {
    header = JSON.parse(buf.toString('utf8', headerAt, headerAt + headerLength)) as Header;
  } catch {
    return { ok: false, reason: 'unreadable header' };
  }
  if (expected && !sameSource(header.source, expected)) return { ok: false, reason: 'built from another source' };

  const { rows, dimension } = header;
  const wordsAt = pad4(headerAt + headerLength);
  const scalesAt = pad4(wordsAt + header.wordBytes);
  const normsAt = scalesAt + rows * 4;
  const codesAt = normsAt + rows * 4;
  if (pad4(codesAt + rows * dimension) !== crcAt) return { ok: false, reason: 'size does not match header' };

  const words = rows === 0 ? [] : buf.toString('utf8', wordsAt, wordsAt + header.wordBytes).split('\n');
  if (words.length !== rows) return { ok: false, reason: 'word count does not match header' };
  // Copy into fresh, aligned typed arrays: a Buffer from readFile may sit at any offset of a shared pool.
  const scales = new Float32Array(rows);
  const norms = new Float32Array(rows);
  const codes = new Int8Array(rows * dimension);
  new Uint8Array(scales.buffer).set(buf.subarray(scalesAt, normsAt));
  new Uint8Array(norms.buffer).set(buf.subarray(normsAt, codesAt));
  new Uint8Array(codes.buffer).set(buf.subarray(codesAt, codesAt + rows * dimension));
  return { ok: true, vectors: { dimension, words, scales, norms, codes }, source: header.source };
}

function sameSource(a: CacheSource, b: CacheSource): boolean {
  return a.name === b.name && a.size === b.size && a.fingerprint === b.fingerprint && a.maxWords === b.maxWords;
}
