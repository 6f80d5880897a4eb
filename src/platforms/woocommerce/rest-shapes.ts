import { z } from 'zod';

/** The WooCommerce REST v3 shapes the catalog reads (webhook payloads are the same shapes). Unknown fields pass. */

const id = z.number().int().nonnegative();
const text = z.string().nullable().optional();
const price = z.union([z.string(), z.number()]).nullable().optional();
const stock = {
  manage_stock: z
    .union([z.boolean(), z.literal('parent')])
    .nullable()
    .optional(),
  stock_quantity: z.number().int().nullable().optional(),
  stock_status: z.string().nullable().optional(),
};

export const wooVariation = z.object({
  id,
  sku: text,
  price,
  regular_price: price,
  sale_price: price,
  ...stock,
  image: z.object({ src: z.string() }).nullable().optional(),
  attributes: z.array(z.object({ name: z.string(), option: z.string() })).default([]),
});
export type WooVariation = z.infer<typeof wooVariation>;

export const wooProduct = z.object({
  id,
  name: z.string().min(1),
  slug: text,
  type: z.string().default('simple'),
  status: z.string().default('publish'),
  description: text,
  short_description: text,
  sku: text,
  price,
  regular_price: price,
  sale_price: price,
  ...stock,
  categories: z.array(z.object({ name: z.string() })).default([]),
  tags: z.array(z.object({ name: z.string() })).default([]),
  images: z.array(z.object({ src: z.string().min(1) })).default([]),
  attributes: z
    .array(
      z.object({
        name: z.string(),
        position: z.number().int().default(0),
        variation: z.boolean().default(false),
        options: z.array(z.string()).default([]),
      }),
    )
    .default([]),
  variations: z.array(id).default([]),
});
export type WooProduct = z.infer<typeof wooProduct>;

const gmt = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/)
  .transform((s) => (/(Z|[+-]\d{2}:?\d{2})$/.test(s) ? s : `${s}Z`));

const billing = z
  .object({ first_name: text, last_name: text, email: text, phone: text, city: text, country: text })
  .partial()
  .nullable()
  .optional();

export const wooCustomer = z.object({
  id,
  email: z.string().min(1),
  first_name: text,
  last_name: text,
  date_created_gmt: gmt,
  billing,
});
export type WooCustomer = z.infer<typeof wooCustomer>;

export const wooOrder = z.object({
  id,
  number: z.union([z.string(), z.number()]).transform(String),
  status: z.string(),
  currency: z.string().length(3),
  date_created_gmt: gmt,
  customer_id: id.default(0),
  billing,
  shipping_total: price,
  line_items: z
    .array(
      z.object({
        id,
        name: z.string().min(1),
        sku: text,
        product_id: id.default(0),
        variation_id: id.default(0),
        quantity: z.number().int().min(1),
        price,
        total: price,
      }),
    )
    .min(1),
  meta_data: z.array(z.object({ key: z.string(), value: z.unknown() })).default([]),
});
export type WooOrder = z.infer<typeof wooOrder>;
