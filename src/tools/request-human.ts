import { z } from 'zod';
import { RateLimitError } from '../errors.js';
import { describeWait } from '../shared/describe-wait.js';
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
      const req = { reason: input.reason, urgency: input.urgency, source: 'assistant' as const };
      let queuePosition: number;
      try {
        ({ queuePosition } = await deps.humans.request(ctx.conversationId, req, { clientIp: ctx.clientIp ?? null }));
      } catch (err) {
        if (!(err instanceof RateLimitError)) throw err;
        const retryAfterSeconds = err.retryAfterSeconds;
        return {
          requested: false,
          refused: 'rate_limited',
          retryAfterSeconds,
          message:
            `Our team has had too many requests from your network just now, so I could not add you to the queue. ` +
            `Please try again in ${describeWait(retryAfterSeconds)}; meanwhile I'm happy to help here.`,
        };
      }
      return {
        requested: true,
        reason: input.reason,
        urgency: input.urgency,
        message: `A member of our team has been asked to join (position ${queuePosition} in the queue).`,
      };
    },
  });
