import { z } from 'zod';

/** Products on one page of `search_catalog`; pages reach at most the finder's 50 results. */
export const MAX_PAGE = 25;
export const DEFAULT_PAGE = 10;

const minor = z.number().int().nonnegative().max(1_000_000_000);
const id = z.string().trim().min(1).max(255);
/** Lines above the shop's limit are business refusals, not bad input: the limit is the shop's to say. */
const quantity = z.number().int().min(1).max(999);

/** Shopify Storefront MCP's argument shapes (UCP's for `search_catalog`); unknown fields are ignored. */
export const searchCatalogInput = {
  catalog: z.object({
    query: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .describe('What the shopper wants, in their words, e.g. "warm winter jacket".'),
    filters: z
      .object({
        price: z
          .object({
            min: minor.optional().describe('Lowest price in MINOR units of the shop currency (cents): 5000 = 50.00.'),
            max: minor
              .optional()
              .describe('Highest price in MINOR units of the shop currency (cents): 15000 = 150.00.'),
          })
          .optional()
          .describe('Price range in minor units (as in UCP), not major units.'),
        available: z.boolean().optional().describe('true: only products with a variant in stock.'),
        exclude: z
          .array(z.string().trim().min(1).max(50))
          .max(10)
          .optional()
          .describe(
            'Words the buyer rules out ("a watch, not a smart one" → ["smart"]): products titled with one are left ' +
              "out. An extension of UCP's filters.",
          ),
      })
      .optional(),
    pagination: z
      .object({
        limit: z
          .number()
          .int()
          .min(1)
          .max(MAX_PAGE)
          .optional()
          .describe(`Products per page (default ${DEFAULT_PAGE}).`),
        cursor: z.string().max(64).optional().describe('The `next_cursor` of the previous page.'),
      })
      .optional(),
    context: z
      .object({ language: z.string().max(35).optional(), currency: z.string().max(3).optional() })
      .optional()
      .describe('The buyer context; prices are always in the shop currency.'),
  }),
};

export const getProductDetailsInput = {
  product_id: id.describe('A product id from search_catalog (its handle).'),
  options: z
    .record(z.string().max(50), z.string().max(100))
    .optional()
    .describe('Option values to pick a variant, e.g. {"Size":"42","Color":"Black"}.'),
};

export const getCartInput = { cart_id: id.describe('The id update_cart returned.') };

export const updateCartInput = {
  cart_id: id.optional().describe('The cart to change; leave out to create a new cart.'),
  add_items: z
    .array(z.object({ product_variant_id: id.describe('A variant id (SKU) from the catalog.'), quantity }))
    .max(50)
    .optional(),
  update_items: z
    .array(z.object({ id: id.describe('A line id of the cart.'), quantity: quantity.or(z.literal(0)) }))
    .max(50)
    .optional()
    .describe('New quantities of existing lines; 0 removes the line.'),
  remove_line_ids: z.array(id).max(50).optional().describe('Line ids to remove.'),
};

export const searchPoliciesInput = {
  query: z.string().trim().min(1).max(300).describe('The question, e.g. "How long do I have to return an item?".'),
  context: z.string().max(500).optional().describe('What the conversation is about, if it helps.'),
};

type Shape<T extends Record<string, z.ZodType>> = z.infer<z.ZodObject<T>>;
export type SearchCatalogArgs = Shape<typeof searchCatalogInput>;
export type GetProductDetailsArgs = Shape<typeof getProductDetailsInput>;
export type UpdateCartArgs = Shape<typeof updateCartInput>;
export type SearchPoliciesArgs = Shape<typeof searchPoliciesInput>;
