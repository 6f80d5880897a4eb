import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/app/build-core.js';
import type { Database } from '../../src/db/database.js';
import type { RecommendResult } from '../../src/tools/results.js';
import { buildTestCore, seedTestShop } from '../helpers/test-app.js';
import { openTestDatabase } from '../helpers/test-database.js';

let db: Database;
let core: Core;

beforeAll(async () => {
  db = await openTestDatabase('pglite');
  await seedTestShop(db);
  core = await buildTestCore(db);
});
afterAll(async () => {
  await db?.close();
});

async function recommend(customerId: string | null): Promise<RecommendResult> {
  const tool = core.tools.find((t) => t.name === 'recommend_products')!;
  const ctx = { conversationId: 'conv_rec', customerId, cartId: 'cart_rec', actor: 'assistant' as const };
  return (await tool.run({ limit: 3 }, ctx)) as RecommendResult;
}

describe('recommend_products', () => {
  it("offers an anonymous shopper the shop's best sellers in stock, and asks them to sign in", async () => {
    const r = await recommend(null);
    expect(r.signInRequired).toBe(true);
    // Two pairs of socks and one pair of shoes were sold; nothing else has sold yet.
    expect(r.products.map((p) => p.handle).slice(0, 2)).toEqual(['merino-running-socks', 'runner-1']);
    expect(r.products).toHaveLength(3);
    expect(r.products.every((p) => p.variants.every((v) => v.inStock))).toBe(true);
  });

  it("suggests what the shop's data says goes with a purchase, never the purchase itself", async () => {
    const r = await recommend('cus_1');
    expect(r.basedOn).toEqual(['Tempo Glide Running Shoe']);
    expect(r.products[0].handle).toBe('merino-running-socks');
    expect(r.products.map((p) => p.handle)).not.toContain('runner-1');
    expect(r.products).toHaveLength(3);
  });
});
