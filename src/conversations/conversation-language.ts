import { chooseLanguage } from '../shared/choose-language.js';
import { detectLanguage, isLanguage, type Language } from '../shared/language.js';
import type { CustomerReader } from '../customers/customer-reader.js';
import type { Conversation, ConversationStore } from './conversation-store.js';
import type { EventLog } from './event-log.js';

export interface ConversationLanguageDeps {
  conversations: Pick<ConversationStore, 'setLanguage' | 'setPageLanguage'>;
  events: Pick<EventLog, 'append'>;
  customers: Pick<CustomerReader, 'profile'>;
  /** SHOP_LANGUAGE: the language when nothing else tells. */
  shopLanguage: Language;
}

/**
 * The language a conversation speaks (docs/languages.md): chosen from the shopper's messages, the
 * customer, the page and the shop; remembered with the conversation, and announced in its event log
 * (`language.changed`) whenever it changes, so the widget's own words follow.
 */
export function createConversationLanguage(deps: ConversationLanguageDeps) {
  const customerLanguage = async (conv: Conversation): Promise<string | null> =>
    conv.customerId ? ((await deps.customers.profile(conv.customerId))?.language ?? null) : null;

  /** The conversation's language as things stand, with no new message. */
  async function current(conv: Conversation): Promise<Language> {
    return chooseLanguage({
      conversation: conv.language,
      customer: await customerLanguage(conv),
      page: conv.pageLanguage,
      shop: deps.shopLanguage,
    });
  }

  async function announceIfChanged(conv: Conversation, before: Language, after: Language): Promise<void> {
    if (after !== before) await deps.events.append(conv.id, { type: 'language.changed', language: after });
  }

  return {
    current,

    /** The shopper wrote `text`: a message that tells its language moves the conversation to it. */
    async afterMessage(conv: Conversation, text: string): Promise<Language> {
      const before = await current(conv);
      const told = detectLanguage(text);
      if (!told) return before;
      if (told !== conv.language) await deps.conversations.setLanguage(conv.id, told);
      await announceIfChanged(conv, before, told);
      return told;
    },

    /** The page the widget runs on declared a language (a join): it counts until a message tells. */
    async fromPage(conv: Conversation, page: string | null | undefined): Promise<Language> {
      const before = await current(conv);
      if (!isLanguage(page) || page === conv.pageLanguage) return before;
      await deps.conversations.setPageLanguage(conv.id, page);
      const after = await current({ ...conv, pageLanguage: page });
      await announceIfChanged(conv, before, after);
      return after;
    },
  };
}

export type ConversationLanguage = ReturnType<typeof createConversationLanguage>;
