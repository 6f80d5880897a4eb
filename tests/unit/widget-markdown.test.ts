import { describe, expect, it } from 'vitest';
import { toDom } from '../../widget/chat/dom-tree.js';
import { type LinkPolicy, type MdNode, parseMarkdown, safeHref } from '../../widget/chat/markdown.js';
import { textDirection } from '../../widget/chat/text-direction.js';

/** Every tag in a tree, depth first. */
function tags(nodes: MdNode[]): string[] {
  return nodes.flatMap((n) => ('text' in n ? [] : [n.tag, ...tags(n.children)]));
}
/** All text, concatenated. */
function text(nodes: MdNode[]): string {
  return nodes.map((n) => ('text' in n ? n.text : text(n.children))).join('');
}
function links(nodes: MdNode[]): Record<string, string>[] {
  return nodes.flatMap((n) => ('text' in n ? [] : [...(n.tag === 'a' ? [n.attrs ?? {}] : []), ...links(n.children)]));
}

/** The shop's page and the Concierge server, as the chat passes them for model text. */
const OWN: LinkPolicy = ['https://shop.example', 'https://chat.shop-cdn.example'];

describe('markdown renderer for model text', () => {
  it('renders bold, italic, inline code and paragraphs', () => {
    const tree = parseMarkdown('The **Trail Runner** is *light* and `waterproof`.\n\nSecond paragraph.');
    expect(tree).toEqual([
      {
        tag: 'p',
        children: [
          { text: 'The ' },
          { tag: 'strong', children: [{ text: 'Trail Runner' }] },
          { text: ' is ' },
          { tag: 'em', children: [{ text: 'light' }] },
          { text: ' and ' },
          { tag: 'code', children: [{ text: 'waterproof' }] },
          { text: '.' },
        ],
      },
      { tag: 'p', children: [{ text: 'Second paragraph.' }] },
    ]);
  });

  it('renders bullet and numbered lists, keeping a numbered list start', () => {
    const tree = parseMarkdown('Options:\n- Red, size 42\n- Blue\n\n3. third\n4. fourth');
    expect(tags(tree)).toEqual(['p', 'ul', 'li', 'li', 'ol', 'li', 'li']);
    const ol = tree[2] as Extract<MdNode, { tag: string }>;
    expect(ol.attrs).toEqual({ start: '3' });
    expect(text(tree)).toBe('Options:Red, size 42Bluethirdfourth');
  });

  it('keeps line breaks inside a paragraph and headings as bold lines', () => {
    const tree = parseMarkdown('### Our picks\nline one\nline two');
    expect(tags(tree)).toEqual(['p', 'strong', 'p', 'br']);
  });

  it("makes links to the shop's own origins open in a new tab without an opener", () => {
    const tree = parseMarkdown(
      'See [our returns policy](https://shop.example/returns) or https://shop.example/help.',
      OWN,
    );
    expect(links(tree)).toEqual([
      { href: 'https://shop.example/returns', rel: 'noopener noreferrer', target: '_blank' },
      { href: 'https://shop.example/help', rel: 'noopener noreferrer', target: '_blank' },
    ]);
    expect(text(tree)).toBe('See our returns policy or https://shop.example/help.');
    expect(links(parseMarkdown('[Foo](https://shop.example/wiki/Foo_(bar))', OWN))[0].href).toBe(
      'https://shop.example/wiki/Foo_(bar)',
    );
    expect(links(parseMarkdown('[Track it](https://chat.shop-cdn.example/track/1)', OWN))).toHaveLength(1);
    expect(links(parseMarkdown('[Help](HTTPS://SHOP.example:443/help)', OWN))[0].href).toBe(
      'https://shop.example/help',
    );
  });

  it('shows a link to any other site as its text and the real host, not clickable', () => {
    const tree = parseMarkdown(
      'See the [Sizing guide](https://example.com/sizes?x=1) or https://example.org/login.',
      OWN,
    );
    expect(links(tree)).toEqual([]);
    expect(text(tree)).toBe('See the Sizing guide (example.com) or https://example.org/login (example.org).');
    // Formatting inside the link text survives; the host follows it.
    expect(text(parseMarkdown('[**Reviews**](http://reviews.example:8080/a)', OWN))).toBe(
      'Reviews (reviews.example:8080)',
    );
  });

  it('trusts exact origins only: subdomains, other ports or schemes and userinfo are shown with their host', () => {
    for (const [url, host] of [
      ['https://www.shop.example/sale', 'www.shop.example'],
      ['https://shop.example:8443/sale', 'shop.example:8443'],
      ['http://shop.example/sale', 'shop.example'],
      ['https://user@shop.example/sale', 'shop.example'],
    ]) {
      const tree = parseMarkdown(`[Sale](${url})`, OWN);
      expect(links(tree), url).toEqual([]);
      expect(text(tree), url).toBe(`Sale (${host})`);
    }
  });

  it('shows the host a lookalike URL really goes to', () => {
    for (const [url, host] of [
      ['https://shop.example.evil.com/returns', 'shop.example.evil.com'],
      ['https://shop.example@evil.com/returns', 'evil.com'],
      ['https://shop.example:secret@evil.com/returns', 'evil.com'],
      ['https://evil.com\\@shop.example/returns', 'evil.com'],
      ['https://shöp.example/returns', 'xn--shp-tna.example'],
      ['https://ѕhop.example/returns', 'xn--hop-ehd.example'], // Cyrillic "ѕ"
      ['https://xn--hop-ehd.example/returns', 'xn--hop-ehd.example'],
    ]) {
      const tree = parseMarkdown(`[https://shop.example/returns](${url}) and ${url}`, OWN);
      expect(links(tree), url).toEqual([]);
      expect(text(tree), url).toBe(`https://shop.example/returns (${host}) and ${url} (${host})`);
    }
  });

  it("links nowhere by default, and anywhere over http(s) for a person on the shop's team", () => {
    expect(links(parseMarkdown('[Returns](https://shop.example/returns)'))).toEqual([]);
    expect(links(parseMarkdown('[Tracking](https://carrier.example/t/1)', 'any'))).toEqual([
      { href: 'https://carrier.example/t/1', rel: 'noopener noreferrer', target: '_blank' },
    ]);
  });

  it('drops javascript:, data: and relative links, keeping their text', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(document.cookie)',
      'data:text/html,x',
      '/relative',
      '//evil.example/x',
      'vbscript:x',
    ]) {
      for (const policy of [OWN, 'any'] as const) {
        const tree = parseMarkdown(`[click me](${url})`, policy);
        expect(links(tree), url).toEqual([]);
        expect(text(tree), url).toBe('click me');
      }
    }
    expect(safeHref('javascript:alert(1)')).toBeNull();
  });

  it('shows raw HTML as plain text and never makes an element from it', () => {
    const src =
      '<img src=x onerror=alert(1)> <script>alert("x")</script> <a href="javascript:alert(1)">hi</a> <b>bold?</b>';
    const tree = parseMarkdown(src);
    expect(tags(tree)).toEqual(['p']);
    expect(text(tree)).toBe(src);
  });

  it('leaves HTML entities undecoded, so they show as typed', () => {
    const tree = parseMarkdown('&lt;img src=x onerror=alert(1)&gt; &amp; &#60;script&#62;');
    expect(tags(tree)).toEqual(['p']);
    expect(text(tree)).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; &#60;script&#62;');
  });

  it('keeps fenced code verbatim', () => {
    const tree = parseMarkdown('```\n<b>**not bold**</b>\n```');
    expect(tree).toEqual([{ tag: 'pre', children: [{ tag: 'code', children: [{ text: '<b>**not bold**</b>' }] }] }]);
  });

  it('leaves unfinished markup (mid-stream) as text', () => {
    expect(text(parseMarkdown('The **Trail'))).toBe('The **Trail');
    expect(tags(parseMarkdown('price 2 * 3 * 4, snake_case_name'))).toEqual(['p']);
  });
});

