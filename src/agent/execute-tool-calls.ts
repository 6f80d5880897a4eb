import { toModelContent } from './model-view.js';
import type { z } from 'zod';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AnyTool, ToolContext } from '../tools/define-tool.js';
import type { ToolCall } from './model.js';

export type ToolErrorCode = 'tool:bad_arguments' | 'tool:unknown' | 'tool:failed' | 'tool:aborted';

/** What one tool call produced; `content` is the JSON the model reads in the tool message. */
export interface ToolOutcome {
  call: ToolCall;
  result: unknown;
  isError: boolean;
  content: string;
}

export interface ExecuteToolCallsDeps {
  tools: ReadonlyMap<string, AnyTool>;
  ctx: ToolContext;
  logger: Pick<Logger, 'error'>;
  signal?: AbortSignal;
}

/**
 * Runs one step's tool calls in parallel. Never throws: a bad call becomes an error result the
 * model can read and recover from. Outcomes keep the order of `calls`.
 */
export function executeToolCalls(calls: readonly ToolCall[], deps: ExecuteToolCallsDeps): Promise<ToolOutcome[]> {
  return Promise.all(calls.map((call) => executeToolCall(call, deps)));
}

async function executeToolCall(call: ToolCall, deps: ExecuteToolCallsDeps): Promise<ToolOutcome> {
  const tool = deps.tools.get(call.name);
  if (!tool) {
    const known = [...deps.tools.keys()].join(', ');
    return errorOutcome(call, 'tool:unknown', `There is no tool named "${call.name}". Available tools: ${known}.`);
  }
  const args = parseJson(call.arguments);
  if (!args.ok) {
    return errorOutcome(
      call,
      'tool:bad_arguments',
      `The arguments are not valid JSON (${args.reason}). Send one JSON object.`,
    );
  }
  const input = tool.input.safeParse(args.value);
  if (!input.success) {
    return errorOutcome(
      call,
      'tool:bad_arguments',
      `Invalid arguments for ${call.name}: ${formatIssues(input.error.issues)}.`,
    );
  }
  const signal = deps.signal ?? deps.ctx.signal;
  try {
    const result = await abortable(tool.run(input.data, { ...deps.ctx, signal }), signal);
    return { call, result, isError: false, content: toModelContent(result) };
  } catch (err) {
    if (signal?.aborted)
      return errorOutcome(call, 'tool:aborted', 'The shopper stopped this turn before the tool finished.');
    const exposed = err instanceof AppError && err.expose;
    if (!exposed) deps.logger.error('tool failed', { err, tool: call.name, callId: call.id });
    const message = exposed
      ? err.message
      : `The ${call.name} tool failed unexpectedly. Try something else or tell the shopper it is unavailable right now.`;
    return errorOutcome(call, 'tool:failed', message);
  }
}

function errorOutcome(call: ToolCall, code: ToolErrorCode, message: string): ToolOutcome {
  const result = { error: { code, message } };
  return { call, result, isError: true, content: JSON.stringify(result) };
}

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  // Models send "" for tools without parameters.
  if (raw.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch (err) {
    return { ok: false, reason: err instanceof SyntaxError ? err.message : 'unparseable' };
  }
}

/** e.g. `query: Too small: expected string to have >=1 characters; limit: Expected number`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(input)'}: ${issue.message}`)
    .join('; ');
}

/** Stops waiting for `work` once `signal` aborts; the tool itself also sees the signal via ctx. */
function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  work.catch(() => {}); // a late rejection after we stopped waiting must not go unhandled
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
