/**
 * The product titles of two words or more that a text quotes whole, as the catalog spells them (lower case,
 * longest first): a name the shopper copied into a message in another language is kept as the shop has it.
 * Titles are found by their first word, so a message is compared with the few titles it can hold.
 */
export function quotedTitles(titles: Iterable<string>): (text: string) => string[] {
  const byFirst = new Map<string, string[]>();
  for (const raw of titles) {
    const title = raw.toLowerCase().replace(/\s+/g, ' ').trim();
    if (!title.includes(' ')) continue;
    const first = title.split(' ')[0];
    const list = byFirst.get(first);
    if (list) list.push(title);
    else byFirst.set(first, [title]);
  }
  const letter = /[\p{L}\p{N}]/u;
  return (text) => {
    const lower = ` ${text.toLowerCase().replace(/\s+/g, ' ')} `;
    const whole = (title: string) => {
      const at = lower.indexOf(title);
      return at > 0 && !letter.test(lower[at - 1]) && !letter.test(lower[at + title.length]);
    };
    const words = new Set(lower.split(/[^\p{L}\p{N}'-]+/u));
    return [...words]
      .flatMap((w) => byFirst.get(w) ?? [])
      .filter(whole)
      .sort((a, b) => b.length - a.length);
  };
}
