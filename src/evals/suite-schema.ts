import { z } from 'zod';

/** A value or a list of values: `products-include: a` and `products-include: [a, b]` both read. */
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(item).min(1));

/** A bare string stands for an object with that one field (`- hello` is `- user: hello`). */
const shorthand = <T extends z.ZodType>(field: string, full: T) =>
  z.preprocess((v) => (typeof v === 'string' ? { [field]: v } : v), full);

const regex = z
  .string({ error: 'must be text (quote numbers)' })
  .min(1)
  .refine(
    (s) => {
      try {
        new RegExp(s, 'i');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'is not a valid regular expression' },
  );

const cartLine = shorthand(
  'handle',
  z
    .strictObject({
      handle: z.string().min(1).optional(),
      sku: z.string().min(1).optional(),
      quantity: z.number().int().positive().optional(),
      options: z.record(z.string(), z.string()).optional(),
    })
    .refine((l) => l.handle || l.sku, { message: 'a cart line needs a handle or a sku' }),
);

export const CONVERSATION_STATUSES = ['bot', 'queued', 'human'] as const;

/** One check of a turn, in promptfoo's `{type, value}` shape. */
export const assertionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('tool-called'),
    value: shorthand(
      'name',
      z.strictObject({ name: z.string().min(1), args: z.record(z.string(), z.unknown()).optional() }),
    ),
  }),
  z.strictObject({ type: z.literal('tool-not-called'), value: z.string().min(1) }),
  z.strictObject({ type: z.literal('products-include'), value: oneOrMany(z.string().min(1)) }),
  z.strictObject({ type: z.literal('products-all-under'), value: z.number().positive() }),
  z.strictObject({ type: z.literal('cart-has'), value: oneOrMany(cartLine) }),
  z.strictObject({ type: z.literal('cart-lacks'), value: oneOrMany(z.string().min(1)) }),
  z.strictObject({ type: z.literal('text-matches'), value: oneOrMany(regex) }),
  z.strictObject({ type: z.literal('text-lacks'), value: oneOrMany(regex) }),
  z.strictObject({ type: z.literal('status'), value: z.enum(CONVERSATION_STATUSES) }),
  z.strictObject({ type: z.literal('llm-rubric'), value: z.string().min(1) }),
]);
export type Assertion = z.infer<typeof assertionSchema>;
export type CartLineAssertion = z.infer<typeof cartLine>;

const turnSchema = shorthand(
  'user',
  z.strictObject({ user: z.string().min(1), assert: z.array(assertionSchema).default([]) }),
);

const varsSchema = z.strictObject({
  /** The signed-in customer's id; none for an anonymous shopper. */
  customer: z.string().min(1).optional(),
  /** Lines in the cart before the first turn. */
  cart: z
    .array(z.strictObject({ sku: z.string().min(1), quantity: z.number().int().positive().default(1) }))
    .optional(),
});

export const scenarioSchema = z.strictObject({
  description: z.string().min(1),
  /** A failing required scenario makes the run exit non-zero. */
  required: z.boolean().default(false),
  vars: varsSchema.default({}),
  turns: z.array(turnSchema).min(1),
});
export type Scenario = z.infer<typeof scenarioSchema>;

export const suiteSchema = z
  .strictObject({
    description: z.string().min(1),
    /** Defaults every scenario of the file starts from (a scenario's own vars win). */
    vars: varsSchema.optional(),
    scenarios: z.array(scenarioSchema).min(1),
  })
  .superRefine((suite, ctx) => {
    const seen = new Set<string>();
    suite.scenarios.forEach((s, i) => {
      if (seen.has(s.description)) {
        ctx.addIssue({
          code: 'custom',
          path: ['scenarios', i, 'description'],
          message: `duplicate scenario description "${s.description}"`,
        });
      }
      seen.add(s.description);
    });
  });
export type SuiteFile = z.infer<typeof suiteSchema>;

/** A validated suite with the name it is selected by (its file name without `.yaml`). */
export interface Suite {
  name: string;
  file: string;
  description: string;
  scenarios: Scenario[];
}
