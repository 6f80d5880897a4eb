import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors.js';

export interface LockHolder {
  pid?: number;
  host?: string;
  /** The kernel boot id of the holder's machine, when it could read one. */
  bootId?: string;
  startedAt?: string;
  /** Tells this lock instance apart from any other, even with the same pid and host. */
  token?: string;
  /** Set by holders that refresh the lock file's mtime; older locks never did. */
  heartbeatMs?: number;
}

export interface DataDirLock {
  readonly path: string;
  /** Set when a stale lock was taken over: who held it and why it was judged stale. Worth a warning. */
  readonly tookOver?: { holder: LockHolder; reason: string };
  release(): void;
}

export interface LockOptions {
  /** A lock whose heartbeat (its file's mtime) is older than this is stale, whatever its host. */
  staleMs?: number;
  /** How often the holder refreshes its heartbeat. */
  heartbeatMs?: number;
}

interface Self {
  pid: number;
  host: string;
  bootId?: string;
}

/** A lock file as read once: its content, how long since its last heartbeat, and a fingerprint of that version. */
interface Seen {
  holder: LockHolder;
  ageMs: number;
  fingerprint: string;
}

/** Tokens of the locks this process holds, so a second lock in the same process is refused, not taken over. */
const heldTokens = new Set<string>();

function readBootId(): string | undefined {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const errCode = (err: unknown) => (err as NodeJS.ErrnoException).code;

/** Reads a lock file through one descriptor, so content, mtime and inode belong to the same file. */
function readLock(file: string): Seen | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if (errCode(err) === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const stat = fs.fstatSync(fd);
    const raw = fs.readFileSync(fd, 'utf8');
    let holder: LockHolder = {};
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed && typeof parsed === 'object') holder = parsed as LockHolder;
    } catch {
      // a lock being written right now, or garbage: judged by age
    }
    // Inode numbers are reused at once, so the content and mtime are part of the fingerprint.
    return { holder, ageMs: Date.now() - stat.mtimeMs, fingerprint: `${stat.ino}:${stat.mtimeMs}:${raw}` };
  } finally {
    fs.closeSync(fd);
  }
}

