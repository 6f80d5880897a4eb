import { z } from 'zod';
import { defineTool } from './define-tool.js';
import type { HumanRequestResult } from './results.js';
import type { ToolDeps } from './tool-deps.js';

export const requestHuman = (deps: ToolDeps) =>
  defineTool({
    name: 'request_human',
    description:
      'Hand the conversation to a human support agent: when the shopper asks for a person, is upset, or you cannot help.',
    input: z.object({
      reason: z.string().trim().min(1).max(500),
      urgency: z.enum(['low', 'normal', 'high']).default('normal'),
    }),
    async run(input, ctx): Promise<HumanRequestResult> {
      const { queuePosition } = await deps.humans.request(ctx.conversationId, {
        reason: input.reason,
        urgency: input.urgency,
        source: 'assistant',
      });
      return {
        requested: true,
        reason: input.reason,
        urgency: input.urgency,
        message: `A member of our team has been asked to join (position ${queuePosition} in the queue).`,
      };
    },
  });
