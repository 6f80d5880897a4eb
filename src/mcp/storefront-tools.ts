import type { AgentCarts } from '../carts/agent-carts.js';
import { CartRefused, type CartStore, type LineCheck } from '../carts/cart-store.js';
import type { CartActor, CartView } from '../carts/types.js';
import type { ProductFinder } from '../catalog/find-products.js';
import type { ProductLookup } from '../catalog/product-lookup.js';
import type { ShopLinks } from '../catalog/shop-links.js';
import type { ProductSummary, VariantSummary } from '../catalog/types.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { RateLimiter } from '../limits/rate-limiter.js';
import type { PolicySearch } from '../policies/policy-search.js';
import { resolveVariant } from '../tools/resolve-variant.js';
import { matchNote } from '../tools/search-products.js';
import type { ApprovalGate } from '../tools/tool-deps.js';
import { agentCart, agentProduct, agentVariant } from './agent-shapes.js';
import {
  DEFAULT_PAGE,
  type GetProductDetailsArgs,
  type SearchCatalogArgs,
  type SearchPoliciesArgs,
  type UpdateCartArgs,
} from './storefront-inputs.js';

/** The domain services the agent storefront uses: the same ones the assistant's tools use. */
export interface StorefrontDeps {
  finder: ProductFinder;
  products: ProductLookup;
  carts: CartStore;
  agentCarts: AgentCarts;
  policies: PolicySearch;
  approvals?: ApprovalGate;
  /** New carts of one client address. */
  newCarts: RateLimiter;
}

/** Who is calling: the client's address and the shop's links as seen from the request. */
export interface StorefrontCall {
  ip: string;
  links: ShopLinks;
}

const ACTOR: CartActor = { kind: 'outside_agent' };
/** The finder ranks at most this many products; pages reach no further. */
const MAX_RESULTS = 50;

const cursorOf = (offset: number) => Buffer.from(`o${offset}`).toString('base64url');

function offsetOf(cursor: string | undefined): number {
  if (!cursor) return 0;
  const m = /^o(\d{1,2})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m || Number(m[1]) >= MAX_RESULTS)
    throw new ValidationError('catalog:bad_cursor', 'That cursor is not one we gave.');
  return Number(m[1]);
}

