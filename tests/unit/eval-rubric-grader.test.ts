import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModelGrader, skipRubrics } from '../../src/evals/rubric-grader.js';
import { mswModel } from '../helpers/test-app.js';
import { createChatScript, setupOpenAIMockServer, streamReply } from '../msw/openai-chat.js';

const script = createChatScript();
const mock = setupOpenAIMockServer(script.handler);
beforeAll(() => mock.listen({ onUnhandledRequest: 'error' }));
afterAll(() => mock.close());

const exchange = { user: 'do you ship to Norway?', reply: 'Yes, for €14.95.' };

describe('llm-rubric grading', () => {
  it('asks the configured model with the rubric and the exchange, and reads its JSON verdict', async () => {
    const grade = createModelGrader(mswModel());
    script.reply(
      streamReply({ text: '```json\n{"pass": true, "reason": "states the cost"}\n```' }),
      streamReply({ text: '{"pass": false, "reason": "no delivery time"}' }),
      streamReply({ text: 'I think it is fine.' }),
    );
    expect(await grade('Says the cost.', exchange)).toEqual({ outcome: 'pass' });
    const request = script.requests.at(-1)!;
    expect(request.messages.at(-1).content).toContain('Rubric: Says the cost.');
    expect(request.messages.at(-1).content).toContain('Assistant: Yes, for €14.95.');
    expect(await grade('Says the delivery time.', exchange)).toEqual({
      outcome: 'fail',
      message: 'llm-rubric "Says the delivery time.": no delivery time',
    });
    expect(await grade('Anything.', exchange)).toEqual({
      outcome: 'fail',
      message: 'llm-rubric: the grader gave no verdict (openai:gpt-test)',
    });
  });

  it('is skipped with a note naming the rubric when no model is configured', async () => {
    expect(await skipRubrics('Says the cost.', exchange)).toEqual({
      outcome: 'skipped',
      message: expect.stringMatching(/^llm-rubric skipped, no model configured .*"Says the cost\."$/),
    });
  });
});
