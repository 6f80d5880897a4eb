// Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and the Arabic/Hebrew presentation forms.
const RTL_CHARS = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/gu;
const LETTERS = /\p{L}/gu;

/**
 * 'rtl' when the text is mainly right-to-left script: at least 40% of its letters, so an
 * Arabic sentence naming a product in Latin letters still reads right to left.
 */
export function textDirection(text: string): 'rtl' | 'ltr' {
  const letters = text.match(LETTERS)?.length ?? 0;
  if (letters === 0) return 'ltr';
  const rtl = text.match(RTL_CHARS)?.length ?? 0;
  return rtl / letters >= 0.4 ? 'rtl' : 'ltr';
}
