import { z } from 'zod';
import { CartRefused } from './cart-store.js';

/** The shop platforms whose own cart Concierge can drive from the shop's page. */
export const PLATFORMS = ['shopify', 'woocommerce'] as const;
export type Platform = (typeof PLATFORMS)[number];

const platformId = z.string().regex(/^[0-9]{1,20}$/, 'a platform id is a number');

/**
 * The platform's cart as the shop's page reports it. Only ids and quantities are believed: what a
 * line is and costs comes from our catalog, by the platform ids stored beside each variant.
 */
export const platformCartReport = z.object({
  platform: z.enum(PLATFORMS),
  lines: z
    .array(z.object({ variantId: platformId, quantity: z.number().int().min(1).max(10_000) }))
    .max(250, 'a cart of more than 250 lines'),
  checkoutUrl: z
    .string()
    .max(2_000)
    .url()
    .refine((u) => /^https?:\/\//i.test(u), 'checkout URL must be http(s)'),
});
export type PlatformCartReport = z.infer<typeof platformCartReport>;

/** What the server asks the shop's page to do with the platform's cart. */
export type PlatformCartCommand =
  | { op: 'read' }
  | { op: 'add'; variantId: string; quantity: number }
  | { op: 'set'; variantId: string; quantity: number };

/** The page's answer to a command, an ack: the cart after it, or why the platform refused. */
export const platformCartAnswer = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: platformCartReport }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.enum(['platform:unavailable', 'platform:rejected', 'platform:network']),
      message: z.string().max(500),
    }),
  }),
]);
export type PlatformCartAnswer = z.infer<typeof platformCartAnswer>;

/** Carries one command to one of the shopper's open pages and returns its raw answer. */
export type CartTransport = (cartId: string, command: PlatformCartCommand) => Promise<unknown>;

const unreachable = () =>
  new CartRefused(
    'unreachable',
    "The shop's cart lives in the shopper's browser, and no page of the shop is open to change it right now.",
  );

/**
 * The link from the cart domain to the shopper's page. The chat socket, an entry point, plugs its
 * transport in at start; the domain only sees commands and validated answers.
 */
export function createCartRelay() {
  let transport: CartTransport | null = null;
  return {
    use(t: CartTransport) {
      transport = t;
    },
    /** Sends the command; a missing page, a bad answer or a refusal becomes a CartRefused. */
    async send(cartId: string, command: PlatformCartCommand): Promise<PlatformCartReport> {
      if (!transport) throw unreachable();
      const raw = await transport(cartId, command);
      if (raw === undefined) throw unreachable();
      const answer = platformCartAnswer.safeParse(raw);
      if (!answer.success) throw new CartRefused('rejected', "The shop's cart gave an answer we could not read.");
      if (answer.data.ok) return answer.data.data;
      const { code, message } = answer.data.error;
      if (code === 'platform:unavailable') throw new CartRefused('out_of_stock', message);
      throw new CartRefused(code === 'platform:network' ? 'unreachable' : 'rejected', message);
    },
  };
}
export type CartRelay = ReturnType<typeof createCartRelay>;
