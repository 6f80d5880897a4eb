/**
 * The intent examples' template language: `(a|b)` alternatives, `[a|b]` optional parts, nested, and
 * `{type}`-style placeholders for the shop's words.
 */
const MAX_EXPANSIONS = 48;

/** `(a|b) c [d|e]`, nested, → every variant (at most MAX_EXPANSIONS, spread evenly over the combinations). */
export function expandTemplate(template: string): string[] {
  let at = 0;
  // A sequence until `|`, `)` or `]`: each part is a literal or a group of alternatives.
  const sequence = (): string[][] => {
    const parts: string[][] = [];
    let literal = '';
    const flush = () => {
      if (literal) parts.push([literal]);
      literal = '';
    };
    while (at < template.length && !'|)]'.includes(template[at])) {
      const ch = template[at++];
      if (ch === '(' || ch === '[') {
        flush();
        parts.push(alternatives(ch === '(' ? ')' : ']', ch === '['));
      } else literal += ch;
    }
    flush();
    return parts;
  };
  // `(a|b)` or `[a|b]` (optional): each alternative a sequence, nested groups allowed.
  const alternatives = (close: string, optional: boolean): string[] => {
    const out: string[] = [];
    for (;;) {
      out.push(...combine(sequence()));
      if (template[at] === '|') at++;
      else break;
    }
    if (template[at] === close) at++;
    return optional ? [...out, ''] : out;
  };
  // Every combination of the parts, evenly sampled down to MAX_EXPANSIONS.
  const combine = (parts: string[][]): string[] => {
    const total = parts.reduce((n, p) => n * p.length, 1);
    const step = total <= MAX_EXPANSIONS ? 1 : total / MAX_EXPANSIONS;
    const out: string[] = [];
    for (let k = 0; k < Math.min(total, MAX_EXPANSIONS); k++) {
      let index = Math.floor(k * step);
      let text = '';
      for (let i = parts.length - 1; i >= 0; i--) {
        text = parts[i][index % parts[i].length] + text;
        index = Math.floor(index / parts[i].length);
      }
      out.push(text);
    }
    return out;
  };
  const tidy = (text: string) =>
    text
      .replace(/\s+/g, ' ')
      .replace(/\s+([,?!.])/g, '$1')
      .trim();
  const all = combine(sequence());
  if (at < template.length) throw new Error(`unbalanced "${template[at]}" at ${at} in: ${template}`);
  return [...new Set(all.map(tidy))].filter(Boolean);
}

/** `{type}` → `__type__`: the form the shop's words take after linking. */
export const placeholderToken = (text: string) => text.replace(/\{(\w+)\}/g, '__$1__');
