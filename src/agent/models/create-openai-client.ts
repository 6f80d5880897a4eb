import OpenAI from 'openai';
import { AppError } from '../../errors.js';

export interface OpenAIClientOptions {
  /** Omit for local OpenAI-compatible servers (Ollama, vLLM, llama.cpp) that need none. */
  apiKey?: string;
  /** e.g. `http://localhost:11434/v1`; omit for api.openai.com. */
  baseURL?: string;
  /** Time allowed until response headers arrive, per attempt. */
  timeoutMs: number;
  /**
   * The SDK retries connection errors, timeouts, 408/409/429 and 5xx with backoff, honouring
   * `retry-after`. This is the one retry layer: nothing above the provider retries a model call.
   */
  maxRetries: number;
}

const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/**
 * Builds the OpenAI SDK client from explicit config. Every option the SDK would otherwise read
 * from the environment is passed, so config.ts stays the only reader of the environment.
 */
export function createOpenAIClient(opts: OpenAIClientOptions): OpenAI {
  if (!opts.apiKey && !opts.baseURL) {
    throw new AppError(
      'config:invalid',
      'An OpenAI API key is required unless a baseURL of a local OpenAI-compatible server is set.',
    );
  }
  return new OpenAI({
    // The SDK refuses to start without a key; local servers ignore the header.
    apiKey: opts.apiKey || 'not-needed',
    baseURL: opts.baseURL || OPENAI_BASE_URL,
    organization: null,
    project: null,
    timeout: opts.timeoutMs,
    maxRetries: opts.maxRetries,
  });
}
