import type { Plan } from './plan-types.js';
import type { Understanding } from './understanding.js';

/** A person asked for, or frustration: the handoff request, with the shopper's words as its reason. */
export function handOff(u: Understanding): Plan {
  const said = u.raw.trim().replace(/\s+/g, ' ').slice(0, 200);
  const reason = u.mentions.frustrated ? `Shopper is frustrated: "${said}"` : `Shopper asked for a person: "${said}"`;
  const urgency = u.mentions.frustrated ? 'high' : 'normal';
  return { intent: 'human', calls: [{ name: 'request_human', args: { reason, urgency } }] };
}
