import { AppError } from '../../errors.js';
import { parseTemplate, type TemplateNode } from './prompt-template.js';

/** The variables every prompt file may use, as `{name}`; write a literal brace as `{{` or `}}`. */
export const PROMPT_VARIABLES = [
  'shop_name',
  'customer_first_name',
  'today',
  'currency',
  'language_name',
  'catalog_language_name',
] as const;
export type PromptVariable = (typeof PROMPT_VARIABLES)[number];

/**
 * Variables that may be empty (an anonymous shopper has no first name): a prompt uses them only
 * inside their own section, `{#customer_first_name}…{/customer_first_name}`, and says what to do
 * without them in `{^customer_first_name}…{/customer_first_name}`.
 */
export const OPTIONAL_VARIABLES: readonly PromptVariable[] = ['customer_first_name'];

export interface PromptVars {
  shop_name: string;
  /** Empty or absent for an anonymous shopper. */
  customer_first_name?: string | null;
  /** ISO date; defaults to today (UTC). */
  today?: string;
  /** ISO 4217, e.g. EUR. */
  currency: string;
  /** The conversation's language in English ("Persian"); English when absent. */
  language_name?: string;
  /** The catalog's language (SHOP_LANGUAGE) in English, for search queries; English when absent. */
  catalog_language_name?: string;
}

export interface CompiledPrompt {
  /** File name without `.md`, e.g. `answer-rules`. */
  name: string;
  nodes: TemplateNode[];
}

const NAME_MAX = 40;

/** What is wrong with a prompt template (unknown variable, unbalanced section, stray brace), or null. */
export function templateProblem(raw: string): string | null {
  const parsed = parseTemplate(raw, { known: PROMPT_VARIABLES, optional: OPTIONAL_VARIABLES });
  return parsed.ok ? null : parsed.problem;
}

/** Parses one template; a broken one throws `prompts:invalid` naming the file. */
export function compilePrompt(name: string, file: string, raw: string): CompiledPrompt {
  const parsed = parseTemplate(raw, { known: PROMPT_VARIABLES, optional: OPTIONAL_VARIABLES });
  if (!parsed.ok) throw new AppError('prompts:invalid', `${file}: ${parsed.problem}`);
  return { name, nodes: parsed.nodes };
}

/** Renders the prompts in order into one system message. */
export function renderPrompts(prompts: readonly CompiledPrompt[], vars: PromptVars): string {
  const values = promptValues(vars);
  return prompts.map((p) => tidy(renderNodes(p.nodes, values))).join('\n\n');
}

function renderNodes(nodes: readonly TemplateNode[], values: Record<PromptVariable, string>): string {
  let out = '';
  for (const n of nodes) {
    if (n.kind === 'text') out += n.text;
    else if (n.kind === 'variable') out += values[n.name as PromptVariable];
    else if (Boolean(values[n.name as PromptVariable]) !== n.inverted) out += renderNodes(n.children, values);
  }
  return out;
}

/** A section left out can leave trailing blanks or an extra blank line behind. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function promptValues(vars: PromptVars): Record<PromptVariable, string> {
  if (!vars.shop_name || !vars.currency) {
    throw new AppError('prompts:vars', 'Rendering the prompt needs shop_name and currency.');
  }
  return {
    shop_name: vars.shop_name,
    // The name is shopper-controlled: one line, short.
    customer_first_name: oneLine(vars.customer_first_name ?? '').slice(0, NAME_MAX),
    today: vars.today ?? new Date().toISOString().slice(0, 10),
    currency: vars.currency,
    language_name: oneLine(vars.language_name ?? '') || 'English',
    catalog_language_name: oneLine(vars.catalog_language_name ?? '') || 'English',
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
