import { type Command, type FrameToParent, type ParentToFrame, isOurMessage } from '../loader/frame-messages.js';

export interface BridgeHandlers {
  /** The page answered our hello; `pageOrigin` is its origin as the browser vouches for it (`event.origin`). */
  init(identity: { customerId: string; customerHash: string } | null, open: boolean, pageOrigin: string): void;
  visibility(open: boolean): void;
  command(c: Command): Promise<unknown>;
}

/** The origin in our URL fragment (`#origin=…`), if it is a plain http(s) origin. */
export function parentOriginFrom(hash: string): string | null {
  const raw = new URLSearchParams(hash.replace(/^#/, '')).get('origin');
  if (!raw) return null;
  try {
    const u = new URL(raw);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === raw ? raw : null;
  } catch {
    return null;
  }
}

/**
 * The iframe's side of the page link: posts only to the shop's origin and accepts only
 * messages from the parent window at that origin. Without a parent (the page opened on its
 * own) it is inert.
 */
export function createFrameBridge(parentOrigin: string | null, handlers: BridgeHandlers) {
  const parent = parentOrigin && window.parent !== window ? window.parent : null;
  const post = (msg: FrameToParent) => parent?.postMessage(msg, parentOrigin!);

  window.addEventListener('message', (event: MessageEvent) => {
    if (!parent || event.source !== parent || event.origin !== parentOrigin || !isOurMessage<ParentToFrame>(event.data))
      return;
    const msg = event.data;
    if (msg.type === 'concierge:init') {
      const id = msg.identity;
      handlers.init(
        id && typeof id.customerId === 'string' && typeof id.customerHash === 'string' ? id : null,
        !!msg.open,
        event.origin,
      );
    } else if (msg.type === 'concierge:visibility') handlers.visibility(!!msg.open);
    else if (msg.type === 'concierge:command' && typeof msg.id === 'number' && msg.command) {
      handlers.command(msg.command).then(
        (data) => post({ type: 'concierge:result', id: msg.id, ok: true, data: data ?? null }),
        (err: { code?: string; message?: string }) =>
          post({
            type: 'concierge:result',
            id: msg.id,
            ok: false,
            error: { code: err?.code ?? 'internal:client', message: err?.message ?? 'Something went wrong.' },
          }),
      );
    }
  });

  return { embedded: parent !== null, post, hello: () => post({ type: 'concierge:hello' }) };
}
