/**
 * The reply templates' minimal ICU-like syntax: `{name}` is a placeholder, and
 * `{n, plural, one {# item} other {# items}}` picks a branch by the language's plural category of
 * `n` (zero, one, two, few, many, other, or an exact `=N`), `#` standing for `n` itself.
 */

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'var'; name: string }
  | { kind: 'hash' }
  | { kind: 'plural'; name: string; branches: Record<string, TemplatePart[]> };

const PLURAL_CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

export class TemplateSyntaxError extends Error {}

/** The index of the `}` closing the `{` at `open`. */
function closing(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if (src[i] === '{') depth++;
    else if (src[i] === '}' && --depth === 0) return i;
  }
  throw new TemplateSyntaxError(`unclosed "{" at ${open}`);
}

/** `one {# item} other {# items}` as branch name → body. */
function parseBranches(src: string, inPlural: boolean): Record<string, TemplatePart[]> {
  const branches: Record<string, TemplatePart[]> = {};
  let rest = src.trim();
  while (rest) {
    const m = /^(=\d+|[a-z]+)\s*\{/.exec(rest);
    if (!m) throw new TemplateSyntaxError(`bad plural branch near "${rest.slice(0, 20)}"`);
    if (!m[1].startsWith('=') && !PLURAL_CATEGORIES.has(m[1]))
      throw new TemplateSyntaxError(`unknown plural category "${m[1]}"`);
    const open = m[0].length - 1;
    const end = closing(rest, open);
    branches[m[1]] = parseTemplate(rest.slice(open + 1, end), inPlural);
    rest = rest.slice(end + 1).trim();
  }
  if (!branches.other) throw new TemplateSyntaxError('a plural needs an "other" branch');
  return branches;
}

/** One `{…}` argument: a placeholder or a plural. */
function parseArgument(body: string): TemplatePart {
  const m = /^\s*([A-Za-z]\w*)\s*(?:,\s*plural\s*,([\s\S]*))?$/.exec(body);
  if (!m) throw new TemplateSyntaxError(`bad placeholder "{${body}}"`);
  if (m[2] === undefined) return { kind: 'var', name: m[1] };
  return { kind: 'plural', name: m[1], branches: parseBranches(m[2], true) };
}

/** Parses a template; throws `TemplateSyntaxError` on an unclosed brace or a malformed plural. */
export function parseTemplate(src: string, inPlural = false): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  const flush = () => {
    if (text) parts.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '}') throw new TemplateSyntaxError(`unmatched "}" at ${i}`);
    if (c === '#' && inPlural) {
      flush();
      parts.push({ kind: 'hash' });
    } else if (c === '{') {
      flush();
      const end = closing(src, i);
      parts.push(parseArgument(src.slice(i + 1, end)));
      i = end;
    } else text += c;
  }
  flush();
  return parts;
}

/** The placeholder names a parsed template uses, plurals' own and those inside their branches. */
export function placeholdersOf(parts: TemplatePart[], out = new Set<string>()): Set<string> {
  for (const p of parts) {
    if (p.kind === 'var') out.add(p.name);
    if (p.kind !== 'plural') continue;
    out.add(p.name);
    for (const branch of Object.values(p.branches)) placeholdersOf(branch, out);
  }
  return out;
}

export interface RenderHooks {
  /** A placeholder's value as text. */
  value: (name: string) => string;
  /** The number a plural is chosen by, and how `#` prints it. */
  count: (name: string) => number;
  formatCount: (n: number) => string;
  category: (n: number) => string;
}

/** A parsed template with its placeholders filled in. */
export function renderTemplate(parts: TemplatePart[], hooks: RenderHooks, hash = ''): string {
  let out = '';
  for (const p of parts) {
    if (p.kind === 'text') out += p.text;
    else if (p.kind === 'hash') out += hash;
    else if (p.kind === 'var') out += hooks.value(p.name);
    else {
      const n = hooks.count(p.name);
      const branch = p.branches[`=${n}`] ?? p.branches[hooks.category(n)] ?? p.branches.other;
      out += renderTemplate(branch, hooks, hooks.formatCount(n));
    }
  }
  return out;
}
