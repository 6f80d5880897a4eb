/**
 * Runs cart operations one after another. The platforms' cart APIs read, change and save the whole
 * cart per request, so two changes in flight at once can lose one (Shopify asks for its AJAX
 * requests to be queued; a WooCommerce session is saved whole at the end of each request).
 */
export function createSerial(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
