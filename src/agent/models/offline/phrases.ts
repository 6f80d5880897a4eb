/** Conversational phrases the offline model recognises (greetings, thanks, asking for a person) and filler words. */

export type Lang = 'en' | 'de' | 'fr' | 'nl';

export const GREETINGS: { phrase: string; lang: Lang }[] = [
  { phrase: 'good morning', lang: 'en' },
  { phrase: 'good afternoon', lang: 'en' },
  { phrase: 'good evening', lang: 'en' },
  { phrase: 'hello there', lang: 'en' },
  { phrase: 'hey there', lang: 'en' },
  { phrase: 'hi there', lang: 'en' },
  { phrase: 'hello', lang: 'en' },
  { phrase: 'hiya', lang: 'en' },
  { phrase: 'hey', lang: 'en' },
  { phrase: 'hi', lang: 'en' },
  { phrase: 'yo', lang: 'en' },
  { phrase: 'hola', lang: 'en' },
  { phrase: 'ciao', lang: 'en' },
  { phrase: 'hej', lang: 'en' },
  { phrase: 'howdy', lang: 'en' },
  { phrase: 'greetings', lang: 'en' },
  { phrase: 'guten morgen', lang: 'de' },
  { phrase: 'guten tag', lang: 'de' },
  { phrase: 'guten abend', lang: 'de' },
  { phrase: 'hallo', lang: 'de' },
  { phrase: 'moin', lang: 'de' },
  { phrase: 'servus', lang: 'de' },
  { phrase: 'grüß gott', lang: 'de' },
  { phrase: 'bonjour', lang: 'fr' },
  { phrase: 'bonsoir', lang: 'fr' },
  { phrase: 'salut', lang: 'fr' },
  { phrase: 'coucou', lang: 'fr' },
  { phrase: 'goedemorgen', lang: 'nl' },
  { phrase: 'goedemiddag', lang: 'nl' },
  { phrase: 'goedenavond', lang: 'nl' },
  { phrase: 'goedendag', lang: 'nl' },
  { phrase: 'hoi', lang: 'nl' },
];

export const THANKS: { phrase: string; lang: Lang }[] = [
  { phrase: 'thank you so much', lang: 'en' },
  { phrase: 'thank you', lang: 'en' },
  { phrase: 'thanks a lot', lang: 'en' },
  { phrase: 'thanks', lang: 'en' },
  { phrase: 'thx', lang: 'en' },
  { phrase: 'ty', lang: 'en' },
  { phrase: 'cheers', lang: 'en' },
  { phrase: 'great', lang: 'en' },
  { phrase: 'perfect', lang: 'en' },
  { phrase: 'awesome', lang: 'en' },
  { phrase: 'cool', lang: 'en' },
  { phrase: 'ok', lang: 'en' },
  { phrase: 'okay', lang: 'en' },
  { phrase: 'bye', lang: 'en' },
  { phrase: 'goodbye', lang: 'en' },
  { phrase: 'vielen dank', lang: 'de' },
  { phrase: 'danke schön', lang: 'de' },
  { phrase: 'danke', lang: 'de' },
  { phrase: 'merci beaucoup', lang: 'fr' },
  { phrase: 'merci', lang: 'fr' },
  { phrase: 'dank je wel', lang: 'nl' },
  { phrase: 'dank je', lang: 'nl' },
  { phrase: 'dank u', lang: 'nl' },
  { phrase: 'bedankt', lang: 'nl' },
];

export const GREETING_REPLY: Record<Lang, string> = {
  en: "Hi! I'm the shop assistant. I can help you find products, manage your cart, check an order or answer shipping and returns questions. What are you looking for today?",
  de: 'Hallo! Ich bin der Shop-Assistent. Wonach suchen Sie? (I can also help in English.)',
  fr: "Bonjour ! Je suis l'assistant de la boutique. Que recherchez-vous ? (I can also help in English.)",
  nl: 'Hallo! Ik ben de winkelassistent. Waar bent u naar op zoek? (I can also help in English.)',
};

export const THANKS_REPLY: Record<Lang, string> = {
  en: "You're welcome! Anything else I can help you with?",
  de: 'Gern geschehen! Kann ich sonst noch helfen?',
  fr: 'Avec plaisir ! Puis-je vous aider avec autre chose ?',
  nl: 'Graag gedaan! Kan ik nog ergens mee helpen?',
};

/** Asking for a human. */
export const HUMAN_PHRASES = [
  'talk to a person',
  'speak to a person',
  'talk to someone',
  'speak to someone',
  'speak with someone',
  'talk with someone',
  'real person',
  'a human',
  'human please',
  'human being',
  'live agent',
  'an agent',
  'agent please',
  'customer service',
  'customer support',
  'representative',
  'talk to a human',
  'speak to a human',
  'someone real',
  'a real person',
  'operator',
  'support team',
  'your staff',
  'a manager',
  'call me',
  'contact someone',
  'connect me',
  'to support',
  'contact support',
  'support agent',
];

/** Frustration or abuse: hand over with high urgency. */
export const ANGER_PHRASES = [
  'useless',
  'stupid',
  'idiot',
  'wtf',
  'damn',
  'terrible',
  'ridiculous',
  'awful',
  'worst',
  'scam',
  'fraud',
  'fuck',
  'fucking',
  'shit',
  'crap',
  'pathetic',
  'furious',
  'angry',
  'not helpful',
  'unacceptable',
  'rubbish',
  'garbage',
  'trash',
  'sucks',
  'horrible',
  'bullshit',
  'nonsense',
  'waste of time',
  'fed up',
];

/** Words that carry no product meaning; dropped from search queries. */
export const FILLER = new Set(
  (
    "i i'm im i'd id me my we our us you your it its is are was be am do does did have has had can could would will " +
    'should shall may might please pls plz looking look searching search find finding show showing see need needs want ' +
    'wanted wanting like likes liked love loves enjoy enjoys get buy buying purchase shopping shop order some any ' +
    'something anything stuff thing things item items product products a an the this that these those one ones with ' +
    'without of to in on at by for from and or but also too very really just maybe perhaps good nice new cool great ' +
    'what which who whom whose where how there here got hi hello hey thanks cheap cheaper affordable inexpensive budget ' +
    'price priced prices cost costs euro euros eur dollars usd pounds gbp € $ £ under below over above less more than ' +
    'between around about up maximum minimum least most at all available stock kind sort type pair pairs ' +
    'him her his hers them they he she dad mum mom father mother wife husband friend friends sister brother son daughter ' +
    'boyfriend girlfriend partner grandma grandpa colleague boss someone somebody who ideas idea recommendations options ' +
    "let's lets let now today tell know help offer sell carry stocked got add put cart basket trolley as if so then into onto cheapest best top quality decent whats what's where's hows how's after"
  ).split(' '),
);

export const ORDINALS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  sixth: 6,
  '6th': 6,
  seventh: 7,
  '7th': 7,
  eighth: 8,
  '8th': 8,
  ninth: 9,
  '9th': 9,
  tenth: 10,
  '10th': 10,
};

export const NOT_UNDERSTOOD =
  "I'm not sure I understood. I can search products, check orders or your cart, answer shipping/returns questions — or connect you with a person.";
