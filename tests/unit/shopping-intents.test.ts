import { describe, expect, it } from 'vitest';
import { withShoppingIntents } from '../../src/catalog/shopping-intents.js';

describe('shopping intents in vague queries', () => {
  it('adds what an activity implies', () => {
    expect(withShoppingIntents('something to sit on')).toMatch(/chair.*sofa/);
    expect(withShoppingIntents('I need to stay dry')).toMatch(/waterproof/);
  });
  it('leaves ordinary product queries alone', () => {
    expect(withShoppingIntents('merino socks size M')).toBe('merino socks size M');
  });
});
