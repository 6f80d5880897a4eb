import type { z } from 'zod';
import { ValidationError } from '../errors.js';

/** Parses a query string or body with a strict zod schema; a bad or unknown parameter is a 400 naming it. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'parameter'): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const name =
    issue.code === 'unrecognized_keys'
      ? issue.keys.join(', ')
      : issue.path.length > 0
        ? issue.path.join('.')
        : '(input)';
  const message = issue.code === 'unrecognized_keys' ? `unknown ${what}` : issue.message;
  throw new ValidationError('http:bad_request', `Bad ${what} "${name}": ${message}`, {
    details: { issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
  });
}
