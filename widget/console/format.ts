import type { ConversationStatusValue } from '../../src/chat/protocol.js';

/** "just now", "3 min", "1 h 05 min": how long someone has waited. */
export function waitingFor(sinceIso: string | null, now = Date.now()): string {
  if (!sinceIso) return '—';
  const minutes = Math.max(0, Math.floor((now - Date.parse(sinceIso)) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

export function day(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** How a conversation's status reads in the queue and the header. */
export function statusLabel(status: ConversationStatusValue, agentName: string | null, isMine: boolean): string {
  if (status === 'human') return isMine ? 'with you' : `with ${agentName ?? 'an agent'}`;
  return status;
}

export function stars(rating: number): string {
  const r = Math.max(0, Math.min(5, Math.round(rating)));
  return '★'.repeat(r) + '☆'.repeat(5 - r);
}

/** "€12.50" from minor units, with the currency's own number of decimals. */
export function amount(amountMinor: number, currency: string): string {
  const f = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  return f.format(amountMinor / 10 ** digits);
}
