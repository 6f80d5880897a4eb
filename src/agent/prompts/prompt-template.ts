/**
 * The prompt template language: `{name}` is a variable, `{#name}…{/name}` a section shown when the
 * variable is set, `{^name}…{/name}` one shown when it is empty; `{{` and `}}` are literal braces.
 */
export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'variable'; name: string }
  | { kind: 'section'; name: string; inverted: boolean; children: TemplateNode[] };

export type ParsedTemplate = { ok: true; nodes: TemplateNode[] } | { ok: false; problem: string };

interface Rules {
  known: readonly string[];
  /** Variables that may be empty: used only inside their own `{#name}` section. */
  optional: readonly string[];
}

interface Frame {
  nodes: TemplateNode[];
  /** The open section, with the line it opened on; none at the top level. */
  open?: { name: string; inverted: boolean; line: number };
}

const TAG = /^([#^/]?)([a-z_][a-z0-9_]*)$/;

class TemplateProblem extends Error {}

/** Parses a template and checks it against the rules; the problem says what is wrong and where. */
export function parseTemplate(raw: string, rules: Rules): ParsedTemplate {
  try {
    return { ok: true, nodes: parse(raw, rules) };
  } catch (err) {
    if (err instanceof TemplateProblem) return { ok: false, problem: err.message };
    throw err;
  }
}

function parse(raw: string, rules: Rules): TemplateNode[] {
  const stack: Frame[] = [{ nodes: [] }];
  let text = '';
  let i = 0;
  const flush = () => {
    if (text) stack[stack.length - 1].nodes.push({ kind: 'text', text });
    text = '';
  };
  while (i < raw.length) {
    const c = raw[i];
    if ((c === '{' || c === '}') && raw[i + 1] === c) {
      text += c;
      i += 2;
      continue;
    }
    if (c === '}') fail(raw, i, "a single '}' (write a literal brace as }})");
    if (c !== '{') {
      text += c;
      i += 1;
      continue;
    }
    const start = i;
    const end = raw.indexOf('}', i);
    const inner = end < 0 ? null : raw.slice(i + 1, end).trim();
    const tag = inner === null ? null : TAG.exec(inner);
    if (!tag)
      fail(
        raw,
        i,
        "an unclosed '{' or a tag that is not {name}, {#name}, {^name} or {/name} (write a literal brace as {{)",
      );
    flush();
    handleTag(stack, tag[1], tag[2], { raw, at: i, rules });
    i = end + 1;
    // A section tag alone on its line takes the line with it (as in Mustache).
    if (tag[1] && startsLine(raw, start) && raw[i] === '\n') i += 1;
  }
  flush();
  const open = stack[stack.length - 1].open;
  if (open)
    throw new TemplateProblem(
      `section {${open.inverted ? '^' : '#'}${open.name}} on line ${open.line} is never closed with {/${open.name}}`,
    );
  return stack[0].nodes;
}

function handleTag(stack: Frame[], sigil: string, name: string, where: { raw: string; at: number; rules: Rules }) {
  const { raw, at, rules } = where;
  if (!rules.known.includes(name)) {
    const allowed = rules.known.map((v) => `{${v}}`).join(', ');
    fail(raw, at, `unknown variable {${name}}; allowed: ${allowed}`);
  }
  if (sigil === '/') return closeSection(stack, name, raw, at);
  if (sigil) {
    stack.push({ nodes: [], open: { name, inverted: sigil === '^', line: lineOf(raw, at) } });
    return;
  }
  const inOwnSection = stack.some((f) => f.open?.name === name && !f.open.inverted);
  if (rules.optional.includes(name) && !inOwnSection) {
    fail(raw, at, `{${name}} can be empty (an anonymous shopper): use it inside {#${name}}…{/${name}}`);
  }
  stack[stack.length - 1].nodes.push({ kind: 'variable', name });
}

function closeSection(stack: Frame[], name: string, raw: string, at: number) {
  const frame = stack[stack.length - 1];
  if (!frame.open) fail(raw, at, `{/${name}} closes a section that was never opened`);
  if (frame.open.name !== name)
    fail(raw, at, `{/${name}} closes {${frame.open.inverted ? '^' : '#'}${frame.open.name}}`);
  stack.pop();
  const section = { kind: 'section' as const, name, inverted: frame.open.inverted, children: frame.nodes };
  stack[stack.length - 1].nodes.push(section);
}

const startsLine = (raw: string, at: number) => at === 0 || raw[at - 1] === '\n';

function lineOf(raw: string, at: number): number {
  return raw.slice(0, at).split('\n').length;
}

function fail(raw: string, at: number, what: string): never {
  throw new TemplateProblem(`line ${lineOf(raw, at)}: ${what}`);
}
