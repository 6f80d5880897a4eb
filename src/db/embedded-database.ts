import fs from 'node:fs';
import { AppError } from '../errors.js';
import { createLogger, type Logger } from '../logger.js';
import { startTsWorker } from '../shared/ts-worker.js';
import type { Database } from './database.js';
import { lockDataDir } from './data-dir-lock.js';
import { createPgDatabase } from './pg-database.js';

const workerUrl = new URL('./embedded-worker.ts', import.meta.url);

/**
 * The embedded engine: PGlite persisted in `dataDir`, running on a worker thread and reached
 * through `pg` over loopback. One connection, because PGlite is a single Postgres session.
 */
export async function createEmbeddedDatabase(opts: {
  dataDir: string;
  /** Postgres's shared_buffers inside PGlite (e.g. `32MB`); PGlite's own default without it. */
  sharedBuffers?: string;
  logger?: Logger;
}): Promise<Database> {
  const logger = opts.logger ?? createLogger();
  const lock = lockDataDir(opts.dataDir);
  if (lock.tookOver)
    logger.warn(`took over a stale lock on ${opts.dataDir}: ${lock.tookOver.reason}`, { holder: lock.tookOver.holder });
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const worker = startTsWorker(workerUrl, { dataDir: opts.dataDir, sharedBuffers: opts.sharedBuffers });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`embedded database worker exited with code ${code}`)));
      worker.on('message', (m: { type: string; url?: string; message?: string }) => {
        if (m.type === 'ready' && m.url) resolve(m.url);
        if (m.type === 'failed') reject(new Error(m.message));
      });
    });
    worker.removeAllListeners('exit');
    worker.removeAllListeners('error');
    worker.on('error', (err) => logger.error('embedded database worker failed', { err }));
    return await createPgDatabase({
      connectionString: url,
      max: 1,
      onClose: async () => {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 5_000);
          worker.on('message', (m: { type: string }) => m.type === 'stopped' && (clearTimeout(timer), resolve()));
          worker.postMessage({ type: 'stop' });
        });
        await worker.terminate();
        lock.release();
      },
    });
  } catch (err) {
    await worker.terminate();
    lock.release();
    throw new AppError('db:start', `Could not start the embedded database in ${opts.dataDir}`, {
      cause: err,
      expose: true,
    });
  }
}
