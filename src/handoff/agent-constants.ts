/** Constants the console page shares with the server; no zod here, so the page bundle stays small. */
export const AGENT_NAMESPACE = '/agent';

/** Canned responses offered in the console. */
export const CANNED_RESPONSES = [
  'Hi, I’m here to help. Give me a moment to read through your conversation.',
  'Thanks for waiting! I’ve checked this for you.',
  'I’ve updated your cart — you should see it change on the page now.',
  'Is there anything else I can help you with today?',
  'I’ll hand you back to our assistant now. Have a great day!',
];
