import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool } from '../../src/tools/define-tool.js';
import { toOpenAITools, toToolSpecs } from '../../src/tools/tool-adapter.js';

const run = async () => ({});

describe('tool adapter', () => {
  it('turns a zod input into a clean JSON Schema the model can fill in', () => {
    const tool = defineTool({
      name: 'search_products',
      description: 'Find products.',
      input: z.object({
        query: z.string().min(1).describe('What the shopper wants.'),
        limit: z.number().int().default(5),
        options: z.record(z.string(), z.string()).optional(),
        filter: z
          .discriminatedUnion('kind', [
            z.object({ kind: z.literal('tag'), tag: z.string() }),
            z.object({ kind: z.literal('vendor'), vendor: z.string() }),
          ])
          .optional(),
      }),
      run,
    });

    const [spec] = toToolSpecs([tool]);

    expect(spec).toEqual({
      name: 'search_products',
      description: 'Find products.',
      parameters: {
        type: 'object',
        properties: {
          query: { type: 'string', minLength: 1, description: 'What the shopper wants.' },
          limit: { type: 'integer', default: 5 },
          options: { type: 'object', additionalProperties: { type: 'string' } },
          filter: {
            anyOf: [
              {
                type: 'object',
                properties: { kind: { type: 'string', const: 'tag' }, tag: { type: 'string' } },
                required: ['kind', 'tag'],
              },
              {
                type: 'object',
                properties: { kind: { type: 'string', const: 'vendor' }, vendor: { type: 'string' } },
                required: ['kind', 'vendor'],
              },
            ],
          },
        },
        required: ['query'],
      },
    });
  });

  it('gives a tool without parameters an empty object schema and wraps specs in the OpenAI function shape', () => {
    const specs = toToolSpecs([defineTool({ name: 'get_cart', description: 'The cart.', input: z.object({}), run })]);

    expect(toOpenAITools(specs)).toEqual([
      {
        type: 'function',
        function: { name: 'get_cart', description: 'The cart.', parameters: { type: 'object', properties: {} } },
      },
    ]);
  });

  it('rejects names the API would refuse, duplicates and non-object inputs', () => {
    expect(() =>
      toToolSpecs([defineTool({ name: 'find products', description: '', input: z.object({}), run })]),
    ).toThrow(/must match/);
    const a = defineTool({ name: 'a', description: '', input: z.object({}), run });
    expect(() => toToolSpecs([a, a])).toThrow(/defined twice/);
    expect(() => toToolSpecs([defineTool({ name: 'b', description: '', input: z.string(), run })])).toThrow(
      /z\.object/,
    );
  });
});
