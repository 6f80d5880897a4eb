import { AppError } from '../errors.js';

/**
 * A model call that failed after the provider's own retries. `retryable` says whether asking
 * again later may work (timeouts, 429, 5xx) or not (bad request, bad key).
 */
export class ModelError extends AppError {
  readonly retryable: boolean;

  constructor(
    code: string,
    message: string,
    opts: { retryable: boolean; status?: number; cause?: unknown; details?: unknown },
  ) {
    super(code, message, { status: opts.status ?? 502, expose: false, cause: opts.cause, details: opts.details });
    this.name = 'ModelError';
    this.retryable = opts.retryable;
  }
}
