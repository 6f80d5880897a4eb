import type { Language } from '../shared/language.js';

/** Constants the console page shares with the server; no zod here, so the page bundle stays small. */
export const AGENT_NAMESPACE = '/agent';

/** Canned responses offered in the console, in each language a conversation may be in. */
export const CANNED_RESPONSES: Record<Language, readonly string[]> = {
  en: [
    'Hi, I’m here to help. Give me a moment to read through your conversation.',
    'Thanks for waiting! I’ve checked this for you.',
    'I’ve updated your cart — you should see it change on the page now.',
    'Is there anything else I can help you with today?',
    'I’ll hand you back to our assistant now. Have a great day!',
  ],
  fa: [
    'سلام، من اینجا هستم تا کمکتان کنم. چند لحظه به من فرصت بدهید تا گفتگویتان را بخوانم.',
    'ممنون که منتظر ماندید! این را برایتان بررسی کردم.',
    'سبد خریدتان را به‌روز کردم؛ باید همین حالا تغییرش را در صفحه ببینید.',
    'کار دیگری هست که امروز بتوانم برایتان انجام دهم؟',
    'حالا شما را به دستیارمان برمی‌گردانم. روز خوبی داشته باشید!',
  ],
  ar: [
    'مرحبًا، أنا هنا لمساعدتك. امنحني لحظة لأقرأ محادثتك.',
    'شكرًا على انتظارك! لقد تحققت من هذا من أجلك.',
    'لقد حدّثت سلتك، ويُفترض أن ترى التغيير على الصفحة الآن.',
    'هل هناك أي شيء آخر يمكنني مساعدتك به اليوم؟',
    'سأعيدك الآن إلى مساعدنا. أتمنى لك يومًا سعيدًا!',
  ],
  de: [
    'Hallo, ich bin für Sie da. Geben Sie mir einen Moment, um Ihre Unterhaltung zu lesen.',
    'Danke fürs Warten! Ich habe das für Sie geprüft.',
    'Ich habe Ihren Warenkorb aktualisiert – Sie sollten die Änderung jetzt auf der Seite sehen.',
    'Kann ich sonst noch etwas für Sie tun?',
    'Ich übergebe Sie jetzt wieder an unseren Assistenten. Einen schönen Tag noch!',
  ],
};
