-- The conversation's language (conversations.language, from 002) is now written: the language of the
-- shopper's latest message that tells one (docs/languages.md). `page_language` is what the shop's page
-- declares (`<html lang>` or the widget's data-lang), used until a message or the customer says more.
ALTER TABLE conversations ADD COLUMN IF NOT EXISTS page_language text;
