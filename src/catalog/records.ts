import { z } from 'zod';

/**
 * The normalized records every importer produces, and the JSON Lines format itself
 * (documented in docs/catalog-format.md). Prices are integers in minor units (cents).
 */

const CURRENCIES = new Set(
  (
    'AED AUD BRL CAD CHF CNY CZK DKK EUR GBP HKD HUF IDR ILS INR IRR JPY KRW MXN MYR NOK NZD PHP PLN RON ' +
    'SAR SEK SGD THB TRY TWD UAH USD ZAR'
  ).split(' '),
);

export const MAX_FIELD_CHARS = 65_536;

export const currencySchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine((s) => CURRENCIES.has(s), { message: 'unknown currency (expected an ISO 4217 code such as EUR or USD)' });

const text = (max = 1_000) =>
  z
    .string()
    .trim()
    .max(max, { message: `longer than ${max} characters` });
const minor = z
  .number({ message: 'price must be a number' })
  .int('price must be whole minor units')
  .nonnegative('price must not be negative');

export const variantRecordSchema = z.object({
  sku: text(120).min(1, 'SKU is required'),
  /** Option name → value, for example { Size: '42', Color: 'Black' }. Empty for single-variant products. */
  options: z.record(z.string(), text(200)).default({}),
  priceMinor: minor.max(100_000_000, 'price is implausibly large'),
  currency: currencySchema,
  compareAtPriceMinor: minor.nullable().optional(),
  stock: z.number().int().min(0).default(0),
  image: text(2_000).nullable().optional(),
  barcode: text(64).nullable().optional(),
  /** The variant's id on the shop's platform (Shopify variant id, WooCommerce variation id), when synced from it. */
  platformId: text(100).min(1).nullable().optional(),
  /** Shopify's inventory item id, which its inventory webhooks name instead of the variant. */
  inventoryItemId: text(100).min(1).nullable().optional(),
});
export type VariantRecord = z.infer<typeof variantRecordSchema>;

/** A language code such as "fa" or "pt-BR": the keys of a product's `translations`. */
export const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/** One option in another language: its name, and its values by the catalog's own value. */
const optionTranslationSchema = z
  .object({
    name: text(100).min(1).optional(),
    values: z.record(z.string(), text(200).min(1)).optional(),
  })
  .strict();

/** A product in one other language; every field is optional (what is missing is shown as the catalog has it). */
export const productTranslationSchema = z
  .object({
    title: text(500).min(1).optional(),
    descriptionHtml: text(MAX_FIELD_CHARS).optional(),
    productType: text(255).optional(),
    categoryPath: z.array(text(255).min(1)).max(10).optional(),
    /** By the catalog's option name, for example { Color: { name: 'رنگ', values: { Black: 'مشکی' } } }. */
    options: z.record(z.string(), optionTranslationSchema).optional(),
  })
  .strict();
export type ProductTranslationRecord = z.infer<typeof productTranslationSchema>;

// Keys are checked with the options (checkTranslations): a key schema's own message is not reported.
const translationsSchema = z.record(z.string(), productTranslationSchema);

export const productRecordSchema = z
  .object({
    kind: z.literal('product').optional(),
    handle: text(255)
      .min(1, 'handle is required')
      .regex(/^[a-z0-9][a-z0-9-_.]*$/i, 'handle may hold letters, digits, "-", "_" and "." only'),
    title: text(500).min(1, 'title is required'),
    /** HTML allowed; stored as given and as plain text for search. */
    descriptionHtml: text(MAX_FIELD_CHARS).default(''),
    vendor: text(255).default(''),
    /** Category path from general to specific, for example ["Hardware", "Hand tools"]. */
    categoryPath: z.array(text(255).min(1)).max(10).default([]),
    productType: text(255).default(''),
    tags: z.array(text(255).min(1)).max(250).default([]),
    attributes: z.record(z.string(), text(1_000)).default({}),
    images: z.array(text(2_000).min(1)).max(50).default([]),
    status: z.enum(['active', 'draft', 'archived']).default('active'),
    /** The product's id on the shop's platform, when synced from it. */
    platformId: text(100).min(1).nullable().optional(),
    /** Option names in display order, for example ["Size", "Color"]. */
    optionNames: z.array(text(100).min(1)).max(5).default([]),
    variants: z.array(variantRecordSchema).min(1, 'a product needs at least one variant').max(2_000),
    /** The product in other languages, by language code (docs/catalog-format.md, "Translations"). */
    translations: translationsSchema.optional(),
  })
  .superRefine(checkTranslations);
export type ProductRecord = z.infer<typeof productRecordSchema>;

/**
 * Translations are keyed by language codes, and name only options the product has and only values
 * its variants have.
 */
function checkTranslations(
  product: {
    optionNames: string[];
    variants: { options: Record<string, string> }[];
    translations?: Record<string, ProductTranslationRecord>;
  },
  ctx: z.RefinementCtx,
): void {
  const values = new Map<string, Set<string>>(product.optionNames.map((n) => [n, new Set()]));
  for (const v of product.variants) {
    for (const [name, value] of Object.entries(v.options)) values.set(name, (values.get(name) ?? new Set()).add(value));
  }
  for (const [language, t] of Object.entries(product.translations ?? {})) {
    if (!LANGUAGE_CODE.test(language)) {
      const message = `"${language}" is not a language code (such as "fa", "de" or "pt-BR")`;
      ctx.addIssue({ code: 'custom', path: ['translations', language], message });
    }
    for (const [name, option] of Object.entries(t.options ?? {})) {
      const path = ['translations', language, 'options', name];
      const known = values.get(name);
      if (!known) {
        ctx.addIssue({ code: 'custom', path, message: `the product has no option "${name}"` });
        continue;
      }
      for (const value of Object.keys(option.values ?? {}).filter((v) => !known.has(v))) {
        const message = `option "${name}" has no value "${value}"`;
        ctx.addIssue({ code: 'custom', path: [...path, 'values', value], message });
      }
    }
  }
}

