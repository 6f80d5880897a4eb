import type { ChatModel } from '../agent/model.js';
import { AppError, ValidationError } from '../errors.js';
import { LANGUAGE_NAMES } from '../shared/choose-language.js';
import type { Language } from '../shared/language.js';

/** Translations kept per instance, so reopening a conversation does not ask the model again. */
const CACHE_SIZE = 500;
const TIMEOUT_MS = 15_000;

export interface Translator {
  /** False with the offline model: machine translation needs a configured model. */
  readonly available: boolean;
  translate(text: string, to: Language): Promise<string>;
}

const instruction = (to: Language) =>
  [
    `Translate the text the user sends into ${LANGUAGE_NAMES[to].english}.`,
    'It is a message in a conversation between a shop and a shopper.',
    'Keep product names, SKUs, order numbers, prices, e-mail addresses and links exactly as written.',
    'Reply with the translation only: no quotes, notes or explanations.',
  ].join(' ');

/**
 * Machine translation for the agent console, by the configured model: a shopper's message into the
 * agent's language, an agent's draft into the shopper's. The model's output is text that an agent
 * reads before anything reaches the shopper; it is checked for being an answer at all.
 */
export function createTranslator(model: ChatModel, opts: { timeoutMs?: number } = {}): Translator {
  const available = !model.id.startsWith('offline:');
  const cache = new Map<string, string>();

  async function ask(text: string, to: Language): Promise<string> {
    let out = '';
    const signal = AbortSignal.timeout(opts.timeoutMs ?? TIMEOUT_MS);
    const messages = [
      { role: 'system' as const, content: instruction(to) },
      { role: 'user' as const, content: text },
    ];
    for await (const chunk of model.stream({ messages, tools: [], signal })) {
      if (chunk.type === 'text_delta') out += chunk.text;
    }
    const translation = out.trim();
    // An empty answer, or one far longer than any translation of the text, is not a translation.
    if (!translation || translation.length > text.length * 4 + 200) {
      throw new AppError('translate:failed', 'The model gave no usable translation. Try again.', {
        status: 502,
        expose: true,
      });
    }
    return translation;
  }

  return {
    available,
    async translate(text, to) {
      if (!available) {
        throw new ValidationError(
          'translate:unavailable',
          'Machine translation needs a configured model (OPENAI_API_KEY or OPENAI_BASE_URL).',
        );
      }
      const key = `${to}\u0000${text}`;
      const known = cache.get(key);
      if (known !== undefined) return known;
      const translation = await ask(text, to).catch((err: unknown) => {
        if (err instanceof AppError) throw err;
        throw new AppError('translate:failed', 'The model could not translate this now. Try again.', {
          status: 502,
          expose: true,
          cause: err,
        });
      });
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(key, translation);
      return translation;
    },
  };
}
