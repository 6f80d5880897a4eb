import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { createSessionTokens, identityHash } from '../../src/identity/session-tokens.js';
import { createLogger } from '../../src/logger.js';

/** A logger at debug level that keeps its lines, and the data of the last one parsed back. */
function capture() {
  const lines: string[] = [];
  const logger = createLogger('debug', (line) => lines.push(line));
  const last = () => {
    const match = /^\S+ (\w+)\s+(.*?) (\{.*\})$/.exec(lines.at(-1)!);
    if (!match) throw new Error(`not a log line with data: ${lines.at(-1)}`);
    return { level: match[1], msg: match[2], data: JSON.parse(match[3]) };
  };
  return { logger, lines, last };
}

describe('the logger', () => {
  it('writes an error with its code, its stack and the stack of its cause, on one line', () => {
    const { logger, lines, last } = capture();
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const err = new AppError('db:start', 'Could not start the database', { cause: refused });
    logger.error('start failed', { err, attempt: 2 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    const { level, msg, data } = last();
    expect(level).toBe('error');
    expect(msg).toBe('start failed');
    expect(data.attempt).toBe(2);
    expect(data.err).toMatchObject({ name: 'AppError', code: 'db:start', message: 'Could not start the database' });
    expect(data.err.stack).toMatch(/^AppError: Could not start the database\n\s+at .*logger\.test\.ts/);
    expect(data.err.cause).toMatchObject({ name: 'Error', code: 'ECONNREFUSED' });
    expect(data.err.cause.stack).toMatch(/^Error: connect ECONNREFUSED 127\.0\.0\.1:5432\n\s+at .*logger\.test\.ts/);
  });

  it("writes an AggregateError's errors, and survives a cause chain that loops", () => {
    const { logger, last } = capture();
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    a.cause = b;
    logger.warn('some stores failed', { err: new AggregateError([a, 'not an error'], 'two failures') });
    const { err } = last().data;
    expect(err.name).toBe('AggregateError');
    expect(err.errors[0]).toMatchObject({ message: 'a', cause: { message: 'b', cause: '[circular]' } });
    expect(err.errors[1]).toBe('not an error');
  });

  it('redacts secrets anywhere in the data, and nothing else', () => {
    const { logger, lines, last } = capture();
    const sessionToken = createSessionTokens('server-secret').issue({ sid: 'ses_0123456789abcdef', cid: 'c_1' });
    const customerHash = identityHash('shop-secret', 'c_1');
    logger.info(`session ${sessionToken} resumed`, {
      request: {
        headers: { Authorization: `Bearer ${sessionToken}`, Cookie: 'sid=abc123', 'X-Api-Key': 'sk-live-1' },
        body: [{ customerId: 'c_1', customerHash, password: 'hunter2' }],
      },
      config: { sessionSecret: 'sess-secret-1', identitySecret: 'id-secret-1', api_key: 'sk-live-2' },
      databaseUrl: 'postgres://concierge:db-pass-1@db:5432/shop',
      identity: { hash: customerHash },
      note: `upstream replied to Bearer sk-live-3 with 401`,
      err: new Error(`token ${sessionToken} rejected`),
      usage: { maxTokens: 300, promptTokens: 12 },
      sku: { hash: 'short' },
    });
    const secrets = ['hunter2', 'abc123', 'sk-live-', 'sess-secret-1', 'id-secret-1', 'db-pass-1', customerHash];
    for (const secret of [...secrets, sessionToken, sessionToken.split('.')[1]]) expect(lines[0]).not.toContain(secret);
    const { msg, data } = last();
    expect(msg).toBe('session [redacted] resumed');
    expect(data.request.headers).toEqual({
      Authorization: '[redacted]',
      Cookie: '[redacted]',
      'X-Api-Key': '[redacted]',
    });
    expect(data.request.body[0]).toEqual({ customerId: 'c_1', customerHash: '[redacted]', password: '[redacted]' });
    expect(data.config).toEqual({ sessionSecret: '[redacted]', identitySecret: '[redacted]', api_key: '[redacted]' });
    expect(data.databaseUrl).toBe('postgres://concierge:[redacted]@db:5432/shop');
    expect(data.identity.hash).toBe('[redacted]');
    expect(data.note).toBe('upstream replied to Bearer [redacted] with 401');
    expect(data.err.message).toBe('token [redacted] rejected');
    expect(data.usage).toEqual({ maxTokens: 300, promptTokens: 12 });
    expect(data.sku.hash).toBe('short');
  });

  it('writes a circular object without throwing, and a shared one in full', () => {
    const { logger, last } = capture();
    const cart: Record<string, unknown> = { id: 'cart_1' };
    cart.self = cart;
    const product = { sku: 'TEA-1' };
    expect(() => logger.debug('cart', { cart, lines: [product, product], total: 10n })).not.toThrow();
    expect(last().data).toEqual({
      cart: { id: 'cart_1', self: '[circular]' },
      lines: [{ sku: 'TEA-1' }, { sku: 'TEA-1' }],
      total: '10',
    });
  });

  it('writes nothing below its level', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', (line) => lines.push(line));
    logger.info('quiet');
    logger.warn('loud');
    expect(lines).toEqual([expect.stringMatching(/ warn {2}loud$/)]);
  });

  it("never writes a shopper's personal data: contact and address fields by key, emails and phone numbers anywhere", () => {
    const { logger, last } = capture();
    logger.warn('could not mail ada@example.com about her order', {
      customer: { id: 'cus_1', email: 'ada@example.com', firstName: 'Ada', phone: '+31 6 1234 5678' },
      shippingAddress: { line1: '1 Main St', city: 'Leeds' },
      note: 'call +44 20 7946 0958 or write to ada.l@mail.example.org',
      orderId: 'AP-10066',
      at: '2026-12-03 19:20',
    });
    const { msg, data } = last();
    expect(msg).toBe('could not mail [email] about her order');
    expect(data.customer).toEqual({ id: 'cus_1', email: '[personal]', firstName: '[personal]', phone: '[personal]' });
    expect(data.shippingAddress).toBe('[personal]');
    expect(data.note).toBe('call [phone] or write to [email]');
    expect(data.orderId).toBe('AP-10066');
    expect(data.at).toBe('2026-12-03 19:20');
  });

  it('writes one JSON object a line in the json format, with the same redaction and the error spelled out', () => {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line), { format: 'json' });
    logger.debug('below the level');
    logger.error('turn failed', { conversationId: 'conv_1', err: new Error('boom'), email: 'x@y.example' });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: 'error', msg: 'turn failed', conversationId: 'conv_1', email: '[personal]' });
    expect(entry.time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(entry.err.stack).toMatch(/^Error: boom\n\s+at /);
  });
});
