import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { intentClassifier, trainIntentWeights } from '../../src/agent/models/offline/intent-classifier.js';
import { cachedIntentWeights } from '../../src/agent/models/offline/intent-model-cache.js';

const EXAMPLES = [
  { intent: 'search', text: 'show me tents' },
  { intent: 'search', text: 'do you have __type__' },
  { intent: 'cart_show', text: "what's in my cart" },
  { intent: 'cart_show', text: 'show my basket' },
  { intent: 'greeting', text: 'hello there' },
  { intent: 'greeting', text: 'hi' },
];
const dir = mkdtempSync(path.join(tmpdir(), 'intent-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('intent weights cached on disk', () => {
  it('gives the very numbers training gives, from the file once it is written', () => {
    const trained = trainIntentWeights(EXAMPLES);
    const first = cachedIntentWeights(EXAMPLES, dir);
    expect(readdirSync(dir)).toHaveLength(1);
    const second = cachedIntentWeights(EXAMPLES, dir);
    for (const m of [first, second]) {
      expect(m.intents).toEqual(trained.intents);
      expect(m.features).toEqual(trained.features);
      expect([...m.w]).toEqual([...trained.w]);
      expect([...m.bias]).toEqual([...trained.bias]);
    }
    expect(intentClassifier(second).classify('show my cart')[0].intent).toBe('cart_show');
  });

  it('trains again over a damaged file, and keeps other examples apart', () => {
    const [file] = readdirSync(dir);
    writeFileSync(path.join(dir, file), 'not a model');
    expect([...cachedIntentWeights(EXAMPLES, dir).bias]).toEqual([...trainIntentWeights(EXAMPLES).bias]);
    cachedIntentWeights([...EXAMPLES, { intent: 'greeting', text: 'good morning' }], dir);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(2);
  });
});
