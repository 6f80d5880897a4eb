import { glossFor } from '../../catalog/catalog-gloss.js';
import { keepCatalogScript } from '../../catalog/query-language.js';
import { detectLanguage, isLanguage, isRtl } from '../../shared/language.js';
import type { ChatMessage, ChatModel, ModelChunk, ModelRequest } from '../model.js';
import { decideStep, type Brain } from './offline/decide-step.js';
import { loadLanguagePack, packHas, packLanguages } from './offline/language-pack.js';
import { createOptionReader } from './offline/product-options.js';
import { escapeRegex, normalize } from './offline/normalize.js';
import { loadReplies } from './offline/replies.js';
import type { ShopIndex } from './offline/shop-index.js';
import { createUnderstanding } from './offline/understand.js';
import type { Understanding } from './offline/understanding.js';

export interface OfflineModelOptions {
  /** The shop's words (names, types, options), rebuilt after imports; without it the model reads plain words. */
  shop?: () => ShopIndex | null;
  /** The language of a message that does not tell its own (default en). */
  language?: string;
  /** The language the catalog is written in: words of other languages are looked up in it (default en). */
  catalogLanguage?: string;
  /** Told how each step read the latest message (the assistant benchmark scores intents with it). */
  onStep?: (step: { intent: string; understanding: Understanding | null; ms: number }) => void;
}

export const OFFLINE_MODEL_ID = 'offline:understand-v2';

/** Splits a reply into word-boundary chunks so the offline model streams like a real one. */
function chunks(text: string, size = 48): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const cut = rest.lastIndexOf(' ', size);
    const at = cut > 0 ? cut + 1 : size;
    out.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest) out.push(rest);
  return out;
}

const estimateTokens = (chars: number) => Math.ceil(chars / 4);

/**
 * The built-in model used when no LLM is configured: it understands a message with a learned
 * intent model over the shop's linked words and slots (see offline/understand.ts), plans tool
 * calls or a clarifying question, and words replies from tool results only. It speaks the same
 * `ChatModel` protocol as the OpenAI provider and keeps no state: everything it remembers ("the
 * second one", the cart) is read back from earlier tool results in `messages`.
 */
export function createOfflineModel(opts: OfflineModelOptions = {}): ChatModel {
  const fallback = opts.language ?? 'en';
  const catalogLanguage = opts.catalogLanguage ?? 'en';
  const brains = createBrains(catalogLanguage);
  brains.get(fallback).engine.intentModel(); // trained now, at start, not on the first shopper's message
  return {
    id: OFFLINE_MODEL_ID,
    async *stream(request: ModelRequest): AsyncIterable<ModelChunk> {
      request.signal?.throwIfAborted();
      const started = performance.now();
      const language = turnLanguage(request, brains.languages, fallback);
      const own = brains.get(language);
      const brain: Brain = { ...own, index: opts.shop?.() ?? null };
      const typed = request.messages.findLast((m) => m.role === 'user')?.content ?? undefined;
      const decided = decideStep(own.gloss(request.messages, language, brain.index), request.tools, brain, typed);
      const step = inCatalogScript(decided, catalogLanguage);
      opts.onStep?.({ intent: step.intent, understanding: step.understanding, ms: performance.now() - started });
      const promptChars = request.messages.reduce((n, m) => n + (m.content?.length ?? 0), 0);
      if (step.calls) {
        let argChars = 0;
        for (const [i, c] of step.calls.entries()) {
          const args = JSON.stringify(c.args);
          argChars += args.length;
          yield {
            type: 'tool_call',
            call: { id: `call_offline_${request.messages.length}_${i}`, name: c.name, arguments: args },
          };
        }
        yield {
          type: 'usage',
          usage: { promptTokens: estimateTokens(promptChars), completionTokens: estimateTokens(argChars) },
        };
        yield { type: 'finish', reason: 'tool_calls' };
        return;
      }
      for (const text of chunks(step.text)) {
        request.signal?.throwIfAborted();
        yield { type: 'text_delta', text };
      }
      if (step.unanswered) yield { type: 'unanswered', reason: step.unanswered };
      yield {
        type: 'usage',
        usage: { promptTokens: estimateTokens(promptChars), completionTokens: estimateTokens(step.text.length) },
      };
      yield { type: 'finish', reason: 'stop' };
    },
  };
}

