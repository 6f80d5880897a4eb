import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from '../../src/db/data-dir-lock.js';

describe('the embedded data directory', () => {
  it('can be opened by one process only; the second gets a clear error', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-lock-')), 'pg');
    const first = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(/already in use by another Concierge process \(pid \d+/);
    first.release();
    const again = lockDataDir(dir);
    again.release();
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-lock-')), 'pg');
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10)']);
    const pid = child.pid!;
    await new Promise((r) => child.on('exit', r));
    fs.writeFileSync(`${dir}.lock`, JSON.stringify({ pid, host: os.hostname(), startedAt: new Date().toISOString() }));
    const lock = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });
});
