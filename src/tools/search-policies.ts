import { z } from 'zod';
import { defineTool } from './define-tool.js';
import type { SearchPoliciesResult } from './results.js';
import type { ToolDeps } from './tool-deps.js';

export const searchPolicies = (deps: ToolDeps) =>
  defineTool({
    name: 'search_policies',
    readOnly: true,
    description:
      'Search the shop policies (shipping, returns, warranty, payment, sizing, privacy, care). Cite the source title in the answer.',
    input: z.object({ query: z.string().trim().min(1).max(300) }),
    async run(input, ctx): Promise<SearchPoliciesResult> {
      const hits = await deps.policies.search(input.query, { limit: 5, signal: ctx.signal, language: ctx.language });
      return {
        chunks: hits.map((h) => ({
          source: h.source,
          title: h.title,
          heading: h.heading,
          anchor: h.anchor,
          text: h.text,
          ...(h.original ? { language: h.language, original: h.original } : {}),
        })),
      };
    },
  });