/** Creates `file` atomically with `content`; false when it already exists. */
function tryCreate(file: string, content: LockHolder): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx');
  } catch (err) {
    if (errCode(err) === 'EEXIST') return false;
    throw err;
  }
  try {
    fs.writeSync(fd, JSON.stringify(content));
    return true;
  } catch (err) {
    fs.rmSync(file, { force: true });
    throw err;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Removes `file` only if it is still the version judged stale: renames it aside atomically, checks the
 * fingerprint, and puts a newer file back (a link never overwrites one created in the meantime).
 */
function removeIfSame(file: string, fingerprint: string): boolean {
  const aside = `${file}.${randomUUID()}.stale`;
  try {
    fs.renameSync(file, aside);
  } catch (err) {
    if (errCode(err) === 'ENOENT') return false;
    throw err;
  }
  const same = readLock(aside)?.fingerprint === fingerprint;
  if (!same) {
    try {
      fs.linkSync(aside, file);
    } catch (err) {
      if (errCode(err) !== 'EEXIST') throw err;
    }
  }
  fs.rmSync(aside, { force: true });
  return same;
}

/** Why a lock (or takeover guard) no longer protects anything, or undefined while it may still have a live holder. */
function staleReason({ holder: h, ageMs }: Seen, self: Self, staleMs: number): string | undefined {
  const idle = `no heartbeat for ${Math.round(ageMs / 1000)} s`;
  if (typeof h.pid !== 'number' || !Number.isInteger(h.pid) || h.pid <= 0) {
    return ageMs > staleMs ? `unreadable lock, ${idle}` : undefined;
  }
  if (h.token && heldTokens.has(h.token)) return undefined;
  if (h.host === undefined || h.host === self.host) {
    // In a restarted container we are often pid 1 again, like the holder was: kill(pid, 0) would find us.
    if (h.pid === self.pid) return `its pid ${h.pid} is this process's, which did not take it`;
    if (h.bootId && self.bootId && h.bootId !== self.bootId) return 'this machine has rebooted since';
    if (!isAlive(h.pid)) return `process ${h.pid} is gone`;
    // A live holder written before heartbeats existed never refreshes its lock: its age says nothing.
    if (h.heartbeatMs === undefined) return undefined;
  }
  return ageMs > staleMs ? idle : undefined;
}

function lockedError(dataDir: string, seen: Seen, state = 'is already in use by another Concierge process') {
  const h = seen.holder;
  const who = [h.host && `on ${h.host}`, h.startedAt && `started ${h.startedAt}`].filter(Boolean).join(', ');
  return new AppError(
    'db:locked',
    `The data directory ${dataDir} ${state}` +
      (h.pid ? ` (pid ${h.pid}${who ? ` ${who}` : ''}, last heartbeat ${Math.round(seen.ageMs / 1000)} s ago)` : '') +
      '. Stop that process, or set DATA_DIR to another folder.',
    { status: 500, expose: true },
  );
}

/**
 * Takes an exclusive lock on a PGlite data directory, so a second process fails with a clear error instead of
 * corrupting the database. The holder refreshes the lock's mtime every `heartbeatMs`; a lock is taken over when
 * its holder is provably gone (see `staleReason`) or its heartbeat is older than `staleMs`. Takeovers are
 * serialized by a `<lock>.takeover` guard file, so of several processes starting at once exactly one wins.
 */
export function lockDataDir(dataDir: string, opts: LockOptions = {}): DataDirLock {
  const staleMs = opts.staleMs ?? 30_000;
  const heartbeatMs = opts.heartbeatMs ?? 5_000;
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const lockPath = `${dataDir}.lock`;
  const guardPath = `${lockPath}.takeover`;
  const self: Self = { pid: process.pid, host: os.hostname(), bootId: readBootId() };
  const token = randomUUID();
  let tookOver: DataDirLock['tookOver'];
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(lockPath, { ...self, startedAt: new Date().toISOString(), token, heartbeatMs })) {
      return hold(lockPath, token, heartbeatMs, tookOver);
    }
    const seen = readLock(lockPath);
    if (!seen) continue;
    const reason = staleReason(seen, self, staleMs);
    if (!reason) throw lockedError(dataDir, seen);
    if (!tryCreate(guardPath, { ...self, startedAt: new Date().toISOString(), token })) {
      const guard = readLock(guardPath);
      if (guard && !staleReason(guard, self, staleMs)) {
        throw lockedError(dataDir, guard, 'is being taken over by another starting Concierge process');
      }
      if (guard) removeIfSame(guardPath, guard.fingerprint);
      continue;
    }
    try {
      // Judged again under the guard: another process may have taken it over since we read it.
      if (readLock(lockPath)?.fingerprint === seen.fingerprint && removeIfSame(lockPath, seen.fingerprint)) {
        tookOver = { holder: seen.holder, reason };
      }
    } finally {
      const guard = readLock(guardPath);
      if (guard?.holder.token === token) removeIfSame(guardPath, guard.fingerprint);
    }
  }
  throw new AppError('db:locked', `Could not lock ${dataDir}; remove ${lockPath} if no Concierge process is running.`, {
    expose: true,
  });
}

function hold(lockPath: string, token: string, heartbeatMs: number, tookOver: DataDirLock['tookOver']): DataDirLock {
  heldTokens.add(token);
  const owned = () => readLock(lockPath)?.holder.token === token;
  const heartbeat = setInterval(() => {
    try {
      // Taken over after this process stalled: never keep another holder's lock alive, nor delete it later.
      if (!owned()) {
        clearInterval(heartbeat);
        return;
      }
      const now = new Date();
      fs.utimesSync(lockPath, now, now);
    } catch {
      // a passing I/O error: the next beat tries again
    }
  }, heartbeatMs);
  heartbeat.unref();
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    heldTokens.delete(token);
    process.off('exit', release);
    try {
      if (owned()) fs.unlinkSync(lockPath);
    } catch {
      // already gone
    }
  };
  process.on('exit', release);
  return { path: lockPath, tookOver, release };
}
