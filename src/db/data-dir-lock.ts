import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors.js';

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on a PGlite data directory, so a second process fails with a clear
 * error instead of corrupting the database. A lock left by a dead process is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() }));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return { path: lockPath, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: { pid?: number; host?: string; startedAt?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
      } catch {
        // a lock being written right now, or garbage: judge it by age below
      }
      const sameHost = !holder.host || holder.host === os.hostname();
      if (typeof holder.pid === 'number' && sameHost && !isAlive(holder.pid)) {
        fs.rmSync(lockPath, { force: true });
        continue;
      }
      if (holder.pid === undefined && Date.now() - fs.statSync(lockPath).mtimeMs > 10_000) {
        fs.rmSync(lockPath, { force: true });
        continue;
      }
      throw new AppError(
        'db:locked',
        `The data directory ${dataDir} is already in use by another Concierge process` +
          (holder.pid ? ` (pid ${holder.pid}${holder.startedAt ? `, started ${holder.startedAt}` : ''})` : '') +
          '. Stop that process, or set DATA_DIR to another folder.',
        { status: 500, expose: true },
      );
    }
  }
  throw new AppError('db:locked', `Could not lock ${dataDir}; remove ${lockPath} if no Concierge process is running.`, {
    expose: true,
  });
}
