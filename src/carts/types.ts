import type { Money } from '../catalog/types.js';

export interface CartLine {
  sku: string;
  handle: string;
  title: string;
  options: Record<string, string>;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
  inStock: boolean;
  /** Units available now; a line may ask for more than this when stock fell after it was added. */
  stock: number;
  image: string | null;
}

export interface CartView {
  id: string;
  version: number;
  items: CartLine[];
  itemCount: number;
  subtotal: Money;
  /** Where the shopper pays, for a cart that mirrors the shop platform's own cart; null otherwise. */
  checkoutUrl: string | null;
}

/** Who changed a cart: every change is recorded with its actor. */
export type CartActor = { kind: 'shopper' | 'assistant' | 'agent' | 'system' | 'outside_agent'; id?: string | null };

/** Where a cart was made, when not in a shopper session: `mcp` for an outside agent's (the agent storefront). */
export type CartChannel = 'mcp';
