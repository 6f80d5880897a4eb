import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface Started {
  child: ChildProcess;
  pid: number;
  /** The process's inspector (it listens on a free loopback port), for `collectGarbage`. */
  inspector: string | null;
  /** Resolves with the process's exit code. */
  exited: Promise<number | null>;
}

const started: Started[] = [];

/**
 * Runs `node --import tsx <script>` (so the pid is the process that does the work, not npm's
 * shell) and resolves once its output matches `ready`. `nodeFlags` go to node before the script.
 */
export async function startScript(
  script: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  { timeoutMs = 120_000, nodeFlags = [] as string[] } = {},
): Promise<Started & { match: RegExpExecArray }> {
  const child = spawn(process.execPath, ['--inspect=127.0.0.1:0', ...nodeFlags, '--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...(process.env.DEBUG ? { DEBUG: process.env.DEBUG } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const proc: Started = { child, pid: child.pid!, exited, inspector: null };
  started.push(proc);
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} not ready after ${timeoutMs} ms:\n${log}`)), timeoutMs);
    const onData = (d: Buffer) => {
      if (log.length < 100_000) log += d.toString();
      proc.inspector ??= /Debugger listening on (ws:\/\/\S+)/.exec(log)?.[1] ?? null;
      const match = ready.exec(log);
      if (!match) return;
      clearTimeout(timer);
      // Keep draining the pipes so a chatty process never blocks on a full pipe.
      log = '';
      if (process.env.BENCH_LOG_DIR) {
        const out = createWriteStream(path.join(process.env.BENCH_LOG_DIR, `${path.basename(script)}-${proc.pid}.log`));
        child.stdout!.pipe(out);
        child.stderr!.pipe(out);
      }
      resolve({ ...proc, match });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready:\n${log}`));
    });
  });
}

/**
 * A full garbage collection in the process, through its inspector, so that a reading of resident
 * memory counts what is live rather than where the collector happens to be.
 */
export async function collectGarbage(p: Started): Promise<void> {
  if (!p.inspector || p.child.exitCode !== null || p.child.signalCode !== null) return;
  const ws = new WebSocket(p.inspector);
  try {
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }));
    await new Promise((resolve, reject) => ws.once('message', resolve).once('error', reject));
  } finally {
    ws.close();
  }
}

const running = (p: Started) => p.child.exitCode === null && p.child.signalCode === null;

/**
 * Sends SIGTERM to every process this bench started that is still running and waits (up to
 * `timeoutMs`) until they have exited, so that what they write on exit (a CPU profile) is written.
 */
export async function stopGracefully(timeoutMs = 30_000): Promise<void> {
  const live = started.filter(running);
  for (const p of live) p.child.kill('SIGTERM');
  await Promise.race([Promise.all(live.map((p) => p.exited)), new Promise((r) => setTimeout(r, timeoutMs))]);
}

/** SIGKILLs every process this bench started that is still running. */
export function stopAll(): void {
  for (const p of started) if (running(p)) p.child.kill('SIGKILL');
}

/** Resident memory of a process in bytes (0 once it is gone). */
export function residentBytes(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Number(kb ?? 0) * 1024;
  } catch {
    return 0;
  }
}

const lastCpuMs = new Map<number, number>();

/**
 * User + system CPU time a process has used so far, in ms. A process that is gone (killed) keeps
 * the last value read, so a burst's CPU still counts what it spent before it died.
 */
export function cpuMs(pid: number): number {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    lastCpuMs.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND);
  } catch {
    // gone: the last value read
  }
  return lastCpuMs.get(pid) ?? 0;
}

export const sum = (pids: number[], f: (pid: number) => number) => pids.reduce((t, pid) => t + f(pid), 0);
