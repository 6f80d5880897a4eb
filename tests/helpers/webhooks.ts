import { readFileSync } from 'node:fs';
import path from 'node:path';
import { signWebhookBody } from '../../src/platforms/webhook-signature.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/platforms');

/** A platform payload fixture (tests/fixtures/platforms/<name>.json), parsed so a test can change it. */
export function platformFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as T;
}

/** POSTs a webhook as the platform does: the raw JSON body with its HMAC signature header. */
export async function postWebhook(
  url: string,
  opts: {
    body: unknown;
    secret: string;
    signatureHeader: string;
    headers?: Record<string, string>;
    signature?: string;
  },
) {
  const raw = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [opts.signatureHeader]: opts.signature ?? signWebhookBody(opts.secret, raw),
      ...opts.headers,
    },
    body: raw,
  });
  return {
    status: res.status,
    body: (await res.json()) as { ok?: boolean; outcome?: string; error?: { code: string; message: string } },
  };
}
