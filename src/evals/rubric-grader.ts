import { z } from 'zod';
import type { ChatModel } from '../agent/model.js';
import type { AssertionOutcome } from './assertions.js';

/** Judges a reply against a rubric written in plain words (`llm-rubric`). */
export type Grader = (rubric: string, exchange: { user: string; reply: string }) => Promise<AssertionOutcome>;

const verdictSchema = z.object({ pass: z.boolean(), reason: z.string().default('') });

const INSTRUCTIONS = [
  'You grade one reply of a shop assistant against a rubric.',
  'Answer with JSON only: {"pass": true|false, "reason": "one sentence"}.',
  'Pass only when the reply satisfies the whole rubric.',
].join(' ');

async function complete(model: ChatModel, user: string): Promise<string> {
  let text = '';
  const messages = [
    { role: 'system' as const, content: INSTRUCTIONS },
    { role: 'user' as const, content: user },
  ];
  for await (const chunk of model.stream({ messages, tools: [] })) {
    if (chunk.type === 'text_delta') text += chunk.text;
  }
  return text;
}

/** The JSON object in the grader's answer (models sometimes wrap it in a code fence). */
function readVerdict(text: string): z.infer<typeof verdictSchema> | null {
  const json = text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1);
  try {
    const parsed = verdictSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A grader asking the configured model; a grader answer that is no verdict fails the assertion. */
export function createModelGrader(model: ChatModel): Grader {
  return async (rubric, exchange) => {
    const prompt = `Rubric: ${rubric}\n\nShopper: ${exchange.user}\n\nAssistant: ${exchange.reply}`;
    const verdict = readVerdict(await complete(model, prompt));
    if (!verdict) return { outcome: 'fail', message: `llm-rubric: the grader gave no verdict (${model.id})` };
    if (verdict.pass) return { outcome: 'pass' };
    return { outcome: 'fail', message: `llm-rubric "${rubric}": ${verdict.reason}` };
  };
}

/** With no model configured (the offline model), rubrics are skipped with a note instead of guessed. */
export const skipRubrics: Grader = async (rubric) => ({
  outcome: 'skipped',
  message: `llm-rubric skipped, no model configured (set OPENAI_API_KEY or OPENAI_BASE_URL): "${rubric}"`,
});
