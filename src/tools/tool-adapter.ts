import { z } from 'zod';
import type { ChatCompletionFunctionTool } from 'openai/resources/chat/completions';
import type { ToolSpec } from './tool-spec.js';
import { AppError } from '../errors.js';
import type { AnyTool } from './define-tool.js';

/**
 * The one place that knows vendor tool shapes: ToolDefinition → provider-neutral ToolSpec
 * (JSON Schema) → OpenAI `tools` entries.
 */

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
/** zod's "any safe integer" bounds: noise the model does not need. */
const SAFE_INT_BOUNDS = new Set([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]);
const DROPPED_KEYS = new Set(['$schema', '$id', '~standard']);

/**
 * Each tool's JSON Schema, made once: a definition does not change, and converting its zod schema
 * on every model call cost more than a tenth of a turn's CPU. Frozen, since every caller shares it.
 */
const parametersOf = new WeakMap<AnyTool, Record<string, unknown>>();

/** Turns tool definitions into JSON-Schema tool specs; throws `tools:invalid` on a bad name or schema. */
export function toToolSpecs(tools: readonly AnyTool[]): ToolSpec[] {
  const seen = new Set<string>();
  return tools.map((tool) => {
    if (!TOOL_NAME.test(tool.name)) {
      throw new AppError('tools:invalid', `Tool name "${tool.name}" must match ${TOOL_NAME}.`);
    }
    if (seen.has(tool.name)) throw new AppError('tools:invalid', `Tool "${tool.name}" is defined twice.`);
    seen.add(tool.name);
    let parameters = parametersOf.get(tool);
    if (!parameters) {
      parameters = deepFreeze(toParameters(tool));
      parametersOf.set(tool, parameters);
    }
    return { name: tool.name, description: tool.description, parameters };
  });
}

/** ToolSpecs in the shape of the OpenAI chat-completions `tools` parameter. */
export function toOpenAITools(specs: readonly ToolSpec[]): ChatCompletionFunctionTool[] {
  return specs.map((spec) => ({
    type: 'function',
    function: { name: spec.name, description: spec.description, parameters: spec.parameters },
  }));
}

function toParameters(tool: AnyTool): Record<string, unknown> {
  let schema: unknown;
  try {
    // 'input': the model writes the input, so fields with defaults are optional.
    schema = z.toJSONSchema(tool.input, { io: 'input', unrepresentable: 'any' });
  } catch (cause) {
    throw new AppError('tools:invalid', `Tool "${tool.name}": input schema cannot be expressed as JSON Schema.`, {
      cause,
    });
  }
  const cleaned = cleanSchema(schema) as Record<string, unknown>;
  if (cleaned.type !== 'object') {
    throw new AppError('tools:invalid', `Tool "${tool.name}": input must be a z.object(...).`);
  }
  cleaned.properties ??= {};
  return cleaned;
}

/** Strips what function-calling APIs reject or do not need, recursively. */
export function cleanSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(cleanSchema);
  if (!isObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    // Keys under `properties` and `$defs` are field names, not keywords.
    if ((key === 'properties' || key === '$defs') && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, cleanSchema(schema)]));
      continue;
    }
    if (DROPPED_KEYS.has(key)) continue;
    if ((key === 'minimum' || key === 'maximum') && typeof value === 'number' && SAFE_INT_BOUNDS.has(value)) continue;
    // Several OpenAI-compatible servers reject `propertyNames`; zod still checks the keys.
    if (key === 'propertyNames') continue;
    // `anyOf` is accepted everywhere (OpenAI strict mode has no `oneOf`).
    if (key === 'oneOf') {
      out.anyOf = cleanSchema(value);
      continue;
    }
    out[key] = cleanSchema(value);
  }
  return out;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
