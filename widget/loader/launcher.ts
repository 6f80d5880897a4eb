import { launcherWords } from './launcher-words.js';

/** The launcher button and the panel holding the chat iframe, in a shadow root so shop CSS can't reach them. */
export interface Launcher {
  button: HTMLButtonElement;
  frame: HTMLIFrameElement;
  setOpen(open: boolean): void;
  /** `text` is the count said in the chat's language. */
  setUnread(count: number, text?: string): void;
  /** The chat's language: the launcher's words and its side (inline-end) follow. */
  setLanguage(said: { language: string; dir: 'ltr' | 'rtl'; open: string; title: string }): void;
}

const css = (accent: string) => `
:host{all:initial}
.launcher{position:fixed;inset-inline-end:20px;bottom:20px;z-index:2147483000;width:60px;height:60px;border:0;border-radius:50%;
background:${accent};color:#fff;cursor:pointer;box-shadow:0 6px 20px rgba(0,0,0,.25);display:grid;place-items:center;
transition:transform .15s ease}
.launcher:hover{transform:scale(1.05)}
.launcher:focus-visible{outline:3px solid ${accent};outline-offset:3px;box-shadow:0 0 0 3px #fff}
.launcher svg{width:28px;height:28px;fill:currentColor}
.badge{position:absolute;top:-2px;inset-inline-end:-2px;min-width:20px;height:20px;padding:0 6px;box-sizing:border-box;border-radius:10px;
background:#c2410c;color:#fff;font:700 12px/20px system-ui,sans-serif;text-align:center}
.badge[hidden],.panel[hidden]{display:none}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.panel{position:fixed;inset-inline-end:20px;bottom:92px;z-index:2147483001;width:390px;height:min(660px,calc(100vh - 112px));
border-radius:16px;overflow:hidden;box-shadow:0 12px 40px rgba(0,0,0,.28);background:#fff}
.panel iframe{width:100%;height:100%;border:0;display:block}
@media (max-width:480px){.panel{inset:0;width:100%;height:100%;border-radius:0}}
`;

const SVG = 'http://www.w3.org/2000/svg';

const CHAT =
  'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 6a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z';
const CLOSE = 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z';

function icon(): [SVGSVGElement, SVGPathElement] {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', CHAT);
  svg.append(path);
  return [svg, path];
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), props);
}

export function mountLauncher(opts: {
  frameSrc: string;
  /** The shop's data-title, or null until the chat names its assistant in its language. */
  title: string | null;
  accent: string;
  /** `data-lang`, else the page's `<html lang>`. */
  language: string | null;
  onToggle: () => void;
}): Launcher {
  const host = el('div');
  host.id = 'concierge-widget';
  const root = host.attachShadow({ mode: 'open' });
  const style = el('style', { textContent: css(opts.accent) });
  const panel = el('div', { className: 'panel', id: 'concierge-panel', hidden: true });
  // The page's language until the chat says the conversation's (a moment after it loads).
  const words = launcherWords(opts.language);
  host.dir = words.dir;
  host.lang = words.language;
  const frame = el('iframe', { src: opts.frameSrc, title: opts.title ?? words.title });
  frame.setAttribute('allow', 'clipboard-write');
  panel.append(frame);
  const unreadText = el('span', { className: 'sr', id: 'concierge-unread' });
  const badge = el('span', { className: 'badge', hidden: true });
  badge.setAttribute('aria-hidden', 'true');
  const button = el('button', { className: 'launcher', type: 'button' });
  button.setAttribute('aria-label', words.open);
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'concierge-panel');
  button.setAttribute('aria-describedby', 'concierge-unread');
  const [svg, path] = icon();
  button.append(svg, badge);
  button.addEventListener('click', opts.onToggle);
  root.append(style, panel, button, unreadText);
  document.body.append(host);
  return {
    button,
    frame,
    setOpen(open) {
      panel.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      path.setAttribute('d', open ? CLOSE : CHAT);
    },
    setUnread(count, text = '') {
      badge.hidden = count === 0;
      badge.textContent = count > 9 ? '9+' : String(count);
      unreadText.textContent = count === 0 ? '' : text;
    },
    setLanguage(said) {
      host.dir = said.dir === 'rtl' ? 'rtl' : 'ltr';
      host.lang = said.language;
      button.setAttribute('aria-label', said.open);
      frame.title = opts.title ?? said.title;
    },
  };
}