describe('markdown tree to DOM', () => {
  /** A stand-in document that records what is created: enough to check what toDom may create. */
  function fakeDocument() {
    const created: string[] = [];
    const node = (kind: string) => {
      const children: unknown[] = [];
      const attrs: Record<string, string> = {};
      return {
        kind,
        children,
        attrs,
        append: (...c: unknown[]) => children.push(...c),
        setAttribute: (k: string, v: string) => (attrs[k] = v),
      };
    };
    const doc = {
      createDocumentFragment: () => node('#fragment'),
      createTextNode: (t: string) => ({ kind: '#text', text: t }),
      createElement: (tag: string) => {
        created.push(tag);
        return node(tag);
      },
    };
    return { doc: doc as unknown as Document, created };
  }

  it('creates only allowlisted elements and attributes, and text as text nodes', () => {
    const { doc, created } = fakeDocument();
    const tree: MdNode[] = [
      { tag: 'p', children: [{ text: '<script>x</script>' }] },
      { tag: 'script' as 'p', attrs: { onclick: 'x', href: 'https://a.example/' }, children: [{ text: 'y' }] },
    ];
    const frag = toDom(tree, doc) as unknown as {
      children: { kind: string; attrs: Record<string, string>; children: { kind: string; text?: string }[] }[];
    };
    expect(created).toEqual(['p', 'span']);
    expect(frag.children[0].children[0]).toEqual({ kind: '#text', text: '<script>x</script>' });
    expect(frag.children[1].attrs).toEqual({ href: 'https://a.example/' });
  });
});

describe('message direction', () => {
  it('is rtl for mainly Arabic, Persian or Hebrew text, even with a Latin product name', () => {
    expect(textDirection('هل لديكم أحذية للجري؟')).toBe('rtl');
    expect(textDirection('می‌خواهم یک کیف بخرم')).toBe('rtl');
    expect(textDirection('אני מחפש מעיל גשם')).toBe('rtl');
    expect(textDirection('أريد حذاء Trail Runner مقاس ٤٢')).toBe('rtl');
  });

  it('is ltr for Latin text, a lone Arabic word, or no letters at all', () => {
    expect(textDirection('Do you have rain jackets?')).toBe('ltr');
    expect(textDirection('What does شكرا mean in English, please?')).toBe('ltr');
    expect(textDirection('42 👍')).toBe('ltr');
  });
});
