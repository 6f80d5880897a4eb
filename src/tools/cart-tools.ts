import { z } from 'zod';
import { CartRefused, MAX_LINE_QUANTITY } from '../carts/cart-store.js';
import type { CartView } from '../carts/types.js';
import type { ProductSummary } from '../catalog/types.js';
import { defineTool, type ToolContext } from './define-tool.js';
import type { CartChangeResult, CartRefusal } from './results.js';
import { resolveVariant } from './resolve-variant.js';
import type { ToolDeps } from './tool-deps.js';

const ASSISTANT = { kind: 'assistant' } as const;
const quantity = z.number().int().min(1).max(MAX_LINE_QUANTITY);

/** Similar products in stock, for when the wanted one cannot be had. */
async function similarInStock(deps: ToolDeps, product: ProductSummary): Promise<ProductSummary[]> {
  const found = await deps.search.search({
    query: product.title,
    category: product.category || undefined,
    inStock: true,
    limit: 4,
  });
  return found.filter((p) => p.handle !== product.handle).slice(0, 3);
}

async function refusalFrom(deps: ToolDeps, err: unknown, product: ProductSummary | null): Promise<CartRefusal> {
  if (!(err instanceof CartRefused)) throw err;
  const refusal: CartRefusal = { ok: false, reason: err.reason, message: err.message };
  if (err.reason === 'out_of_stock' && product) {
    refusal.alternatives = product.variants.filter((v) => v.inStock);
    refusal.alternativeProducts = await similarInStock(deps, product);
  }
  return refusal;
}

/** When the change crosses an approval threshold, holds it for a person and says so. */
async function heldForApproval(
  deps: ToolDeps,
  ctx: ToolContext,
  tool: string,
  product: ProductSummary,
  sku: string,
  quantity: number,
): Promise<CartRefusal | null> {
  const variant = product.variants.find((v) => v.sku === sku);
  if (!deps.approvals || !variant) return null;
  const reason = deps.approvals.reasonToHold(quantity, variant.price.amount);
  if (!reason) return null;
  await deps.approvals.hold(
    {
      conversationId: ctx.conversationId,
      cartId: ctx.cartId,
      tool,
      sku,
      quantity,
      title: product.title,
      unitPriceMinor: variant.price.amount,
      currency: variant.price.currency,
    },
    reason,
  );
  return {
    ok: false,
    reason: 'pending_approval',
    message: `A member of our team needs to approve ${quantity} × ${product.title} (${reason}). It will appear in your cart once approved.`,
  };
}

async function cartOf(deps: ToolDeps, ctx: ToolContext): Promise<CartView> {
  await deps.carts.ensure(ctx.cartId, { currency: deps.currency, customerId: ctx.customerId });
  return deps.carts.view(ctx.cartId);
}

export const getCart = (deps: ToolDeps) =>
  defineTool({
    name: 'get_cart',
    description: "The shopper's current cart: items, quantities, prices and subtotal.",
    input: z.object({}),
    run: async (_input, ctx) => ({ cart: await cartOf(deps, ctx) }),
  });

export const addToCart = (deps: ToolDeps) =>
  defineTool({
    name: 'add_to_cart',
    description:
      'Add a product to the cart. Give the sku, or the handle plus option values (e.g. {"Size":"42","Color":"Black"}). ' +
      'If an option is missing or the variant is out of stock, the result says so and lists alternatives.',
    input: z
      .object({
        handle: z.string().trim().min(1).max(255).optional(),
        sku: z.string().trim().min(1).max(120).optional(),
        options: z.record(z.string().max(50), z.string().max(100)).optional(),
        quantity: quantity.optional(),
      })
      .refine((i) => i.handle || i.sku, { message: 'give a handle or a sku' }),
    async run(input, ctx): Promise<CartChangeResult> {
      const product = input.sku
        ? await deps.products.bySku(input.sku)
        : ((await deps.products.byHandles([input.handle!]))[0] ?? null);
      if (!product) {
        const guess = (input.handle ?? input.sku ?? '').replace(/[-_]+/g, ' ');
        const alternativeProducts = guess ? await deps.search.search({ query: guess, inStock: true, limit: 3 }) : [];
        return {
          ok: false,
          reason: 'unknown_product',
          message: `No product "${input.handle ?? input.sku}" in this shop.`,
          alternativeProducts,
        };
      }
      const picked = input.sku
        ? { variant: product.variants.find((v) => v.sku === input.sku)! }
        : resolveVariant(product, input.options);
      if (!('variant' in picked)) return picked;
      if (!picked.variant.inStock) {
        return {
          ok: false,
          reason: 'out_of_stock',
          message: `${product.title} (${Object.values(picked.variant.options).join(', ') || 'this variant'}) is out of stock.`,
          alternatives: product.variants.filter((v) => v.inStock),
          alternativeProducts: await similarInStock(deps, product),
        };
      }
      await cartOf(deps, ctx);
      const held = await heldForApproval(deps, ctx, 'add_to_cart', product, picked.variant.sku, input.quantity ?? 1);
      if (held) return held;
      try {
        const cart = await deps.carts.add(ctx.cartId, picked.variant.sku, input.quantity ?? 1, ASSISTANT);
        return {
          ok: true,
          message: `Added ${input.quantity ?? 1} × ${product.title} to the cart.`,
          cart,
          changedSku: picked.variant.sku,
        };
      } catch (err) {
        return refusalFrom(deps, err, product);
      }
    },
  });

export const updateCartItem = (deps: ToolDeps) =>
  defineTool({
    name: 'update_cart_item',
    description: 'Change the quantity of a cart line by its sku. Quantity 0 removes it.',
    input: z.object({
      sku: z.string().trim().min(1).max(120),
      quantity: z.number().int().min(0).max(MAX_LINE_QUANTITY),
    }),
    async run(input, ctx): Promise<CartChangeResult> {
      await cartOf(deps, ctx);
      const product = input.quantity > 0 ? await deps.products.bySku(input.sku) : null;
      const held =
        product && (await heldForApproval(deps, ctx, 'update_cart_item', product, input.sku, input.quantity));
      if (held) return held;
      try {
        const cart = await deps.carts.setQuantity(ctx.cartId, input.sku, input.quantity, ASSISTANT);
        return {
          ok: true,
          message: input.quantity === 0 ? 'Removed from the cart.' : `Quantity set to ${input.quantity}.`,
          cart,
          changedSku: input.sku,
        };
      } catch (err) {
        return refusalFrom(deps, err, await deps.products.bySku(input.sku));
      }
    },
  });

export const removeFromCart = (deps: ToolDeps) =>
  defineTool({
    name: 'remove_from_cart',
    description: 'Remove a line from the cart by its sku.',
    input: z.object({ sku: z.string().trim().min(1).max(120) }),
    async run(input, ctx): Promise<CartChangeResult> {
      await cartOf(deps, ctx);
      try {
        const cart = await deps.carts.remove(ctx.cartId, input.sku, ASSISTANT);
        return { ok: true, message: 'Removed from the cart.', cart, changedSku: input.sku };
      } catch (err) {
        return refusalFrom(deps, err, null);
      }
    },
  });
