import type { z } from 'zod';
import { toPublicError, ValidationError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Ack } from './ack.js';

/**
 * Wraps a socket event handler: parses the payload with its zod schema, runs the handler and
 * always answers the ack with `{ok:true,data}` or `{ok:false,error}`. A malformed event is
 * refused with an error ack; the connection and the conversation carry on.
 */
export function handleEvent<S extends z.ZodType, T>(
  logger: Logger,
  schema: S,
  run: (input: z.infer<S>) => Promise<T>,
): (payload: unknown, ack?: unknown) => void {
  return (payload, ack) => {
    const reply = typeof ack === 'function' ? (ack as (r: Ack<T>) => void) : () => undefined;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue.path.length > 0 ? `"${issue.path.join('.')}": ` : '';
      reply({
        ok: false,
        error: toPublicError(new ValidationError('socket:bad_payload', `Bad event payload: ${where}${issue.message}`)),
      });
      return;
    }
    run(parsed.data).then(
      (data) => reply({ ok: true, data }),
      (err: unknown) => {
        const e = toPublicError(err);
        if (e.code === 'internal:server') logger.error('socket event failed', { err });
        reply({ ok: false, error: e });
      },
    );
  };
}
