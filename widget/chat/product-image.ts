import { h } from './dom.js';

/** An image URL we may load: http(s) or relative to the server. Anything else shows the placeholder. */
export function safeImage(src: string | null | undefined, base: string): string | null {
  if (!src) return null;
  try {
    const u = new URL(src, base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The picture, swapped for a neutral tile when it is missing or fails to load. */
export function productImage(src: string | null, className: string): HTMLElement {
  const placeholder = () => h('div', { class: `${className} placeholder`, 'aria-hidden': 'true' });
  if (!src) return placeholder();
  const img = h('img', { class: className, src, alt: '', loading: 'lazy', decoding: 'async' });
  img.addEventListener('error', () => img.replaceWith(placeholder()), { once: true });
  return img;
}
