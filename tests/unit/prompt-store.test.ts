import { cp, mkdtemp, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPromptStore, loadPrompts, type PromptStore } from '../../src/agent/prompts/load-prompts.js';

const REPO_PROMPTS = path.resolve(import.meta.dirname, '../../prompts');
const vars = { shop_name: 'Alder & Pine', currency: 'EUR', today: '2026-03-14' };

function fakeLogger() {
  return { info: vi.fn(), error: vi.fn() };
}

let dir: string;
let store: PromptStore | undefined;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'prompts-'));
  await cp(REPO_PROMPTS, dir, { recursive: true });
});
afterEach(async () => {
  store?.close();
  store = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('prompt store', () => {
  it('renders the four files in order into one system message with the variables filled in', async () => {
    store = await createPromptStore({ dir, watch: false, logger: fakeLogger() });

    const text = store.current().render({ ...vars, customer_first_name: 'Maja' });

    expect(text).toContain('You are the shopping assistant of Alder & Pine');
    expect(text).toContain('Today is 2026-03-14');
    expect(text).toContain('Prices are in EUR');
    expect(text).toContain('You are talking with Maja');
    expect(text).not.toMatch(/\{[a-z_]+\}/);
    const order = ['# Role', '# Tone', '# Answer rules', '# Handing over to a person'].map((h) => text.indexOf(h));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBe(0);
  });

  it('reads naturally for an anonymous shopper and defaults today to the current date', async () => {
    const prompts = await loadPrompts(dir);

    const text = prompts.render({ shop_name: 'Alder & Pine', currency: 'EUR', customer_first_name: null });

    expect(text).toContain('The shopper has not signed in');
    expect(text).not.toMatch(/talking with\s*[,.]|Address the shopper as\s+at/);
    expect(text).not.toMatch(/\n\n\n/);
    expect(text).toContain(`Today is ${new Date().toISOString().slice(0, 10)}`);
  });

  it('renders a section only when its variable is set, and its inverse only when it is not', async () => {
    await writeFile(
      path.join(dir, 'persona.md'),
      '# Tone\n{#customer_first_name}\n- Greet {customer_first_name}.\n{/customer_first_name}\n{^customer_first_name}\n- Ask no name.\n{/customer_first_name}\n- Be brief.\n',
    );
    const prompts = await loadPrompts(dir);

    const named = prompts.render({ ...vars, customer_first_name: 'Maja' });
    const anonymous = prompts.render({ ...vars, customer_first_name: '' });

    expect(named).toContain('# Tone\n- Greet Maja.\n- Be brief.');
    expect(anonymous).toContain('# Tone\n- Ask no name.\n- Be brief.');
  });

  it('has a version that is a short content hash: stable across loads, different when a file changes', async () => {
    const a = await loadPrompts(dir);
    const b = await loadPrompts(dir);
    await appendFile(path.join(dir, 'persona.md'), '\n- Prefer metric sizes.\n');
    const c = await loadPrompts(dir);

    expect(a.version).toMatch(/^[0-9a-f]{12}$/);
    expect(b.version).toBe(a.version);
    expect(c.version).not.toBe(a.version);
    expect(a.files.map((f) => f.name)).toEqual(['system', 'persona', 'answer-rules', 'handoff-rules']);
  });

  it('refuses to start with a broken template and names the file', async () => {
    await writeFile(path.join(dir, 'persona.md'), 'Hello {customer_name}');
    await expect(createPromptStore({ dir, watch: false, logger: fakeLogger() })).rejects.toMatchObject({
      code: 'prompts:invalid',
      message: expect.stringMatching(/persona\.md: line 1: unknown variable \{customer_name\}/),
    });

    await writeFile(path.join(dir, 'persona.md'), 'Hello {shop_name');
    await expect(loadPrompts(dir)).rejects.toMatchObject({
      code: 'prompts:invalid',
      message: expect.stringMatching(/persona\.md: line 1: an unclosed '\{'/),
    });

    await writeFile(path.join(dir, 'persona.md'), 'Hi\n{#customer_first_name}Hello {customer_first_name}.');
    await expect(loadPrompts(dir)).rejects.toMatchObject({
      message: expect.stringMatching(/persona\.md: section \{#customer_first_name\} on line 2 is never closed/),
    });

    await writeFile(path.join(dir, 'persona.md'), 'Hello {customer_first_name}.');
    await expect(loadPrompts(dir)).rejects.toMatchObject({
      message: expect.stringMatching(/\{customer_first_name\} can be empty .*inside \{#customer_first_name\}/),
    });

    await rm(path.join(dir, 'handoff-rules.md'));
    await writeFile(path.join(dir, 'persona.md'), 'Literal braces are fine when doubled: {{"size": 42}}');
    await expect(loadPrompts(dir)).rejects.toMatchObject({
      code: 'prompts:invalid',
      message: expect.stringContaining('handoff-rules.md: cannot be read'),
    });
  });

  it('reloads on change while watching, rejects a broken edit and keeps serving the last good version', async () => {
    const logger = fakeLogger();
    store = await createPromptStore({ dir, watch: true, logger, debounceMs: 20 });
    const first = store.current().version;

    await appendFile(path.join(dir, 'persona.md'), '\n- Mention free shipping over 50 {currency}.\n');
    await vi.waitFor(() => expect(store!.current().version).not.toBe(first), { timeout: 3000, interval: 20 });
    const second = store.current().version;
    expect(store.current().render(vars)).toContain('free shipping over 50 EUR');
    expect(logger.info).toHaveBeenCalledWith('prompts reloaded', { version: second });

    await writeFile(path.join(dir, 'answer-rules.md'), 'Broken: {shop_name');
    await vi.waitFor(() => expect(logger.error).toHaveBeenCalled(), { timeout: 3000, interval: 20 });
    expect(logger.error.mock.calls[0][0]).toMatch(new RegExp(`still serving ${second}: .*answer-rules\\.md: line 1`));
    expect(store.current().version).toBe(second);
    expect(store.current().render(vars)).toContain('# Answer rules');
  });
});
