import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { lockDataDir, type LockHolder } from '../../src/db/data-dir-lock.js';

const root = path.resolve(import.meta.dirname, '../..');
const bootId = (() => {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return undefined;
  }
})();

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function newDataDir(): string {
  tempDirs.push(fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-lock-')));
  return path.join(tempDirs.at(-1)!, 'pg');
}

/** Writes a lock file as another holder would have left it, with its last heartbeat `ageMs` ago. */
function writeLock(dataDir: string, holder: LockHolder, ageMs = 0): string {
  const lockPath = `${dataDir}.lock`;
  fs.writeFileSync(lockPath, JSON.stringify({ startedAt: new Date().toISOString(), heartbeatMs: 5_000, ...holder }));
  const at = new Date(Date.now() - ageMs);
  fs.utimesSync(lockPath, at, at);
  return lockPath;
}

const lockedBy = (pid: number, host: string) =>
  expect.objectContaining({
    code: 'db:locked',
    message: expect.stringContaining(`in use by another Concierge process (pid ${pid} on ${host}, started`),
  });

const holderOf = (lockPath: string): LockHolder => JSON.parse(fs.readFileSync(lockPath, 'utf8'));

// A separate Node process taking locks on command: `lock <dataDir>` answers `won` or `refused <code>`, `release`
// answers `released`; it exits when its stdin closes, releasing what it holds on exit.
const CONTENDER = `
import readline from 'node:readline';
const { lockDataDir } = await import(process.env.LOCK_MODULE);
let held;
console.log('ready');
for await (const line of readline.createInterface({ input: process.stdin })) {
  if (line === 'release') {
    held?.release();
    console.log('released');
    continue;
  }
  try {
    held = lockDataDir(line.slice('lock '.length), { heartbeatMs: Number(process.env.LOCK_HEARTBEAT_MS) });
    console.log('won');
  } catch (err) {
    console.log('refused ' + err.code);
  }
}
`;

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
});

