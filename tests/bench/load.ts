import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startFakeModel } from './load/fake-model.js';
import { syntheticProduct } from './search-speed/synthetic-catalog.js';
import { bucketDelta, quantileMs, scrape, type Scrape } from './load/metrics.js';
import { summarizeProfile } from './load/profile-summary.js';
import {
  collectGarbage,
  cpuMs,
  residentBytes,
  startScript,
  stopAll,
  stopGracefully,
  sum,
  type Started,
} from './load/processes.js';
import { Shopper } from './load/shopper.js';

/**
 * The load benchmark: a database served over the wire, N instances of the real server sharing it
 * (and Redis when N > 1), `--sockets` shoppers spread over them, one message each. Prints one
 * table and one JSON line; exits 1 when an event was lost or duplicated.
 *
 *   npm run bench:load -- --sockets 2000 --instances 2 [--model offline|fake] [--kill]
 *                         [--messages mixed|hello|search] [--products <n>] [--profile <dir>]
 *                         [--database served|embedded]
 *
 * `--messages hello` measures trivial turns, `search` product searches, `mixed` (default) half each.
 * `--products <n>` serves a synthetic catalog of n products (bench:search's) instead of the demo shop.
 * `--profile <dir>` writes a V8 CPU profile of every server process (database and instances) into
 * `<dir>` when it exits; the processes are stopped with SIGINT at the end for that.
 * `--database embedded` (one instance only) runs the default single-instance deployment instead: no
 * DATABASE_URL, the instance's own embedded database on a worker thread, so the instance's process
 * is the whole deployment and its CPU includes the database's.
 */
const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    sockets: { type: 'string', default: '50' },
    instances: { type: 'string', default: '1' },
    model: { type: 'string', default: 'offline' },
    kill: { type: 'boolean', default: false },
    messages: { type: 'string', default: 'mixed' },
    products: { type: 'string' },
    profile: { type: 'string' },
    database: { type: 'string', default: 'served' },
  },
});
const SOCKETS = Number(args.sockets);
const INSTANCES = Number(args.instances);
const MODEL = args.model;
if (!(SOCKETS >= 1 && INSTANCES >= 1 && (MODEL === 'offline' || MODEL === 'fake'))) {
  throw new Error('usage: --sockets <n ≥ 1> --instances <n ≥ 1> [--model offline|fake] [--kill] [--profile <dir>]');
}
if (args.kill && INSTANCES < 2) throw new Error('--kill needs --instances 2 or more');
const EMBEDDED = args.database === 'embedded';
if (!EMBEDDED && args.database !== 'served') throw new Error('--database: served or embedded');
if (EMBEDDED && INSTANCES !== 1)
  throw new Error('--database embedded needs --instances 1 (instances share a database)');
