import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fakes' routes see it: parsed URL, cookies and body. */
export interface FakeRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  cookies: Record<string, string>;
  /** JSON bodies parsed, form bodies as a flat record, else null. */
  body: unknown;
}

export interface FakeResponse {
  status: number;
  body: unknown;
  /** `text/html` when the body is a string, JSON otherwise, unless set here. */
  contentType?: string;
  headers?: Record<string, string | string[]>;
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return null;
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function send(res: ServerResponse, out: FakeResponse): void {
  const html = typeof out.body === 'string';
  const contentType = out.contentType ?? (html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8');
  res.writeHead(out.status, { 'Content-Type': contentType, 'Cache-Control': 'no-store', ...out.headers });
  res.end(html ? out.body : JSON.stringify(out.body));
}

/** An HTTP server on an ephemeral port of 127.0.0.1 that answers with `route`. */
export async function serveFake(
  route: (req: FakeRequest) => FakeResponse | Promise<FakeResponse>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const handle = async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const request: FakeRequest = {
        method: req.method ?? 'GET',
        url,
        headers: req.headers,
        cookies: parseCookies(req.headers.cookie),
        body: await readBody(req),
      };
      send(res, await route(request));
    };
    handle().catch((e: unknown) => send(res, { status: 500, body: { message: String(e) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

/** Escapes text for HTML the fakes render. */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Extra files a test serves from a fake shop (its script bundle). */
export type FakeAssets = Record<string, { body: string; contentType: string }>;