type LanguageBrain = Omit<Brain, 'index'> & {
  /** User messages with other languages' shop words in the catalog's language. */
  gloss(messages: ChatMessage[], language: string, index: ShopIndex | null): ChatMessage[];
};

/** One understanding per language with a pack, made when a message in it first arrives. */
function createBrains(catalogLanguage: string) {
  const languages = new Set(packLanguages());
  const made = new Map<string, LanguageBrain>();
  /** The message with its words in the catalog's language; a product's name quoted whole stays as the shop has it. */
  const glossMessage = (text: string, turn: string, index: ShopIndex | null) => {
    const gloss = glossFor(detectLanguage(text) ?? turn, catalogLanguage);
    if (!gloss) return text;
    const names = index?.titlesIn(text) ?? [];
    // A term with several words in the catalog's language becomes the one this shop uses.
    const knows = index ? (word: string) => index.knows(word) : undefined;
    const isKind = index ? (phrase: string) => index.isKind(phrase) : undefined;
    if (!names.length) return gloss.apply(text, knows, isKind);
    const quoted = new RegExp(`(${names.map(escapeRegex).join('|')})`, 'iu');
    return text
      .split(quoted)
      .map((part, i) => (i % 2 ? part.toLowerCase() : gloss.apply(part, knows, isKind)))
      .join('');
  };
  const get = (language: string): LanguageBrain => {
    let brain = made.get(language);
    if (!brain) {
      const pack = loadLanguagePack(language);
      brain = {
        engine: createUnderstanding(pack),
        say: loadReplies(packHas(language, 'replies.json') ? language : 'en'),
        options: createOptionReader(pack.lexicon),
        gloss: (messages, turn, index) =>
          messages.map((m) => (m.role === 'user' ? { ...m, content: glossMessage(m.content, turn, index) } : m)),
      };
      made.set(language, brain);
    }
    return brain;
  };
  return { languages, get };
}

/**
 * The language of a turn: the latest message's own when it tells it (script and telling words, then
 * the words only one pack's examples use); else the request's (the conversation's) when its script
 * fits the message; else the last earlier message that told its language; else the fallback (a
 * Latin message in a conversation whose customer reads Persian is not answered in Persian).
 */
function turnLanguage(request: ModelRequest, languages: Set<string>, fallback: string): string {
  const said = request.messages
    .filter((m) => m.role === 'user' && m.content)
    .map((m) => m.content as string)
    .reverse();
  const tells = (text: string) => {
    const language = detectLanguage(text) ?? byPackWords(text, languages);
    return language && languages.has(language) ? language : null;
  };
  const own = said[0] ? tells(said[0]) : null;
  if (own) return own;
  const asked = request.language;
  if (asked && languages.has(asked) && (!said[0] || scriptFits(said[0], asked))) return asked;
  for (const text of said.slice(1)) {
    const earlier = tells(text);
    if (earlier) return earlier;
  }
  return fallback;
}

/** Whether a message is written in the script of a language (a message without letters fits any). */
function scriptFits(text: string, language: string): boolean {
  if (!/\p{L}/u.test(text)) return true;
  const arabic = /[\u0600-\u06ff]/.test(text);
  return arabic === (isLanguage(language) && isRtl(language));
}

/** The pack whose own example words a message uses most (none on a tie). */
function byPackWords(text: string, languages: Set<string>): string | null {
  const words = normalize(text).split(' ');
  const scores = [...languages]
    .map((language) => ({ language, hits: words.filter((w) => loadLanguagePack(language).ownWords.has(w)).length }))
    .sort((a, b) => b.hits - a.hits);
  const [first, second] = scores;
  return first && first.hits > 0 && first.hits > (second?.hits ?? 0) ? first.language : null;
}

const QUERY_TOOLS = new Set(['search_products', 'search_policies']);

/** Search queries with only the words that can match the catalog (see keepCatalogScript). */
function inCatalogScript<T extends { calls?: { name: string; args: Record<string, unknown> }[] }>(
  step: T,
  catalogLanguage: string,
): T {
  if (!step.calls) return step;
  const calls = step.calls.map((c) => {
    const query = c.args.query;
    if (!QUERY_TOOLS.has(c.name) || typeof query !== 'string') return c;
    return { ...c, args: { ...c.args, query: keepCatalogScript(query, catalogLanguage) } };
  });
  return { ...step, calls };
}
