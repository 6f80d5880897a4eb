import { h } from '../shared/dom.js';
import { LOCALES } from './format.js';
import { language, t, type MessageKey } from './live.js';

/** A message's values as nodes: text (isolated), a number (the locale's digits) or nodes made already. */
export type NodeVars = Record<string, string | number | Node>;

// Private-use characters around a value's index mark where it lands in the formatted message.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK = new RegExp(`${OPEN}(\\d+)${CLOSE}`);

/**
 * A catalog message as DOM nodes: each text value in a `<bdi>`, so that a name, an address or an
 * order number written the other way stays whole inside the sentence; a node value goes in as it
 * is; numbers are written for the locale (and choose plural branches).
 */
export function messageNodes(key: MessageKey, vars: NodeVars = {}): DocumentFragment {
  const values: (string | Node)[] = [];
  const marked: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(vars)) {
    if (typeof value === 'number') {
      marked[name] = value;
    } else {
      marked[name] = `${OPEN}${values.length}${CLOSE}`;
      values.push(value);
    }
  }
  const frag = document.createDocumentFragment();
  const used = new Set<Node>();
  t(key, marked)
    .split(MARK)
    .forEach((part, i) => {
      // split() with a capture group alternates text and the captured index.
      if (i % 2 === 0) {
        if (part) frag.append(part);
        return;
      }
      const value = values[Number(part)];
      if (typeof value === 'string') frag.append(h('bdi', {}, value));
      else frag.append(used.has(value) ? value.cloneNode(true) : value);
      if (typeof value !== 'string') used.add(value);
    });
  return frag;
}

/** Items joined the locale's way ("a, b, c"; "a، b، و c"), each kept whole. */
export function listNodes(items: (string | Node)[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  const format = new Intl.ListFormat(LOCALES[language()], { type: 'unit', style: 'short' });
  for (const part of format.formatToParts(items.map((_, i) => String(i)))) {
    frag.append(part.type === 'element' ? items[Number(part.value)] : part.value);
  }
  return frag;
}
