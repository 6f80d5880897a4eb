/** Tells whether a request the page made changes the cart. */
export type CartRequestTest = (url: URL, method: string) => boolean;

type XhrOpen = (this: XMLHttpRequest, ...args: unknown[]) => void;

/** The request options of the adapters' own requests, which no watcher counts. */
const OWN = new WeakSet<RequestInit>();

/**
 * Marks a request's options as the adapter's own. Adapters also send through the `fetch` they
 * captured before any watcher wrapped it; the mark covers an adapter made after a watcher started.
 */
export function ownRequest(init: RequestInit): RequestInit {
  OWN.add(init);
  return init;
}

function requestTarget(input: RequestInfo | URL, init?: RequestInit): { url: URL; method: string } | null {
  try {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    return { url: new URL(raw, location.href), method: method.toUpperCase() };
  } catch {
    return null;
  }
}

/**
 * Calls `onChange` after the page's own cart requests complete (through `fetch` or
 * `XMLHttpRequest`, which jQuery uses), after the document events in `events` (whose `promise`,
 * if they carry one, settles when the change is done), and when the window regains focus or
 * becomes visible.
 * Calls that arrive together become one. The adapters' own requests (see `ownRequest`) are never
 * counted: reacting to them would read, report and maybe refresh again, in a loop.
 */
export function watchCartRequests(
  isCartChange: CartRequestTest,
  onChange: () => void,
  events: string[] = [],
): () => void {
  let active = true;
  let queued = false;
  const notify = () => {
    if (!active || queued) return;
    queued = true;
    setTimeout(() => {
      queued = false;
      if (active) onChange();
    }, 0);
  };
  const matches = (t: { url: URL; method: string } | null) =>
    t !== null && t.url.origin === location.origin && isCartChange(t.url, t.method);

  const originalFetch = window.fetch;
  const wrappedFetch: typeof fetch = (input, init) => {
    const pending = originalFetch.call(window, input, init);
    if (active && !(init && OWN.has(init)) && matches(requestTarget(input, init)))
      pending.then(notify, () => undefined);
    return pending;
  };
  window.fetch = wrappedFetch;

  const proto = XMLHttpRequest.prototype;
  const originalOpen = proto.open as unknown as XhrOpen;
  const originalSend = proto.send;
  const targets = new WeakMap<XMLHttpRequest, { url: URL; method: string }>();
  const wrappedOpen: XhrOpen = function (...args) {
    const [method, url] = args;
    const target = requestTarget(String(url), { method: String(method) });
    if (target) targets.set(this, target);
    return originalOpen.apply(this, args);
  };
  const wrappedSend = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    if (active && matches(targets.get(this) ?? null)) {
      // Status 0 is a network failure or an abort: nothing reached the cart.
      this.addEventListener('loadend', () => this.status !== 0 && notify(), { once: true });
    }
    return originalSend.call(this, body);
  };
  proto.open = wrappedOpen as unknown as typeof proto.open;
  proto.send = wrappedSend;

  const onVisible = () => document.visibilityState === 'visible' && notify();
  window.addEventListener('focus', notify);
  document.addEventListener('visibilitychange', onVisible);
  const onEvent = (event: Event) => {
    const promise = (event as Event & { promise?: unknown }).promise;
    if (promise instanceof Promise) promise.then(notify, notify);
    else notify();
  };
  for (const name of events) document.addEventListener(name, onEvent);

  return () => {
    active = false;
    window.removeEventListener('focus', notify);
    document.removeEventListener('visibilitychange', onVisible);
    for (const name of events) document.removeEventListener(name, onEvent);
    // Unwrap only if nobody wrapped over us since; otherwise our wrappers stay as pass-throughs.
    if (window.fetch === wrappedFetch) window.fetch = originalFetch;
    if (proto.open === (wrappedOpen as unknown)) proto.open = originalOpen as unknown as typeof proto.open;
    if (proto.send === wrappedSend) proto.send = originalSend;
  };
}