/** The storefront's five tools over the shared domain services; each returns JSON or throws an AppError. */
export function createStorefrontTools(deps: StorefrontDeps) {
  async function searchCatalog({ catalog }: SearchCatalogArgs, call: StorefrontCall) {
    const offset = offsetOf(catalog.pagination?.cursor);
    const limit = Math.min(catalog.pagination?.limit ?? DEFAULT_PAGE, MAX_RESULTS - offset);
    const found = await deps.finder.find(
      {
        query: catalog.query,
        limit: offset + limit,
        inStock: catalog.filters?.available,
        minPriceMinor: catalog.filters?.price?.min,
        maxPriceMinor: catalog.filters?.price?.max,
        excludeWords: catalog.filters?.exclude,
      },
      // A further page of the same search is no new search.
      offset === 0 ? { source: { channel: 'mcp' } } : {},
    );
    const page = found.products.slice(offset, offset + limit);
    const more = found.products.length === offset + limit && offset + limit < MAX_RESULTS;
    const note = matchNote(found, catalog.query);
    return {
      products: page.map((p) => agentProduct(p, call.links)),
      match: found.match,
      ...(note ? { note } : {}),
      pagination: { has_next_page: more, ...(more ? { next_cursor: cursorOf(offset + limit) } : {}) },
    };
  }

  async function getProductDetails(args: GetProductDetailsArgs, call: StorefrontCall) {
    const [product] = await deps.products.byHandles([args.product_id]);
    if (!product) throw new NotFoundError('product:not_found', `There is no product with id "${args.product_id}".`);
    if (!args.options) return { product: agentProduct(product, call.links) };
    const picked = resolveVariant(product, args.options);
    return {
      product: agentProduct(product, call.links),
      ...('variant' in picked
        ? { selected_variant: agentVariant(picked.variant, call.links) }
        : { selection: { message: picked.message } }),
    };
  }

  async function cartResult(cart: CartView, call: StorefrontCall) {
    const ids = await deps.agentCarts.platformVariantIds(cart.items.map((l) => l.sku));
    return { cart: agentCart(cart, call.links, ids) };
  }

  async function getCart(args: { cart_id: string }, call: StorefrontCall) {
    return cartResult(await deps.agentCarts.view(args.cart_id), call);
  }

  /** The assistant's approval thresholds: a line above them needs a person, which an outside agent cannot wait for. */
  function approvalCheck(product: ProductSummary, variant: VariantSummary): LineCheck {
    const gate = deps.approvals;
    if (!gate) return {};
    return {
      checkLine(resulting) {
        const why = gate.reasonToHold(resulting, variant.price.amount);
        if (!why) return;
        const message = `${product.title}: ${why}, which needs the shop's approval; order less, or ask the shop.`;
        throw new CartRefused('quantity_limit', message);
      },
    };
  }

  async function variantOf(sku: string): Promise<{ product: ProductSummary; variant: VariantSummary }> {
    const product = await deps.products.bySku(sku);
    const variant = product?.variants.find((v) => v.sku === sku);
    if (!product || !variant) throw new CartRefused('unknown_variant', `There is no product variant with id "${sku}".`);
    return { product, variant };
  }

  async function addLine(cartId: string, sku: string, quantity: number) {
    const { product, variant } = await variantOf(sku);
    if (!variant.inStock) {
      const which = Object.values(variant.options).join(', ') || 'this variant';
      throw new CartRefused('out_of_stock', `${product.title} (${which}) is out of stock.`, 0);
    }
    await deps.carts.add(cartId, sku, quantity, ACTOR, approvalCheck(product, variant));
  }

  async function setLine(cartId: string, sku: string, quantity: number) {
    if (quantity === 0) return void (await deps.carts.remove(cartId, sku, ACTOR));
    const { product, variant } = await variantOf(sku);
    await deps.carts.setQuantity(cartId, sku, quantity, ACTOR, approvalCheck(product, variant));
  }

  async function openCart(args: UpdateCartArgs, call: StorefrontCall): Promise<string> {
    if (args.cart_id) {
      await deps.agentCarts.check(args.cart_id);
      return args.cart_id;
    }
    if (!args.add_items?.length) {
      throw new ValidationError('cart:nothing_to_add', 'Give add_items to create a cart, or the cart_id of a cart.');
    }
    await deps.newCarts.take(call.ip);
    return deps.agentCarts.create();
  }

  /** Changes apply in order: removals, quantity changes, then additions; the first refusal stops the rest. */
  async function updateCart(args: UpdateCartArgs, call: StorefrontCall) {
    const cartId = await openCart(args, call);
    const changes = [
      ...(args.remove_line_ids ?? []).map((sku) => () => deps.carts.remove(cartId, sku, ACTOR).then(() => undefined)),
      ...(args.update_items ?? []).map((l) => () => setLine(cartId, l.id, l.quantity)),
      ...(args.add_items ?? []).map((l) => () => addLine(cartId, l.product_variant_id, l.quantity)),
    ];
    for (const [i, change] of changes.entries()) {
      try {
        await change();
      } catch (err) {
        throw new CartChangeStopped(err, i, cartId);
      }
    }
    return cartResult(await deps.carts.view(cartId), call);
  }

  async function searchPolicies(args: SearchPoliciesArgs, call: StorefrontCall) {
    const hits = await deps.policies.search(args.query, { limit: 5 });
    return {
      sections: hits.map((h) => ({
        title: h.title,
        section: h.heading,
        anchor: h.anchor,
        url: `${call.links.base}/policies/${encodeURIComponent(h.slug)}#${h.anchor}`,
        text: h.text,
      })),
    };
  }

  return { searchCatalog, getProductDetails, getCart, updateCart, searchPolicies, cartResult };
}

/** A cart change refused part-way: which change, and the cart (made before it, when new) as it now is. */
export class CartChangeStopped extends Error {
  constructor(
    readonly reason: unknown,
    readonly applied: number,
    readonly cartId: string,
  ) {
    super('cart change stopped', { cause: reason });
  }
}

export type StorefrontTools = ReturnType<typeof createStorefrontTools>;
