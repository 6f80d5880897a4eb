import { parentPort, workerData } from 'node:worker_threads';
import { openPglite } from './pglite-database.js';
import { servePgliteOverWire } from './serve-over-wire.js';

/**
 * Runs PGlite on its own thread and serves it over the wire, so the main thread's event loop
 * (every websocket) never waits for Postgres to compute.
 */
const { dataDir, sharedBuffers } = workerData as { dataDir: string; sharedBuffers?: string };

async function start() {
  const db = await openPglite(dataDir, { sharedBuffers });
  const served = await servePgliteOverWire(db, { maxConnections: 8 });
  parentPort?.postMessage({ type: 'ready', url: served.url });
  parentPort?.on('message', async (msg: { type: string }) => {
    if (msg.type !== 'stop') return;
    await served.stop();
    await db.close();
    parentPort?.postMessage({ type: 'stopped' });
  });
}

start().catch((err: unknown) => {
  parentPort?.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
});
