import { Worker } from 'node:worker_threads';

/** Starts a worker thread whose code is TypeScript, through tsx's loader, in any host (node, tsx, vitest). */
export function startTsWorker(url: URL, data: unknown): Worker {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
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
