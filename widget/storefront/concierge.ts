import type { ConciergeApi } from '../loader/concierge-api.js';

/** `window.Concierge`, once widget.js (loaded async) has set it up. */
export function whenConcierge(): Promise<ConciergeApi> {
  if (window.Concierge) return Promise.resolve(window.Concierge);
  return new Promise((resolve) =>
    window.addEventListener('concierge:load', () => resolve(window.Concierge!), { once: true }),
  );
}
