/** What the embedding `<script>` tag says, read from its `data-` attributes. */
export interface LoaderConfig {
  /** Where the Concierge server lives, without a trailing slash (e.g. `https://chat.example.com`). */
  serverBase: string;
  serverOrigin: string;
  /** The origin the chat iframe may talk to: this page's, unless `data-shop-origin` says otherwise. */
  shopOrigin: string;
  identity: { customerId: string; customerHash: string } | null;
  /** `data-title`; null lets the chat name its assistant in its own language. */
  title: string | null;
  /** `data-lang`, else the page's `<html lang>`: the conversation's language until the shopper's words tell. */
  language: string | null;
  accent: string;
  /** `data-platform`: the shop platform whose cart this page has (detected from the page when absent). */
  platform: string | null;
}

const HEX_COLOUR = /^#[0-9a-f]{3}([0-9a-f]{3})?$/i;

/** Reads the loader's own tag; an empty `data-server` means the server is where `widget.js` came from. */
export function readConfig(script: HTMLScriptElement | null, pageUrl: string, pageLang = ''): LoaderConfig {
  const data = script?.dataset ?? {};
  const scriptUrl = script?.src || pageUrl;
  const server = new URL(data.server?.trim() || new URL(scriptUrl, pageUrl).origin, pageUrl);
  if (server.protocol !== 'https:' && server.protocol !== 'http:')
    throw new Error(`Concierge: data-server must be an http(s) URL`);
  const serverBase = (server.origin + server.pathname).replace(/\/+$/, '');
  const customerId = data.customerId?.trim();
  const customerHash = data.customerHash?.trim();
  return {
    serverBase,
    serverOrigin: server.origin,
    shopOrigin: data.shopOrigin?.trim() ? new URL(data.shopOrigin.trim()).origin : new URL(pageUrl).origin,
    identity: customerId && customerHash ? { customerId, customerHash } : null,
    title: data.title?.trim() || null,
    language: data.lang?.trim() || pageLang.trim() || null,
    accent: data.accent && HEX_COLOUR.test(data.accent) ? data.accent : '#1f5f4a',
    platform: data.platform?.trim() || null,
  };
}