async function startContender(heartbeatMs = 5_000) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CONTENDER], {
    cwd: root,
    env: {
      ...process.env,
      LOCK_MODULE: path.join(root, 'src/db/data-dir-lock.ts'),
      LOCK_HEARTBEAT_MS: `${heartbeatMs}`,
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  const exited = once(child, 'exit');
  const lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const nextLine = async () => String((await lines.next()).value);
  expect(await nextLine()).toBe('ready');
  return {
    pid: child.pid!,
    /** Sends a command; `answer()` then waits for its reply, so several contenders can be sent theirs first. */
    send: (command: string) => child.stdin!.write(`${command}\n`),
    answer: nextLine,
    stop: async () => {
      child.stdin!.end();
      await exited;
    },
  };
}

describe('the embedded data directory', () => {
  it('can be opened by one process only; the second gets a clear error', () => {
    const dir = newDataDir();
    const first = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(/already in use by another Concierge process \(pid \d+/);
    first.release();
    const again = lockDataDir(dir);
    expect(again.tookOver).toBeUndefined();
    again.release();
    expect(fs.existsSync(again.path)).toBe(false);
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = newDataDir();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10)']);
    const pid = child.pid!;
    await once(child, 'exit');
    fs.writeFileSync(`${dir}.lock`, JSON.stringify({ pid, host: os.hostname(), startedAt: new Date().toISOString() }));
    const lock = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    expect(lock.tookOver?.reason).toMatch(`process ${pid} is gone`);
    lock.release();
  });

  it('takes over a lock holding our own pid, as a restarted container where both are pid 1', () => {
    const dir = newDataDir();
    writeLock(dir, { pid: process.pid, host: os.hostname(), bootId, token: 'from-the-killed-container' });
    const lock = lockDataDir(dir);
    expect(lock.tookOver?.holder.token).toBe('from-the-killed-container');
    expect(holderOf(lock.path)).toMatchObject({ pid: process.pid, host: os.hostname(), bootId });
    lock.release();
  });

  it('refuses a lock from another host while its heartbeat is fresh, even with our pid', () => {
    const dir = newDataDir();
    writeLock(dir, { pid: process.pid, host: 'other-container', bootId: 'other-boot' }, 10_000);
    expect(() => lockDataDir(dir)).toThrow(lockedBy(process.pid, 'other-container'));
    expect(holderOf(`${dir}.lock`).host).toBe('other-container');
  });

  it('takes over a lock from another host whose heartbeat is older than the stale limit', () => {
    const dir = newDataDir();
    writeLock(dir, { pid: 4242, host: 'killed-container' }, 10_000);
    const lock = lockDataDir(dir, { staleMs: 5_000 });
    expect(lock.tookOver).toMatchObject({ holder: { host: 'killed-container' }, reason: 'no heartbeat for 10 s' });
    expect(holderOf(lock.path).host).toBe(os.hostname());
    lock.release();
  });

  // Only Linux exposes a boot id (/proc/sys/kernel/random/boot_id); without one a lock cannot say which boot wrote it.
  it.skipIf(!bootId)('takes over a lock from a previous boot of this machine, whatever its pid', () => {
    const dir = newDataDir();
    // Our parent is alive: only the boot id says this lock is from before a reboot.
    writeLock(dir, { pid: process.ppid, host: os.hostname(), bootId: 'a-previous-boot' });
    const lock = lockDataDir(dir);
    expect(lock.tookOver?.reason).toMatch(/rebooted/);
    lock.release();
  });

  it('refuses a live holder in another process, which keeps its lock fresh, and frees it when it exits', async () => {
    const dir = newDataDir();
    const holder = await startContender(50);
    holder.send(`lock ${dir}`);
    expect(await holder.answer()).toBe('won');
    const lockPath = `${dir}.lock`;
    const longAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(lockPath, longAgo, longAgo);
    await vi.waitFor(() => expect(Date.now() - fs.statSync(lockPath).mtimeMs).toBeLessThan(1_000));
    expect(() => lockDataDir(dir, { staleMs: 1_000 })).toThrow(lockedBy(holder.pid, os.hostname()));
    expect(holderOf(lockPath).pid).toBe(holder.pid);
    await holder.stop();
    expect(fs.existsSync(lockPath)).toBe(false);
    lockDataDir(dir).release();
  });

  it('is not blocked by a takeover left half done by a killed process, but waits for one in progress', () => {
    const dir = newDataDir();
    const guardPath = `${writeLock(dir, { pid: 4242, host: 'killed-container' }, 10 * 60_000)}.takeover`;
    fs.writeFileSync(guardPath, JSON.stringify({ pid: 4343, host: 'starting-container' }));
    expect(() => lockDataDir(dir)).toThrow(/is being taken over by another starting Concierge process \(pid 4343/);
    const longAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(guardPath, longAgo, longAgo);
    const lock = lockDataDir(dir);
    expect(lock.tookOver?.holder.host).toBe('killed-container');
    lock.release();
    expect(fs.readdirSync(path.dirname(dir))).toEqual([]);
  });

  it('leaves a lock alone on release once another process has taken it over', () => {
    const dir = newDataDir();
    const lock = lockDataDir(dir);
    writeLock(dir, { pid: 4242, host: 'new-holder' });
    lock.release();
    expect(holderOf(lock.path).host).toBe('new-holder');
  });

  it('lets exactly one of several processes take over one stale lock at the same time', async () => {
    const contenders = await Promise.all(Array.from({ length: 4 }, () => startContender()));
    for (let round = 0; round < 20; round++) {
      const dir = newDataDir();
      writeLock(dir, { pid: 4242, host: 'killed-container' }, 10 * 60_000);
      for (const c of contenders) c.send(`lock ${dir}`);
      const outcomes = await Promise.all(contenders.map((c) => c.answer()));
      expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'refused db:locked')).toHaveLength(3);
      expect(holderOf(`${dir}.lock`).pid).toBe(contenders[outcomes.indexOf('won')].pid);
      for (const c of contenders) c.send('release');
      for (const c of contenders) expect(await c.answer()).toBe('released');
      expect(fs.readdirSync(path.dirname(dir))).toEqual([]);
    }
    await Promise.all(contenders.map((c) => c.stop()));
  });
});
