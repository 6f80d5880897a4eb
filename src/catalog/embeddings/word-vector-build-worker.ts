import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { quantizeWinkEmbeddings } from './word-vectors.js';

/** Parses the word-vector source and posts back its quantized rows (see `loadWordVectors`). */
const { sourcePath, maxWords } = workerData as { sourcePath: string; maxWords: number };
const quantized = quantizeWinkEmbeddings(JSON.parse(await readFile(sourcePath, 'utf8')), maxWords);
const buffers = [quantized.codes, quantized.scales, quantized.norms].map((a) => a.buffer as ArrayBuffer);
parentPort!.postMessage(quantized, buffers);
