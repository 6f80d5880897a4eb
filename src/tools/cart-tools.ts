import { z } from 'zod';
import { CartRefused, MAX_LINE_QUANTITY, type LineCheck } from '../carts/cart-store.js';
import type { CartView } from '../carts/types.js';
import type { ProductSummary, VariantSummary } from '../catalog/types.js';
import { defineTool, type ToolContext } from './define-tool.js';
import type { CartChangeResult, CartRefusal } from './results.js';
import { resolveVariant } from './resolve-variant.js';
import { optionsInCatalogTerms } from './shopper-language.js';
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

/** Thrown inside a cart change whose resulting line needs a person's approval; the change is undone. */
class NeedsApproval extends Error {
  constructor(readonly why: string) {
    super(why);
  }
}

/**
 * The approval thresholds apply to the line the change would leave (quantity and value), checked
 * inside the cart's transaction: four adds of five reach twenty only with a person's approval.
 */
function approvalCheck(deps: ToolDeps, unitPriceMinor: number): LineCheck {
  const gate = deps.approvals;
  if (!gate) return {};
  return {
    checkLine(resulting) {
      const why = gate.reasonToHold(resulting, unitPriceMinor);
      if (why) throw new NeedsApproval(why);
    },
  };
}

/** Holds the change for a person and says so. */
async function holdForApproval(
  deps: ToolDeps,
  ctx: ToolContext,
  change: { tool: string; product: ProductSummary; variant: VariantSummary; quantity: number; why: string },
): Promise<CartRefusal> {
  const { product, variant, quantity } = change;
  await deps.approvals!.hold(
    {
      conversationId: ctx.conversationId,
      cartId: ctx.cartId,
      tool: change.tool,
      sku: variant.sku,
      quantity,
      title: product.title,
      unitPriceMinor: variant.price.amount,
      currency: variant.price.currency,
    },
    change.why,
  );
  return {
    ok: false,
    reason: 'pending_approval',
    message:
      `A member of our team needs to approve ${quantity} × ${product.title} (${change.why}). ` +
      'It will appear in your cart once approved.',
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
        : resolveVariant(product, await optionsInCatalogTerms(deps, product.handle, input.options));
      if (!('variant' in picked)) return picked;
      if (!picked.variant.inStock) {
        return {
          ok: false,
          reason: 'out_of_stock',
          message: `${product.title} (${Object.values(picked.variant.options).join(', ') || 'this variant'}) is out of stock.`,
          productTitle: product.title,
          alternatives: product.variants.filter((v) => v.inStock),
          alternativeProducts: await similarInStock(deps, product),
        };
      }
      await cartOf(deps, ctx);
      const { variant } = picked;
      const qty = input.quantity ?? 1;
      try {
        const cart = await deps.carts.add(
          ctx.cartId,
          variant.sku,
          qty,
          ASSISTANT,
          approvalCheck(deps, variant.price.amount),
        );
        return { ok: true, message: `Added ${qty} × ${product.title} to the cart.`, cart, changedSku: variant.sku };
      } catch (err) {
        if (err instanceof NeedsApproval) {
          return holdForApproval(deps, ctx, { tool: 'add_to_cart', product, variant, quantity: qty, why: err.why });
        }
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
      const variant = product?.variants.find((v) => v.sku === input.sku);
      try {
        const check = variant ? approvalCheck(deps, variant.price.amount) : {};
        const cart = await deps.carts.setQuantity(ctx.cartId, input.sku, input.quantity, ASSISTANT, check);
        return {
          ok: true,
          message: input.quantity === 0 ? 'Removed from the cart.' : `Quantity set to ${input.quantity}.`,
          cart,
          changedSku: input.sku,
        };
      } catch (err) {
        if (err instanceof NeedsApproval && product && variant) {
          const held = { tool: 'update_cart_item', product, variant, quantity: input.quantity, why: err.why };
          return holdForApproval(deps, ctx, held);
        }
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
