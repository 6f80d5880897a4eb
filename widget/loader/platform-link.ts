import type { PlatformCartAnswer, PlatformCartCommand } from '../../src/chat/protocol.js';
import type { ParentToFrame } from './frame-messages.js';
import type { PlatformCart, PlatformCartError, PlatformCartSnapshot } from './platforms/platform-cart.js';

/** The checkout link as an absolute URL, so the chat iframe (another origin) can link to it. */
const absolute = (s: PlatformCartSnapshot): PlatformCartSnapshot => ({
  ...s,
  checkoutUrl: new URL(s.checkoutUrl, location.href).href,
});

/** The adapters live in another bundle (another class object), so their errors are known by name. */
const isPlatformCartError = (err: unknown): err is PlatformCartError =>
  err instanceof Error && err.name === 'PlatformCartError' && 'kind' in err;

function refusal(err: unknown): PlatformCartAnswer {
  if (isPlatformCartError(err)) return { ok: false, error: { code: `platform:${err.kind}`, message: err.message } };
  return { ok: false, error: { code: 'platform:network', message: "The shop's cart could not be reached." } };
}

/**
 * The page's side of the shop platform's cart: once the server says it drives this cart, the cart
 * is tagged with the conversation (order attribution), reported to the chat, and watched for the
 * theme's own changes; the server's commands are applied with the platform's cart API and the
 * theme's cart count and drawer refreshed.
 */
export function linkPlatformCart(cart: PlatformCart, post: (msg: ParentToFrame) => void) {
  let active = false;
  let tagged: string | null = null;
  let stopWatching: (() => void) | null = null;

  async function report() {
    try {
      post({ type: 'concierge:platform-cart', cart: absolute(await cart.read()) });
    } catch (err) {
      console.warn(`Concierge: could not read the shop's cart (${(err as Error).message})`);
    }
  }

  async function apply(command: PlatformCartCommand): Promise<PlatformCartAnswer> {
    try {
      let snapshot: PlatformCartSnapshot;
      if (command.op === 'read') snapshot = await cart.read();
      else if (command.op === 'add') snapshot = await cart.add(command.variantId, command.quantity);
      else snapshot = await cart.setQuantity(command.variantId, command.quantity);
      if (command.op !== 'read') {
        void cart.refreshTheme().catch((err: Error) => console.warn(`Concierge: theme refresh (${err.message})`));
      }
      return { ok: true, data: absolute(snapshot) };
    } catch (err) {
      return refusal(err);
    }
  }

  return {
    /** The server drives this cart for the conversation (sent again after each reconnection). */
    async activate(conversationId: string) {
      active = true;
      if (tagged !== conversationId) {
        tagged = conversationId;
        await cart
          .tagConversation(conversationId)
          .catch((err: Error) => console.warn(`Concierge: could not tag the cart (${err.message})`));
      }
      stopWatching ??= cart.watch(() => void report());
      await report();
    },
    /** The chat opened: the shopper may have changed the cart in the theme meanwhile. */
    opened() {
      if (active) void report();
    },
    async command(id: number, command: PlatformCartCommand) {
      post({ type: 'concierge:platform-result', id, answer: await apply(command) });
    },
  };
}
