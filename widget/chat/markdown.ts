/**
 * A tiny markdown reader for model text. It never produces HTML: it returns a small tree of
 * allowlisted tags and plain text, which `toDom()` turns into DOM with `textContent` only.
 * Raw HTML, entities and unsafe links stay literal text.
 */
export type MdTag = 'p' | 'strong' | 'em' | 'code' | 'pre' | 'a' | 'ul' | 'ol' | 'li' | 'br';
export type MdNode = { tag: MdTag; attrs?: Record<string, string>; children: MdNode[] } | { text: string };

const el = (tag: MdTag, children: MdNode[] = [], attrs?: Record<string, string>): MdNode =>
  attrs ? { tag, attrs, children } : { tag, children };

/**
 * Which http(s) links may be clickable: `'any'` (a person on the shop's team wrote the text), or
 * only links whose origin is exactly one of these (the model wrote it). Subdomains don't count.
 */
export type LinkPolicy = 'any' | readonly string[];

/** The URL if it is absolute http(s), else null: `javascript:`, `data:` and relative links are dropped. */
export function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * A link as the shopper sees it. Off the allowed origins it is not clickable: its text is
 * followed by the host the URL really goes to, as the URL parser reads it (so `a.example@b.example`
 * shows `b.example` and an internationalized name shows its punycode).
 */
function link(label: MdNode[], url: string, links: LinkPolicy | null): MdNode[] {
  const href = links && safeHref(url);
  if (!links || !href) return label;
  const u = new URL(href);
  if (links === 'any' || (!u.username && !u.password && links.includes(u.origin)))
    return [el('a', label, { href, rel: 'noopener noreferrer', target: '_blank' })];
  return [...label, { text: ` (${u.host})` }];
}

const INLINE = new RegExp(
  [
    '`([^`\\n]+)`', // 1 code
    '\\[([^\\]\\n]+)\\]\\(\\s*<?((?:[^()\\s<>]|\\([^()\\s<>]*\\))+)>?\\s*\\)', // 2 text, 3 url (one level of parentheses)
    '\\*\\*(?=\\S)([^\\n]*?\\S)\\*\\*', // 4 bold
    '(?<![\\w])__(?=\\S)([^\\n]*?\\S)__(?![\\w])', // 5 bold
    '\\*(?=[^\\s*])([^*\\n]*?[^\\s*])\\*', // 6 italic
    '(?<![\\w])_(?=[^\\s_])([^_\\n]*?[^\\s_])_(?![\\w])', // 7 italic
    '(https?:\\/\\/[^\\s<>()]*[^\\s<>().,:;!?\'"*_])', // 8 bare URL
  ].join('|'),
  'g',
);

/** Inline markup of one line of text; `links` null inside a link's own text. */
export function parseInline(src: string, links: LinkPolicy | null): MdNode[] {
  const out: MdNode[] = [];
  let last = 0;
  const push = (text: string) => {
    if (!text) return;
    const prev = out[out.length - 1];
    if (prev && 'text' in prev) prev.text += text;
    else out.push({ text });
  };
  for (const m of src.matchAll(INLINE)) {
    const start = m.index!;
    const whole = m[0];
    push(src.slice(last, start));
    last = start + whole.length;
    if (m[1] !== undefined) out.push(el('code', [{ text: m[1] }]));
    else if (m[2] !== undefined || m[8] !== undefined) {
      const label = m[2] !== undefined ? parseInline(m[2], null) : [{ text: m[8] }];
      link(label, m[3] ?? m[8], links).forEach((c) => ('text' in c ? push(c.text) : out.push(c)));
    } else if (m[4] !== undefined || m[5] !== undefined) out.push(el('strong', parseInline(m[4] ?? m[5], links)));
    else if (m[6] !== undefined || m[7] !== undefined) out.push(el('em', parseInline(m[6] ?? m[7], links)));
    else push(whole);
  }
  push(src.slice(last));
  return out;
}

const BULLET = /^\s{0,3}[-*+•]\s+(.*)$/;
const NUMBERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s{0,3}```/;

/**
 * Paragraphs, bullet and numbered lists, headings (as bold paragraphs) and fenced code. Links are
 * clickable as `links` allows; by default none are.
 */
export function parseMarkdown(src: string, links: LinkPolicy = []): MdNode[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MdNode[] = [];
  let para: string[] = [];
  let list: { tag: 'ul' | 'ol'; node: { tag: MdTag; attrs?: Record<string, string>; children: MdNode[] } } | null =
    null;
  let item: string[] | null = null;

  const lineNodes = (ls: string[]) =>
    ls.flatMap((l, i) => (i === 0 ? parseInline(l.trim(), links) : [el('br'), ...parseInline(l.trim(), links)]));
  const flushItem = () => {
    if (list && item) list.node.children.push(el('li', lineNodes(item)));
    item = null;
  };
  const flush = () => {
    if (para.length) blocks.push(el('p', lineNodes(para)));
    para = [];
    flushItem();
    if (list) blocks.push(list.node);
    list = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (FENCE.test(line)) {
      flush();
      const code: string[] = [];
      while (++i < lines.length && !FENCE.test(lines[i])) code.push(lines[i]);
      blocks.push(el('pre', [el('code', [{ text: code.join('\n') }])]));
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const tag = bullet ? 'ul' : 'ol';
      if (para.length) flush();
      if (list && list.tag !== tag) flush();
      flushItem();
      if (!list) {
        const start = numbered && numbered[1] !== '1' ? { start: String(Number(numbered[1])) } : undefined;
        list = { tag, node: { tag, ...(start ? { attrs: start } : {}), children: [] } };
      }
      item = [bullet ? bullet[1] : numbered![2]];
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push(el('p', [el('strong', parseInline(heading[1], links))]));
      continue;
    }
    if (item && /^\s+\S/.test(line)) item.push(line);
    else {
      if (list) flush();
      para.push(line);
    }
  }
  flush();
  return blocks;
}
