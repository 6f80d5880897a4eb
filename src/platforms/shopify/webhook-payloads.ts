import { z } from 'zod';

/** Shopify's REST webhook payloads, as much of them as the catalog reads. Unknown fields pass. */

const id = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(String);
const money = z.union([z.string(), z.number()]).nullable().optional();
const text = z.string().nullable().optional();

export const shopifyProductPayload = z.object({
  id,
  title: z.string().min(1),
  body_html: text,
  vendor: text,
  product_type: text,
  handle: text,
  status: z.string().default('active'),
  tags: z.string().nullable().default(''),
  options: z.array(z.object({ name: z.string(), values: z.array(z.string()).optional() })).default([]),
  images: z.array(z.object({ id, src: z.string().min(1) })).default([]),
  variants: z
    .array(
      z.object({
        id,
        sku: text,
        price: z.union([z.string(), z.number()]),
        compare_at_price: money,
        inventory_quantity: z.number().int().nullable().optional(),
        inventory_item_id: id.nullable().optional(),
        inventory_management: text,
        inventory_policy: text,
        barcode: text,
        option1: text,
        option2: text,
        option3: text,
        image_id: id.nullable().optional(),
      }),
    )
    .min(1),
});
export type ShopifyProductPayload = z.infer<typeof shopifyProductPayload>;

export const shopifyDeletePayload = z.object({ id });

export const shopifyInventoryPayload = z.object({
  inventory_item_id: id,
  location_id: id.optional(),
  available: z.number().int().nullable(),
});

const address = z.object({ city: text, country_code: text }).nullable().optional();

export const shopifyCustomerPayload = z.object({
  id,
  email: text,
  first_name: text,
  last_name: text,
  phone: text,
  created_at: z.string().datetime({ offset: true }),
  tags: z.string().nullable().optional(),
  default_address: address,
  email_marketing_consent: z.object({ state: z.string() }).nullable().optional(),
});
export type ShopifyCustomerPayload = z.infer<typeof shopifyCustomerPayload>;

export const shopifyOrderPayload = z.object({
  id,
  name: z.string().min(1),
  email: text,
  created_at: z.string().datetime({ offset: true }),
  currency: z.string().length(3),
  financial_status: text,
  fulfillment_status: text,
  cancelled_at: text,
  customer: shopifyCustomerPayload.nullable().optional(),
  line_items: z
    .array(
      z.object({
        id,
        variant_id: id.nullable().optional(),
        sku: text,
        title: z.string().min(1),
        quantity: z.number().int().min(1),
        price: z.union([z.string(), z.number()]),
      }),
    )
    .min(1),
  shipping_lines: z.array(z.object({ price: z.union([z.string(), z.number()]) })).default([]),
  note_attributes: z.array(z.object({ name: z.string(), value: z.union([z.string(), z.number()]) })).default([]),
});
export type ShopifyOrderPayload = z.infer<typeof shopifyOrderPayload>;
