export { h } from '../shared/dom.js';

/** A random id for client-made message ids. */
export function randomId(prefix = 'c'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return prefix + '_' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
