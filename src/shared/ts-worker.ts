import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Where tsx's loader API is, as a URL a worker can import. */
function tsxApiUrl(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    // Vite's module runner (vitest's global setup) has no import.meta.resolve: read the ES module
    // entry from tsx's own exports map.
    const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
      exports: Record<string, { import: { default: string } }>;
    };
    return pathToFileURL(path.join(path.dirname(manifest), pkg.exports['./esm/api']!.import.default)).href;
  }
}

/** Starts a worker thread whose code is TypeScript, through tsx's loader, in any host (node, tsx, vitest). */
export function startTsWorker(url: URL, data: unknown): Worker {
  const boot = `import(${JSON.stringify(tsxApiUrl())}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData: data });
}

/**
 * Runs a one-off job on a worker thread and resolves with the one message it posts. What the job
 * allocates lives and dies with the worker's own heap, so a job that parses a large file leaves
 * no garbage in this thread's.
 */
export function runTsWorker<T>(url: URL, data: unknown): Promise<T> {
  const worker = startTsWorker(url, data);
  return new Promise<T>((resolve, reject) => {
    let result: { value: T } | null = null;
    worker.once('message', (m: T) => (result = { value: m }));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      result ? resolve(result.value) : reject(new Error(`worker ${url.pathname} exited with code ${code}`)),
    );
  });
}
