import { PromptTemplate, renderTemplate } from '@langchain/core/prompts';
import { AppError } from '../../errors.js';

/** The variables every prompt file may use, as `{name}`; write a literal brace as `{{` or `}}`. */
export const PROMPT_VARIABLES = ['shop_name', 'customer_first_name', 'today', 'currency'] as const;
export type PromptVariable = (typeof PROMPT_VARIABLES)[number];

export interface PromptVars {
  shop_name: string;
  /** Defaults to "there" (anonymous shopper). */
  customer_first_name?: string | null;
  /** ISO date; defaults to today (UTC). */
  today?: string;
  /** ISO 4217, e.g. EUR. */
  currency: string;
}

export interface CompiledPrompt {
  /** File name without `.md`, e.g. `answer-rules`. */
  name: string;
  template: PromptTemplate;
}

const KNOWN = new Set<string>(PROMPT_VARIABLES);
const NAME_MAX = 40;

/** Parses one f-string template; an unknown variable or unbalanced brace throws `prompts:invalid` naming the file. */
export function compilePrompt(name: string, file: string, raw: string): CompiledPrompt {
  let template: PromptTemplate;
  try {
    template = PromptTemplate.fromTemplate(raw, { templateFormat: 'f-string' });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new AppError('prompts:invalid', `${file}: ${reason} (write a literal brace as {{ or }})`, { cause });
  }
  const unknown = template.inputVariables.filter((v) => !KNOWN.has(v));
  if (unknown.length > 0) {
    const list = unknown.map((v) => `{${v}}`).join(', ');
    throw new AppError(
      'prompts:invalid',
      `${file}: unknown variable ${list}; allowed: ${PROMPT_VARIABLES.map((v) => `{${v}}`).join(', ')}`,
    );
  }
  return { name, template };
}

/** Renders the prompts in order into one system message. Synchronous: same renderer PromptTemplate uses. */
export function renderPrompts(prompts: readonly CompiledPrompt[], vars: PromptVars): string {
  const values = promptValues(vars);
  return prompts.map((p) => renderTemplate(p.template.template as string, 'f-string', values).trim()).join('\n\n');
}

function promptValues(vars: PromptVars): Record<PromptVariable, string> {
  if (!vars.shop_name || !vars.currency) {
    throw new AppError('prompts:vars', 'Rendering the prompt needs shop_name and currency.');
  }
  return {
    shop_name: vars.shop_name,
    // The name is shopper-controlled: one line, short.
    customer_first_name: oneLine(vars.customer_first_name ?? '').slice(0, NAME_MAX) || 'there',
    today: vars.today ?? new Date().toISOString().slice(0, 10),
    currency: vars.currency,
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
