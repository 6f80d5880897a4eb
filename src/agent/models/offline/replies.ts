import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  greeting: z.string(),
  thanks: z.string(),
  goodbye: z.string(),
  noProblem: z.string(),
  whatNext: z.string(),
  notUnderstood: z.string(),
  whatLookingFor: z.string(),
  whichToAdd: z.string(),
  tooMany: z.string(),
  howMany: z.string(),
  whichItem: z.string(),
  nothingShown: z.string(),
  cheapestAlready: z.string(),
  noMore: z.string(),
  similarToWhich: z.string(),
  addressInParts: z.string(),
  whichOrderItem: z.string(),
});

/** The offline model's own sentences in one language, from `lang/<code>/replies.json`. */
export type Replies = Omit<z.infer<typeof schema>, 'tooMany'> & { tooMany: (n: number) => string };

const cache = new Map<string, Replies>();

export function loadReplies(code = 'en'): Replies {
  const cached = cache.get(code);
  if (cached) return cached;
  const raw = schema.parse(
    JSON.parse(readFileSync(path.join(import.meta.dirname, 'lang', code, 'replies.json'), 'utf8')),
  );
  const replies: Replies = { ...raw, tooMany: (n) => raw.tooMany.replace('{n}', String(n)) };
  cache.set(code, replies);
  return replies;
}
