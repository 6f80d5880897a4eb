import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A V8 CPU profile as `node --cpu-prof` writes it (times in µs on the monotonic clock). */
interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

type Frame = CpuProfile['nodes'][number]['callFrame'];

/** Where a frame's code lives: a package, a directory of ours, node itself, or V8's own bucket. */
function area(frame: Frame): string {
  const url = frame.url;
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (url.startsWith('node:')) return url.split('/')[0]!;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const ours = /\/(src|tests)\/(.+)$/.exec(url);
  if (ours) return `${ours[1]}/${path.dirname(ours[2]!)}`;
  return url;
}

const label = (f: Frame) =>
  `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.replace(/^.*\/(node_modules|src|tests)\//, '$1/')}:${f.lineNumber + 1}` : ''}`.trim();

const top = (m: Map<string, number>, n: number, total: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);

/**
 * Summarizes the samples of `file` taken between `fromUs` and `toUs` (process.hrtime, in µs):
 * time by area and by function (self), and by function of ours (inclusive).
 */
export function summarizeProfile(file: string, fromUs: number, toUs: number, n = 25): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const selfByArea = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusiveOurs = new Map<string, number>();
  let total = 0;
  let idle = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i]!;
    // A sample stands for the time until the next one.
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (t < fromUs || t > toUs) continue;
    const node = byId.get(profile.samples[i]!)!;
    if (node.callFrame.functionName === '(idle)') {
      idle += dt;
      continue;
    }
    total += dt;
    const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + dt);
    add(selfByArea, area(node.callFrame));
    add(selfByFunction, label(node.callFrame));
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      if (!/\/src\//.test(f.url) && !/node_modules\/(pg|@electric-sql|socket\.io|engine\.io|ws)\//.test(f.url))
        continue;
      const k = label(f);
      if (seen.has(k)) continue;
      seen.add(k);
      add(inclusiveOurs, k);
    }
  }
  return [
    `${path.basename(file)}: ${(total / 1000).toFixed(0)} ms busy, ${(idle / 1000).toFixed(0)} ms idle in the burst`,
    'self time by area:',
    ...top(selfByArea, n, total),
    'self time by function:',
    ...top(selfByFunction, n, total),
    'inclusive time, functions of ours and of the database/socket packages:',
    ...top(inclusiveOurs, n, total),
  ].join('\n');
}
