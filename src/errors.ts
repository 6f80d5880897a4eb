/**
 * One error class for the whole app. `code` is `domain:kind`; `status` is the HTTP status;
 * `expose` says whether `message` may reach a user. Everything else becomes `internal:server`.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly expose: boolean;
  readonly details?: unknown;

  constructor(
    code: string,
    message: string,
    opts: { status?: number; expose?: boolean; cause?: unknown; details?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = opts.status ?? 500;
    this.expose = opts.expose ?? this.status < 500;
    this.details = opts.details;
  }
}

export class ValidationError extends AppError {
  constructor(code: string, message: string, opts: { cause?: unknown; details?: unknown } = {}) {
    super(code, message, { status: 400, expose: true, ...opts });
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends AppError {
  constructor(code: string, message: string, opts: { cause?: unknown } = {}) {
    super(code, message, { status: 404, expose: true, ...opts });
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, opts: { cause?: unknown; details?: unknown } = {}) {
    super(code, message, { status: 409, expose: true, ...opts });
    this.name = 'ConflictError';
  }
}

export class AuthError extends AppError {
  constructor(code: string, message: string, opts: { status?: 401 | 403; cause?: unknown } = {}) {
    super(code, message, { status: opts.status ?? 401, expose: true, cause: opts.cause });
    this.name = 'AuthError';
  }
}

export class RateLimitError extends AppError {
  constructor(
    message = 'Slow down: too many requests. Try again in a moment.',
    opts: { retryAfterSeconds?: number } = {},
  ) {
    super('limits:rate_limited', message, {
      status: 429,
      expose: true,
      details: { retryAfterSeconds: opts.retryAfterSeconds },
    });
    this.name = 'RateLimitError';
  }

  get retryAfterSeconds(): number {
    return (this.details as { retryAfterSeconds?: number }).retryAfterSeconds ?? 60;
  }
}

/** The shape an error takes when it reaches a client (HTTP body or socket ack). */
export function toPublicError(err: unknown): { code: string; message: string; details?: unknown } {
  if (err instanceof AppError && err.expose) {
    return err.details === undefined
      ? { code: err.code, message: err.message }
      : { code: err.code, message: err.message, details: err.details };
  }
  return { code: 'internal:server', message: 'Something went wrong on our side.' };
}