const PRODUCTS = args.products === undefined ? null : Number(args.products);
if (PRODUCTS !== null && !(Number.isInteger(PRODUCTS) && PRODUCTS >= 1)) throw new Error('--products: a count ≥ 1');
const SEARCH = PRODUCTS === null ? 'warm socks' : 'padded backpack under 200';
const MESSAGE_SETS: Record<string, string[]> = { mixed: ['hello', SEARCH], hello: ['hello'], search: [SEARCH] };
const MESSAGES = MESSAGE_SETS[args.messages] ?? [];
if (MESSAGES.length === 0) throw new Error('--messages: mixed, hello or search');
const BATCH = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const PROFILE_DIR = args.profile ? path.resolve(args.profile) : null;
/** Node flags for a server process named `name`: a CPU profile of it with `--profile`. */
const nodeFlags = (name: string) => (PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', path.join(PROFILE_DIR, name)] : []);
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

const tmp = mkdtempSync(path.join(tmpdir(), 'concierge-bench-load-'));
let fakeModel: Awaited<ReturnType<typeof startFakeModel>> | null = null;
const shoppers: Shopper[] = [];

function cleanUp() {
  for (const s of shoppers) s.close();
  stopAll();
  void fakeModel?.close();
  rmSync(tmp, { recursive: true, force: true });
}
process.once('SIGINT', () => {
  cleanUp();
  process.exit(130);
});

/** Runs `f` over `items`, `BATCH` at a time. */
async function inBatches<T>(items: T[], f: (item: T, i: number) => Promise<void>) {
  for (let i = 0; i < items.length; i += BATCH) {
    await Promise.all(items.slice(i, i + BATCH).map((item, j) => f(item, i + j)));
  }
}

async function waitUntil(done: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await sleep(100);
}

/** A catalog folder with `n` synthetic products, for `--products`. */
function writeSyntheticCatalog(n: number): string {
  const dir = path.join(tmp, 'catalog');
  mkdirSync(dir, { recursive: true });
  const lines = Array.from({ length: n }, (_, i) => JSON.stringify({ kind: 'product', ...syntheticProduct(i) }));
  writeFileSync(path.join(dir, 'products.jsonl'), `${lines.join('\n')}\n`);
  return dir;
}

async function startInstances(databaseUrl: string | null) {
  const catalogDir = PRODUCTS === null ? null : writeSyntheticCatalog(PRODUCTS);
  if (MODEL === 'fake') fakeModel = await startFakeModel({ firstTokenMs: 300, tokensPerSecond: 50 });
  // One prefix for the whole deployment: instances with different prefixes would not hear each other.
  const redisPrefix = `bench-load-${process.pid}-${Date.now()}:`;
  const env = (i: number): Record<string, string> => ({
    PORT: '0',
    DATA_DIR: path.join(tmp, `instance-${i}`),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...(INSTANCES > 1 ? { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX: redisPrefix } : {}),
    SESSION_SECRET: 'bench-load-session-secret-0123456789',
    IMPORT_ON_START: i === 0 ? 'true' : 'false',
    ...(catalogDir ? { CATALOG_DIR: catalogDir } : {}),
    // Each shopper comes from an address of its own (X-Forwarded-For), so per-address limits apply as in the field.
    TRUST_PROXY: 'loopback',
    ...(fakeModel
      ? { OPENAI_API_KEY: 'bench', OPENAI_BASE_URL: fakeModel.url, EMBEDDINGS: 'local', MODEL_MAX_RETRIES: '0' }
      : {}),
  });
  const start = (i: number) =>
    startScript('src/main.ts', [], env(i), /Concierge is running: http:\/\/[^:]+:(\d+)\//, {
      // Importing a large synthetic catalog takes minutes.
      timeoutMs: i === 0 && PRODUCTS !== null ? 30 * 60_000 : undefined,
      nodeFlags: nodeFlags(`instance-${i}`),
    }).then((p) => ({ ...p, url: `http://127.0.0.1:${p.match[1]}` }));
  // The first imports the catalog; the others start once it is ready, without importing.
  const first = await start(0);
  const ready = await fetch(`${first.url}/readyz`);
  if (!ready.ok) throw new Error(`/readyz: ${ready.status} ${await ready.text()}`);
  const rest = await Promise.all(Array.from({ length: INSTANCES - 1 }, (_, i) => start(i + 1)));
  return [first, ...rest];
}

/** The database served over the wire that the instances share. */
function serveDatabase() {
  return startScript(
    'src/cli/db-serve.ts',
    [
      ...['--port', '0', '--data-dir', path.join(tmp, 'db'), '--max-connections', '200'],
      // A large catalog gets the shared buffers `auto` gives it from the next start on.
      ...(PRODUCTS !== null && PRODUCTS >= 5_000 ? ['--shared-buffers', '128MB'] : []),
    ],
    {},
    /DATABASE_URL=(\S+)/,
    { nodeFlags: nodeFlags('db-serve') },
  );
}

