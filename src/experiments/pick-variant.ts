import { createHash } from 'node:crypto';

/**
 * The variant a conversation gets: a point in [0, total weight) from the sha256 of the
 * experiment and conversation ids, so the same conversation always lands on the same variant.
 */
export function pickVariant(experimentId: string, conversationId: string, weights: number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  const digest = createHash('sha256').update(`${experimentId}:${conversationId}`).digest();
  let point = digest.readUInt32BE(0) % total;
  for (let i = 0; i < weights.length; i++) {
    if (point < weights[i]) return i;
    point -= weights[i];
  }
  return weights.length - 1;
}
