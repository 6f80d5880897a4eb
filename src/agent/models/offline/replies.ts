import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Money } from '../../../catalog/types.js';
import { AppError } from '../../../errors.js';
import type englishReplies from './lang/en/replies.json';
import { createReplyFormats, type ReplyFormats } from './reply-formats.js';
import { parseTemplate, placeholdersOf, renderTemplate, type TemplatePart } from './reply-template.js';

/**
 * The offline model's own sentences, one file a language (`lang/<code>/replies.json`): templates
 * grouped by area, with named placeholders and plurals (see reply-template.ts). English is the
 * reference: every other language must have exactly its keys, each with the same placeholders.
 */

const LANG_DIR = path.join(import.meta.dirname, 'lang');

/** Dotted paths to the templates of a nested reply file: "search.found". */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type ReplyKey = Leaves<typeof englishReplies>;
export type ReplyValue = string | number | Money | readonly string[];
export type ReplyVars = Record<string, ReplyValue>;

/** Says one of the language's sentences, filled in; its formats print values outside a template. */
export interface Say {
  (key: ReplyKey, vars?: ReplyVars): string;
  language: string;
  list: ReplyFormats['list'];
  money: ReplyFormats['money'];
  /** "a and b and c": each item joined to the next with the language's "and" (`list.eachAnd`). */
  eachAnd: (items: readonly string[]) => string;
}

interface ReplyTree {
  [key: string]: string | ReplyTree;
}
const treeSchema: z.ZodType<ReplyTree> = z.lazy(() => z.record(z.string(), z.union([z.string(), treeSchema])));

type Compiled = Map<string, { parts: TemplatePart[]; names: Set<string> }>;

function flatten(tree: ReplyTree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else flatten(v, `${prefix}${k}.`, out);
  }
  return out;
}

const sameNames = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
const listNames = (s: Set<string>) => [...s].map((x) => `{${x}}`).join(' ') || 'none';

/** Parsed templates, checked against the reference language's keys and placeholders. */
function compile(raw: unknown, where: string, reference?: Compiled): Compiled {
  const parsed = treeSchema.safeParse(raw);
  if (!parsed.success) throw repliesError(where, [z.prettifyError(parsed.error)]);
  const problems: string[] = [];
  const out: Compiled = new Map();
  for (const [key, src] of flatten(parsed.data)) {
    try {
      const parts = parseTemplate(src);
      out.set(key, { parts, names: placeholdersOf(parts) });
    } catch (err) {
      problems.push(`"${key}": ${(err as Error).message}`);
    }
  }
  for (const [key, ref] of reference ?? []) {
    const mine = out.get(key);
    if (!mine) problems.push(`missing key "${key}"`);
    else if (!sameNames(mine.names, ref.names))
      problems.push(`"${key}" has placeholders ${listNames(mine.names)}, English has ${listNames(ref.names)}`);
  }
  for (const key of out.keys()) if (reference && !reference.has(key)) problems.push(`unknown key "${key}"`);
  if (problems.length) throw repliesError(where, problems);
  return out;
}

function repliesError(where: string, problems: string[]) {
  return new AppError('offline:replies', `${where}: ${problems.join('; ')}`, { status: 500 });
}

const isMoney = (v: ReplyValue): v is Money => typeof v === 'object' && 'formatted' in v;

function sayWith(templates: Compiled, formats: ReplyFormats): Say {
  const print = (v: ReplyValue) =>
    typeof v === 'string'
      ? v
      : typeof v === 'number'
        ? formats.number(v)
        : isMoney(v)
          ? formats.money(v)
          : formats.list(v);
  const say = (key: ReplyKey, vars: ReplyVars = {}) => {
    const template = templates.get(key);
    if (!template) throw new Error(`no reply "${key}"`);
    const arg = (name: string) => {
      if (vars[name] === undefined) throw new Error(`reply "${key}" needs {${name}}`);
      return vars[name];
    };
    const text = renderTemplate(template.parts, {
      value: (name) => print(arg(name)),
      count: (name) => Number(arg(name)),
      formatCount: formats.number,
      category: formats.plural,
    });
    // A value the data leaves empty (an order's carrier) leaves no double space behind.
    return text.replace(/(\S) {2,}(?=\S)/g, '$1 ');
  };
  const eachAnd = (items: readonly string[]) =>
    items.length ? items.reduce((a, b) => say('list.eachAnd', { a, b })) : '';
  return Object.assign(say, { language: formats.language, list: formats.list, money: formats.money, eachAnd });
}

/** Checks a language's reply file (already read) against English; throws naming every problem. */
export function compileReplies(code: string, raw: unknown): Say {
  const reference = code === 'en' ? undefined : englishTemplates();
  return sayWith(compile(raw, `lang/${code}/replies.json`, reference), createReplyFormats(code));
}

const readJson = (code: string): unknown => JSON.parse(readFileSync(path.join(LANG_DIR, code, 'replies.json'), 'utf8'));

let english: Compiled | undefined;
const englishTemplates = () => (english ??= compile(readJson('en'), 'lang/en/replies.json'));

const cache = new Map<string, Say>();

/** The offline model's sentences in one language, checked at load (a missing key fails here, not mid-chat). */
export function loadReplies(code = 'en'): Say {
  const cached = cache.get(code);
  if (cached) return cached;
  const say = compileReplies(code, readJson(code));
  cache.set(code, say);
  return say;
}