async function main() {
  if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
  const db = EMBEDDED ? null : await serveDatabase();
  const instances = await startInstances(db ? db.match[1]! : null);
  // With a served database it is the first process, the instances the rest.
  const processes: Started[] = [...(db ? [db] : []), ...instances];
  const pids = processes.map((p) => p.pid);
  /** Resident memory of the deployment after a full collection in each process. */
  const liveBytes = async () => {
    await Promise.all(processes.map(collectGarbage));
    await sleep(1_000);
    const heaps = await Promise.all(instances.map(async (p) => (await scrape(p.url)).heapUsedBytes));
    return { resident: sum(pids, residentBytes), heap: heaps.reduce((a, b) => a + b, 0) };
  };
  const idleBytes = await liveBytes();

  // Connect every shopper, spread over the instances.
  const alive = new Set(instances);
  const reconnect = (s: Shopper) => {
    s.reconnects++;
    const to = [...alive][s.reconnects % alive.size]!;
    s.connect(to.url, reconnect).catch(() => setTimeout(() => reconnect(s), 500));
  };
  const t0 = Date.now();
  await inBatches(Array.from({ length: SOCKETS }), async (_, i) => {
    const at = instances[i % INSTANCES]!;
    const s = await Shopper.start(at.url, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    shoppers.push(s);
    await s.connect(at.url, reconnect);
  });
  const connectMs = Date.now() - t0;
  const connectedBytes = await liveBytes();

  // The burst: one message each.
  const before = await Promise.all(instances.map((p) => scrape(p.url)));
  const cpuBefore = pids.map(cpuMs);
  const sampler = setInterval(() => sum(pids, cpuMs), 250);
  const t1 = Date.now();
  const t1Us = nowUs();
  let killedAt: number | null = null;
  const completed = () => shoppers.filter((s) => s.completedAt !== null).length;
  const sendErrors: string[] = [];
  const sending = inBatches(shoppers, (s, i) =>
    s.send(MESSAGES[i % MESSAGES.length]!).catch((err: Error) => void sendErrors.push(err.message)),
  );
  if (args.kill) {
    await waitUntil(() => completed() >= SOCKETS / 2, 60_000);
    const killed = instances.at(-1)!;
    alive.delete(killed);
    killed.child.kill('SIGKILL');
    killedAt = Date.now();
  }
  await sending;
  if (sendErrors.length > 0) console.error(`${sendErrors.length} sends failed, e.g. ${sendErrors[0]}`);
  // Bounded by progress: turns the killed instance was running come back only once their lease
  // (30 s) has expired and a sweep (every 30 s) finds them.
  const stallMs = args.kill ? 75_000 : 30_000;
  let progress = { at: Date.now(), n: 0 };
  await waitUntil(() => {
    if (completed() > progress.n) progress = { at: Date.now(), n: completed() };
    return completed() === SOCKETS || Date.now() - progress.at > stallMs;
  }, 15 * 60_000);
  const lastAt = Math.max(...shoppers.map((s) => s.completedAt ?? Date.now()));
  const burstMs = lastAt - t1;
  const lastAtUs = nowUs() - (Date.now() - lastAt) * 1000;
  clearInterval(sampler);
  const cpuSpent = pids.map((pid, i) => cpuMs(pid) - cpuBefore[i]!);
  const survivors = instances.filter((p) => alive.has(p));
  const after = await Promise.all(survivors.map((p) => scrape(p.url)));
  const own = bucketDelta(survivors.map((p, i) => ({ before: before[instances.indexOf(p)]!, after: after[i]! })));

  const turns = completed();
  // What the stragglers were missing: events the server never sent live, or a turn that never ended
  // (a fresh join replays what the database has; a shopper sees it only after reconnecting).
  const stragglers = shoppers.filter((s) => s.completedAt === null);
  const byInstance = new Map<string, number>();
  for (const s of stragglers)
    byInstance.set(`${s.url} after seq ${s.lastSeq}`, (byInstance.get(`${s.url} after seq ${s.lastSeq}`) ?? 0) + 1);
  if (stragglers.length > 0)
    console.error('no answer seen live, by instance and last seq:', Object.fromEntries(byInstance));
  await Promise.all(stragglers.map((s) => s.connect(survivors[0]!.url, () => {}).catch(() => {})));
  const answeredOnlyInDatabase = stragglers.filter((s) => s.completedAt !== null).length;
  for (const s of stragglers.slice(0, 3)) console.error(`no answer seen live: ${s.conversationId} (${s.lastTypes})`);
  // An answer a connected shopper only gets by reconnecting was lost live all the same.
  const perTurn = (ms: number) => Math.round((ms / Math.max(1, turns)) * 10) / 10;
  const lost = answeredOnlyInDatabase + shoppers.reduce((n, s) => n + s.lost + (s.completedAt === null ? 1 : 0), 0);
  const duplicated = shoppers.reduce((n, s) => n + s.duplicated, 0);
  const figures = {
    sockets: SOCKETS,
    instances: INSTANCES,
    model: MODEL,
    kill: args.kill,
    messages: args.messages,
    products: PRODUCTS ?? 'demo',
    connectSeconds: connectMs / 1000,
    turns,
    failedSends: sendErrors.length,
    answeredOnlyInDatabase,
    failedTurns: shoppers.filter((s) => s.failed).length,
    secondsFromKillToLastAnswer: killedAt === null ? null : (lastAt - killedAt) / 1000,
    reconnected: shoppers.filter((s) => s.reconnects > 0).length,
    turnsPerSecond: Math.round((turns / burstMs) * 1000 * 10) / 10,
    ownMsP50: quantileMs(own, 0.5),
    ownMsP95: quantileMs(own, 0.95),
    ownMsP99: quantileMs(own, 0.99),
    cpuMsPerTurn: perTurn(cpuSpent.reduce((a, b) => a + b, 0)),
    database: EMBEDDED ? 'embedded' : 'served',
    // Embedded, the database runs inside the instance: its CPU is the instance's.
    cpuMsPerTurnDatabase: EMBEDDED ? null : perTurn(cpuSpent[0]!),
    cpuMsPerTurnInstances: perTurn(cpuSpent.slice(EMBEDDED ? 0 : 1).reduce((a, b) => a + b, 0)),
    statementsPerTurn: perTurn(
      survivors.reduce((n, p, i) => n + after[i]!.statements - before[instances.indexOf(p)]!.statements, 0),
    ),
    idleMb: mb(idleBytes.resident),
    kbPerIdleSocket: Math.round((connectedBytes.resident - idleBytes.resident) / SOCKETS / 1024),
    heapKbPerIdleSocket: Math.round((connectedBytes.heap - idleBytes.heap) / SOCKETS / 1024),
    eventLoopP99Ms: Math.round(Math.max(...after.map((s: Scrape) => s.eventLoopP99Seconds * 1000))),
    lostEvents: lost,
    duplicatedEvents: duplicated,
  };
  console.log(`\n| figure | value |\n|---|---|`);
  for (const [k, v] of Object.entries(figures)) console.log(`| ${k} | ${v} |`);
  console.log(JSON.stringify(figures));
  if (PROFILE_DIR) {
    // The profiles are written when the processes exit; only the burst's samples count.
    for (const s of shoppers) s.close();
    await stopGracefully();
    // For a closer look at the same samples: process.hrtime in µs, as the profiles' timestamps.
    writeFileSync(path.join(PROFILE_DIR, 'burst.json'), JSON.stringify({ fromUs: t1Us, toUs: lastAtUs }));
    // One directory a process, one profile a thread (tsx's module loader runs on a thread of its own).
    for (const name of readdirSync(PROFILE_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()) {
      for (const f of readdirSync(path.join(PROFILE_DIR, name)).filter((f) => f.endsWith('.cpuprofile'))) {
        const summary = summarizeProfile(path.join(PROFILE_DIR, name, f), t1Us, lastAtUs);
        if (summary) console.log(`\n${name}/${summary}`);
      }
    }
  }
  return lost === 0 && duplicated === 0 ? 0 : 1;
}

main()
  .then((code) => {
    cleanUp();
    process.exit(code);
  })
  .catch((err: unknown) => {
    console.error(err);
    cleanUp();
    process.exit(1);
  });
