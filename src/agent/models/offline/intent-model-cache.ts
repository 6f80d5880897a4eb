import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { features, trainIntentWeights, type IntentWeights } from './intent-classifier.js';

/**
 * Trained intent weights kept on disk, so a process (a server start, each test file) trains a
 * language's model once per change of its examples instead of every time (5–7 s on 2 cores).
 * A file is named by a hash of the examples and of the training and feature code, so any change
 * trains afresh; a file that cannot be read is trained again and rewritten.
 */
const DEFAULT_DIR = path.join(tmpdir(), 'concierge-intent-models');
const CODE = createHash('sha256').update(classifierSource()).digest('hex');

/**
 * The training and feature code as written (intent-classifier.ts imports nothing): the same under
 * every loader, where a function's compiled text differs between them (tsx, vitest), so that a server,
 * the tests and their child processes share one file. Where the source is not beside this module,
 * the functions' own text.
 */
function classifierSource(): string {
  try {
    return readFileSync(new URL('./intent-classifier.ts', import.meta.url), 'utf8');
  } catch {
    return `${trainIntentWeights.toString()}\n${features.toString()}`;
  }
}

type Examples = { intent: string; text: string }[];

/** The weights for these examples: from the cache when it has them, else trained and stored. */
export function cachedIntentWeights(examples: Examples, dir = DEFAULT_DIR): IntentWeights {
  const key = createHash('sha256').update(CODE).update(JSON.stringify(examples)).digest('hex').slice(0, 32);
  const file = path.join(dir, `${key}.bin`);
  const cached = read(file);
  if (cached) return cached;
  const weights = trainIntentWeights(examples);
  try {
    mkdirSync(dir, { recursive: true });
    // Write then rename: a process reading at the same time never sees half a file.
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, encode(weights));
    renameSync(tmp, file);
  } catch {
    // A read-only or full disk only costs the next process the training.
  }
  return weights;
}

/** [header length: u32][header JSON: intents, features][w: f64…][bias: f64…] */
function encode(m: IntentWeights): Buffer {
  const header = Buffer.from(JSON.stringify({ intents: m.intents, features: m.features }));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(header.length);
  return Buffer.concat([size, header, Buffer.from(m.w.buffer), Buffer.from(m.bias.buffer)]);
}

function read(file: string): IntentWeights | null {
  try {
    const buf = readFileSync(file);
    const headerLength = buf.readUInt32LE(0);
    const header = JSON.parse(buf.subarray(4, 4 + headerLength).toString()) as {
      intents: string[];
      features: string[];
    };
    const k = header.intents.length;
    const at = 4 + headerLength;
    const wBytes = header.features.length * k * 8;
    if (buf.length !== at + wBytes + k * 8) return null;
    // Copied out, so the numbers are 8-byte aligned whatever the header's length.
    const numbers = new Float64Array(new Uint8Array(buf.subarray(at)).buffer);
    return {
      intents: header.intents,
      features: header.features,
      w: numbers.subarray(0, header.features.length * k),
      bias: numbers.subarray(header.features.length * k),
    };
  } catch {
    return null;
  }
}