/** A postal address, as customers and orders keep it. */
export const addressSchema = z.object({
  name: text(200).optional(),
  line1: text(200).min(1, 'address line 1 is required'),
  line2: text(200).default(''),
  city: text(120).min(1, 'city is required'),
  region: text(120).default(''),
  postalCode: text(20).default(''),
  country: text(100).min(1, 'country is required'),
});
export type Address = z.infer<typeof addressSchema>;

export const PAYMENT_METHOD_KINDS = ['credit_card', 'paypal', 'gift_card', 'other'] as const;

/** A saved way to pay: never a card number, only what identifies it to the shopper. */
export const paymentMethodSchema = z.object({
  id: text(100).min(1),
  kind: z.enum(PAYMENT_METHOD_KINDS),
  brand: text(40).nullable().optional(),
  last4: z
    .string()
    .regex(/^[0-9]{4}$/, 'last4 holds the last four digits only, never a card number')
    .nullable()
    .optional(),
  /** A gift card's balance in minor units. */
  balanceMinor: minor.nullable().optional(),
});
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

export const customerRecordSchema = z.object({
  kind: z.literal('customer').optional(),
  id: text(100).min(1),
  email: z.string().trim().email().max(320),
  firstName: text(100).min(1),
  lastName: text(100).default(''),
  phone: text(40).nullable().optional(),
  city: text(120).nullable().optional(),
  country: text(2).nullable().optional(),
  language: text(10).default('en'),
  tags: z.array(text(100)).default([]),
  acceptsMarketing: z.boolean().default(false),
  createdAt: z.string().datetime({ offset: true }),
  /** The default shipping address. */
  address: addressSchema.nullable().optional(),
  paymentMethods: z.array(paymentMethodSchema).max(20).optional(),
});
export type CustomerRecord = z.infer<typeof customerRecordSchema>;

export const ORDER_STATUSES = [
  'pending',
  'processed',
  'shipped',
  'delivered',
  'cancelled',
  'return_requested',
  'exchange_requested',
  'returned',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Earlier files say `placed` or `paid` for an order not yet fulfilled: that is `pending`. */
const orderStatus = z.preprocess(
  (v) => (v === 'placed' || v === 'paid' ? 'pending' : v),
  z.enum(ORDER_STATUSES, { message: `status must be one of ${ORDER_STATUSES.join(', ')}` }),
);

export const orderPaymentSchema = z.object({
  kind: z.enum(['payment', 'refund']),
  amountMinor: minor,
  paymentMethodId: text(100).min(1),
  at: z.string().datetime({ offset: true }).optional(),
});

export const orderRecordSchema = z.object({
  kind: z.literal('order').optional(),
  id: text(100).min(1),
  customerId: text(100).min(1),
  status: orderStatus,
  placedAt: z.string().datetime({ offset: true }),
  currency: currencySchema,
  shippingMinor: minor.default(0),
  tracking: z
    .object({ carrier: text(100), number: text(100), url: text(2_000).nullable().optional() })
    .nullable()
    .optional(),
  shippedAt: z.string().datetime({ offset: true }).nullable().optional(),
  deliveredAt: z.string().datetime({ offset: true }).nullable().optional(),
  returnedAt: z.string().datetime({ offset: true }).nullable().optional(),
  lines: z
    .array(
      z.object({
        sku: text(120).min(1),
        title: text(500).min(1),
        quantity: z.number().int().min(1).max(1_000),
        unitPriceMinor: minor,
        /** The parcel this line shipped in, when fulfilled line by line. */
        trackingNumber: text(100).nullable().optional(),
      }),
    )
    .min(1),
  shippingAddress: addressSchema.nullable().optional(),
  /** Payments and refunds in order; without any, the total is taken as paid by the customer's first payment method. */
  payments: z.array(orderPaymentSchema).max(50).optional(),
});
export type OrderRecord = z.infer<typeof orderRecordSchema>;

/** A policy document chunk: one heading section of a markdown file. */
export interface PolicyChunkRecord {
  heading: string;
  /** Heading trail, for example ["Returns", "Refund timing"]. */
  path: string[];
  anchor: string;
  text: string;
  position: number;
}

/** A translated chunk: the text of the original's chunk at `position`, in another language. */
export interface PolicyChunkTranslation {
  position: number;
  heading: string;
  path: string[];
  text: string;
}

/** A policy document in another language (`policies/<language>/<slug>.md`), aligned with its original. */
export interface PolicyTranslationRecord {
  language: string;
  title: string;
  source: string;
  chunks: PolicyChunkTranslation[];
}

export interface PolicyDocumentRecord {
  slug: string;
  title: string;
  source: string;
  chunks: PolicyChunkRecord[];
  /** By language; absent or empty when the shop has none. */
  translations?: PolicyTranslationRecord[];
}
