import type { MdNode } from './markdown.js';

const TAGS = new Set(['p', 'strong', 'em', 'code', 'pre', 'a', 'ul', 'ol', 'li', 'br']);
const ATTRS = new Set(['href', 'rel', 'target', 'start']);

/** Turns a markdown tree into DOM: allowlisted tags and attributes, text only as text nodes. */
export function toDom(nodes: MdNode[], doc: Document = document): DocumentFragment {
  const append = (parent: ParentNode, list: MdNode[]) => {
    for (const n of list) {
      if ('text' in n) parent.append(doc.createTextNode(n.text));
      else {
        const e = doc.createElement(TAGS.has(n.tag) ? n.tag : 'span');
        for (const [k, v] of Object.entries(n.attrs ?? {})) if (ATTRS.has(k)) e.setAttribute(k, v);
        append(e, n.children);
        parent.append(e);
      }
    }
  };
  const frag = doc.createDocumentFragment();
  append(frag, nodes);
  return frag;
}
