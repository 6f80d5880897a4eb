import type { Child } from '../shared/dom.js';

export { h } from '../shared/dom.js';

/**
 * Replaces a panel's children. Focus inside the panel survives when the focused element had a
 * `data-key` and the new content has one with the same key (keyboard users keep their place).
 */
export function replaceKeepingFocus(panel: Element, ...children: Child[]): void {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && panel.contains(active) ? active.dataset.key : undefined;
  panel.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
  if (key) panel.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
}

/** Text with its line breaks kept: the transcript's way of showing plain text. */
export function multiline(text: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  text.split('\n').forEach((line, i) => {
    if (i > 0) frag.append(document.createElement('br'));
    frag.append(line);
  });
  return frag;
}

/** Only http(s) links from data: anything else (javascript:, data:) stays text. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, location.href);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}
