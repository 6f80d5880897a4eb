import type { AnyTool } from './define-tool.js';
import { addToCart, getCart, removeFromCart, updateCartItem } from './cart-tools.js';
import { getProduct } from './get-product.js';
import { orderChangeTools } from './order-change-tools.js';
import { getOrderStatus, getOrders } from './order-tools.js';
import { recommendProducts } from './recommend-products.js';
import { requestHuman } from './request-human.js';
import { searchPolicies } from './search-policies.js';
import { searchProducts } from './search-products.js';
import type { ToolDeps } from './tool-deps.js';

/** Every tool the assistant has. Names are part of the model's public API. */
export function createTools(deps: ToolDeps): AnyTool[] {
  return [
    searchProducts(deps),
    getProduct(deps),
    getCart(deps),
    addToCart(deps),
    updateCartItem(deps),
    removeFromCart(deps),
    getOrders(deps),
    getOrderStatus(deps),
    ...orderChangeTools(deps),
    recommendProducts(deps),
    searchPolicies(deps),
    requestHuman(deps),
  ];
}
