import type { CustomerRecord, OrderRecord, ProductRecord } from '../../src/catalog/records.js';
import { generateCustomers } from './generate-customers.js';
import { generateOrders } from './generate-orders.js';
import { generateProducts } from './generate-products.js';
import { generateQueries, type LabelledQuery } from './generate-queries.js';
import { withTranslations } from './translations.js';

export interface DemoShop {
  products: ProductRecord[];
  customers: CustomerRecord[];
  orders: OrderRecord[];
  queries: LabelledQuery[];
}

/** The whole demo shop, "Alder & Pine", built in memory. Pure: the same output on every call. */
export const generateDemoShop = (): DemoShop => {
  const products = generateProducts();
  const customers = generateCustomers();
  return {
    products: withTranslations(products),
    customers,
    orders: generateOrders(products, customers),
    queries: generateQueries(products),
  };
};

/** One JSON object per line, with a trailing newline, as the catalog importers read it. */
export const toJsonLines = (records: readonly object[]): string =>
  records.map((record) => JSON.stringify(record)).join('\n') + '\n';

/** File contents keyed by path relative to the repository root. */
export const demoShopFiles = (shop: DemoShop): Record<string, string> => ({
  'catalog/products.jsonl': toJsonLines(shop.products),
  'catalog/customers.jsonl': toJsonLines(shop.customers),
  'catalog/orders.jsonl': toJsonLines(shop.orders),
  'tests/fixtures/retrieval/queries.jsonl': toJsonLines(shop.queries),
});
