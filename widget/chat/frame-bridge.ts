import type { PlatformCartAnswer, PlatformCartCommand } from '../../src/chat/protocol.js';
import { type Command, type FrameToParent, type ParentToFrame, isOurMessage } from '../loader/frame-messages.js';
import type { PlatformCartSnapshot, PlatformName } from '../loader/platforms/platform-cart.js';

export interface BridgeHandlers {
  /** The page answered our hello; `pageOrigin` is its origin as the browser vouches for it (`event.origin`). */
  init(
    identity: { customerId: string; customerHash: string } | null,
    open: boolean,
    pageOrigin: string,
    platform: PlatformName | null,
  ): void;
  visibility(open: boolean): void;
  command(c: Command): Promise<unknown>;
  /** The page read its platform's cart (the server checks the shape). */
  platformCart(cart: PlatformCartSnapshot): void;
}

/** How long the page may take to apply a cart command with its platform's API. */
const PLATFORM_COMMAND_TIMEOUT_MS = 12_000;
const PLATFORMS: readonly string[] = ['shopify', 'woocommerce'];

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

const networkError = (message: string): PlatformCartAnswer => ({
  ok: false,
  error: { code: 'platform:network', message },
});

/**
 * The iframe's side of the page link: posts only to the shop's origin and accepts only
 * messages from the parent window at that origin. Without a parent (the page opened on its
 * own) it is inert.
 */
export function createFrameBridge(parentOrigin: string | null, handlers: BridgeHandlers) {
  const parent = parentOrigin && window.parent !== window ? window.parent : null;
  const post = (msg: FrameToParent) => parent?.postMessage(msg, parentOrigin!);
  const waiting = new Map<number, (answer: PlatformCartAnswer) => void>();
  let nextId = 1;

  function onCommand(msg: Extract<ParentToFrame, { type: 'concierge:command' }>) {
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
        PLATFORMS.includes(msg.platform as string) ? msg.platform : null,
      );
    } else if (msg.type === 'concierge:visibility') handlers.visibility(!!msg.open);
    else if (msg.type === 'concierge:command' && typeof msg.id === 'number' && msg.command) onCommand(msg);
    else if (msg.type === 'concierge:platform-cart' && msg.cart) handlers.platformCart(msg.cart);
    else if (msg.type === 'concierge:platform-result' && typeof msg.id === 'number') {
      waiting.get(msg.id)?.(msg.answer);
      waiting.delete(msg.id);
    }
  });

  return {
    embedded: parent !== null,
    post,
    hello: () => post({ type: 'concierge:hello' }),
    /** Asks the page to apply a command to its platform's cart; a page that doesn't answer is a network error. */
    platformCommand(command: PlatformCartCommand): Promise<PlatformCartAnswer> {
      if (!parent) return Promise.resolve(networkError('The shop page is not open.'));
      const id = nextId++;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          resolve(networkError("The shop's cart did not answer in time."));
        }, PLATFORM_COMMAND_TIMEOUT_MS);
        waiting.set(id, (answer) => {
          clearTimeout(timer);
          resolve(answer);
        });
        post({ type: 'concierge:platform-command', id, command });
      });
    },
  };
}
