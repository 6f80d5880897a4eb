import { mkdtemp, mkdir, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedBuffersFor } from '../../src/db/pglite-database.js';

describe('the embedded database shared_buffers', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'shared-buffers-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps an explicit size', () => {
    expect(sharedBuffersFor('64MB', dir)).toBe('64MB');
  });

  it('gives a new or small database 32MB', async () => {
    expect(sharedBuffersFor('auto', path.join(dir, 'absent'))).toBe('32MB');
    expect(sharedBuffersFor('auto', undefined)).toBe('32MB');
    await mkdir(path.join(dir, 'small', 'base'), { recursive: true });
    await writeFile(path.join(dir, 'small', 'base', 'table'), Buffer.alloc(1024));
    expect(sharedBuffersFor('auto', path.join(dir, 'small'))).toBe('32MB');
  });

  it('gives a database of 256 MB or more on disk 128MB, counting files in subdirectories', async () => {
    const big = path.join(dir, 'big', 'base', '5');
    await mkdir(big, { recursive: true });
    await writeFile(path.join(big, 'a'), '');
    await writeFile(path.join(big, 'b'), '');
    await truncate(path.join(big, 'a'), 200 * 1024 * 1024);
    await truncate(path.join(big, 'b'), 56 * 1024 * 1024);
    expect(sharedBuffersFor('auto', path.join(dir, 'big'))).toBe('128MB');
  });

  it('gives a larger database half its size in 64MB steps, at most 512MB (sparse files: no disk used)', async () => {
    const large = path.join(dir, 'large', 'base');
    await mkdir(large, { recursive: true });
    await writeFile(path.join(large, 'a'), '');
    await truncate(path.join(large, 'a'), 800 * 1024 * 1024);
    expect(sharedBuffersFor('auto', path.join(dir, 'large'))).toBe('448MB');
    await writeFile(path.join(large, 'b'), '');
    await truncate(path.join(large, 'b'), 2048 * 1024 * 1024);
    expect(sharedBuffersFor('auto', path.join(dir, 'large'))).toBe('512MB');
  });
});
