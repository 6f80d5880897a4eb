import { fork } from 'node:child_process';
import path from 'node:path';
import { packLanguages } from '../src/agent/models/offline/language-pack.js';
import { createLocalEmbedder } from '../src/catalog/embeddings/local-embedder.js';
import { TEST_CACHE_DIR } from './helpers/local-embedder.js';
import { ensurePgliteTemplate } from './helpers/pglite-template.js';

/** Runs a script of tests/helpers in its own Node process; resolves when it exits 0. */
function runHelper(script: string, args: string[]): Promise<void> {
  const child = fork(path.join(import.meta.dirname, 'helpers', script), args, { execArgv: ['--import', 'tsx'] });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${script} ${args.join(' ')}: exit ${code}`)),
    );
  });
}

/**
 * Builds once, before test files run in parallel, what they all read: the local embedder's
 * word-vector cache, the migrated database template, and the offline model's intent weights of
 * every language (trained in two processes beside the rest; each worker would otherwise train
 * the ones it needs itself, several at once, the first time).
 */
export default async function setup() {
  const languages = packLanguages();
  const half = Math.ceil(languages.length / 2);
  await Promise.all([
    runHelper('train-intent-models.ts', languages.slice(0, half)),
    runHelper('train-intent-models.ts', languages.slice(half)),
    createLocalEmbedder({ cacheDir: TEST_CACHE_DIR }).then(() => ensurePgliteTemplate()),
  ]);
}
