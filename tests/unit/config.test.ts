import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('configuration', () => {
  it('runs with nothing configured: embedded database, offline model, local embeddings', () => {
    const c = loadConfig({}, '/srv/shop');
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ kind: 'embedded', dataDir: '/srv/shop/data/pg', sharedBuffers: 'auto' });
    expect(c.openai).toBeNull();
    expect(c.embeddings).toBe('local');
    expect(c.consoleAgents.map((a) => a.email)).toContain('alex@example.com');
  });

  it('uses any OpenAI-compatible server when a base URL is set, without a key', () => {
    const c = loadConfig({ OPENAI_BASE_URL: 'http://localhost:11434/v1', OPENAI_MODEL: 'llama3.1' });
    expect(c.openai).toMatchObject({ baseURL: 'http://localhost:11434/v1', model: 'llama3.1' });
    expect(c.embeddings).toBe('openai');
    expect(loadConfig({ OPENAI_BASE_URL: 'http://localhost:11434/v1', EMBEDDINGS: 'local' }).embeddings).toBe('local');
  });

  it('fails at boot with a message naming each bad variable', () => {
    const bad = () =>
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'not a url',
        ALLOWED_ORIGINS: 'shop.example',
        BUSINESS_HOURS: 'weekdays',
      });
    expect(bad).toThrow(ConfigError);
    try {
      bad();
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/DATABASE_URL/);
      expect((e as Error).message).toMatch(/ALLOWED_ORIGINS/);
    }
    expect(() => loadConfig({ BUSINESS_HOURS: 'weekdays' })).toThrow(/BUSINESS_HOURS/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/IDENTITY_SECRET/);
    expect(() => loadConfig({ CONSOLE_AGENTS: 'alex' })).toThrow(/CONSOLE_AGENTS/);
  });

  it('reads console agents and the allowlist', () => {
    const c = loadConfig({
      CONSOLE_AGENTS:
        'Kim@Shop.example:longpassword1, lee@shop.example:another:pass:admin, mo@shop.example:pw-mo:merchandiser',
      ALLOWED_ORIGINS: 'https://shop.example/, https://www.shop.example',
    });
    expect(c.consoleAgents).toEqual([
      { email: 'kim@shop.example', password: 'longpassword1', role: 'agent' },
      { email: 'lee@shop.example', password: 'another:pass', role: 'admin' },
      { email: 'mo@shop.example', password: 'pw-mo', role: 'merchandiser' },
    ]);
    expect(c.allowedOrigins).toEqual(['https://shop.example', 'https://www.shop.example']);
  });
});

describe('demo and production modes', () => {
  it('serves the demo on this machine only unless HOST is set, with the demo logins', () => {
    const demo = loadConfig({});
    expect(demo).toMatchObject({ env: 'development', production: false, host: '127.0.0.1', hostFromEnv: false });
    expect(demo.consoleAgents.map((a) => [a.email, a.role])).toEqual([
      ['alex@example.com', 'admin'],
      ['sam@example.com', 'agent'],
      ['mia@example.com', 'merchandiser'],
    ]);
    expect(loadConfig({ HOST: '0.0.0.0' })).toMatchObject({ host: '0.0.0.0', hostFromEnv: true });
  });

  it('is production with either switch, with no demo login and every listen address', () => {
    const env = {
      IDENTITY_SECRET: 'i'.repeat(32),
      SESSION_SECRET: 's'.repeat(32),
      CONSOLE_AGENTS: 'kim@shop.example:kims-long-password:admin',
    };
    for (const c of [
      loadConfig({ ...env, CONCIERGE_ENV: 'production' }),
      loadConfig({ ...env, NODE_ENV: 'production' }),
    ]) {
      expect(c).toMatchObject({ env: 'production', production: true, host: '0.0.0.0' });
      expect(c.consoleAgents).toEqual([{ email: 'kim@shop.example', password: 'kims-long-password', role: 'admin' }]);
    }
  });

  it('names every missing production setting in one error', () => {
    expect(() => loadConfig({ CONCIERGE_ENV: 'production' })).toThrow(
      /IDENTITY_SECRET: missing[\s\S]*SESSION_SECRET: missing[\s\S]*CONSOLE_AGENTS: missing/,
    );
  });

  it('requires one shared session secret in production when instances share a database or Redis', () => {
    const env = {
      CONCIERGE_ENV: 'production',
      IDENTITY_SECRET: 'i'.repeat(32),
      CONSOLE_AGENTS: 'kim@shop.example:kims-long-password:admin',
    };
    expect(() => loadConfig({ ...env, REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(
      /SESSION_SECRET: missing \(signs shopper sessions; instances sharing REDIS_URL must all use the same one/,
    );
    expect(() =>
      loadConfig({ ...env, DATABASE_URL: 'postgres://db.internal/shop', REDIS_URL: 'redis://cache.internal' }),
    ).toThrow(/instances sharing DATABASE_URL and REDIS_URL must all use the same one/);
    const c = loadConfig({ ...env, REDIS_URL: 'redis://cache.internal', SESSION_SECRET: 's'.repeat(32) });
    expect(c.redis).toEqual({ url: 'redis://cache.internal', prefix: 'concierge:' });
  });
});

describe('several instances', () => {
  it('runs alone, all in memory, without REDIS_URL, and waits 10 s for running turns on SIGTERM', () => {
    expect(loadConfig({})).toMatchObject({ redis: null, shutdownGraceMs: 10_000 });
    expect(loadConfig({ SHUTDOWN_GRACE_MS: '2500', REDIS_PREFIX: 'shop-a:' })).toMatchObject({
      shutdownGraceMs: 2_500,
    });
  });

  it('names a REDIS_URL that is no Redis URL', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL: must be a redis:\/\//);
  });
});
