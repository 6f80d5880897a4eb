import { describe, expect, it } from 'vitest';
import type { ChatModel, ModelChunk, ModelRequest } from '../../src/agent/model.js';
import { createTranslator } from '../../src/handoff/translate-text.js';

/** A model that answers each request with the next of `answers` (an Error is thrown mid-stream). */
function scripted(id: string, answers: (string | Error)[]): ChatModel & { requests: ModelRequest[] } {
  const requests: ModelRequest[] = [];
  return {
    id,
    requests,
    async *stream(request): AsyncIterable<ModelChunk> {
      requests.push(request);
      const next = answers.shift();
      if (next instanceof Error) throw next;
      if (next) yield { type: 'text_delta', text: next };
    },
  };
}

describe('machine translation for the console', () => {
  it('is unavailable with the offline model, and says what it needs', async () => {
    const model = scripted('offline:rules-v1', []);
    const translator = createTranslator(model);
    expect(translator.available).toBe(false);
    await expect(translator.translate('سلام', 'en')).rejects.toMatchObject({
      code: 'translate:unavailable',
      message: expect.stringMatching(/OPENAI_API_KEY/),
    });
    expect(model.requests).toHaveLength(0);
  });

  it('asks the model once per text and language, without tools, and trims the answer', async () => {
    const model = scripted('openai:test', [' Where is my order? \n', 'بستهٔ من کجاست؟']);
    const translator = createTranslator(model);
    expect(await translator.translate('Wo ist meine Bestellung?', 'en')).toBe('Where is my order?');
    expect(await translator.translate('Wo ist meine Bestellung?', 'en')).toBe('Where is my order?');
    expect(await translator.translate('Wo ist meine Bestellung?', 'fa')).toBe('بستهٔ من کجاست؟');
    expect(model.requests).toHaveLength(2);
    expect(model.requests[1].tools).toEqual([]);
    expect(model.requests[1].messages[0].content).toMatch(/into Persian/);
  });

  it('turns a failing, empty or runaway answer into an error the agent can read', async () => {
    const model = scripted('openai:test', [new Error('socket hang up'), '', 'x'.repeat(500)]);
    const translator = createTranslator(model);
    for (let i = 0; i < 3; i++) {
      await expect(translator.translate('hello', 'de')).rejects.toMatchObject({
        code: 'translate:failed',
        expose: true,
      });
    }
  });
});
