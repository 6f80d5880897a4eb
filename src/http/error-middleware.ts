import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, toPublicError } from '../errors.js';
import type { Logger } from '../logger.js';

/** The only place HTTP errors become responses. Unexposed errors are logged and answered generically. */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let e: unknown = err;
    if (err && typeof err === 'object' && 'type' in err && (err as { type: string }).type === 'entity.too.large') {
      e = new AppError('http:payload_too_large', 'The request body is too large.', { status: 413, expose: true });
    } else if (err instanceof SyntaxError && 'body' in err) {
      e = new AppError('http:bad_json', 'The request body is not valid JSON.', { status: 400, expose: true });
    }
    const status = e instanceof AppError ? e.status : 500;
    if (status >= 500) {
      const requestId: unknown = res.locals.requestId;
      logger.error('request failed', { requestId, method: req.method, path: req.path, err: e });
    }
    const retry = e instanceof AppError && (e.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retry) res.setHeader('Retry-After', String(retry));
    res.status(status).json({ error: toPublicError(e) });
  };
}

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: 'http:not_found', message: `No route for ${req.method} ${req.path}` } });
};
