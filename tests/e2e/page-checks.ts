import path from 'node:path';
import type { Frame, Page } from 'playwright-core';

const AXE = path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The serious and critical accessibility problems axe-core finds in a page or frame, as "rule: target". */
export async function axeProblems(target: Page | Frame): Promise<string[]> {
  await target.addScriptTag({ path: AXE });
  return target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<AxeResults> } }).axe;
    const results = await axe.run(document);
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}

interface AxeResults {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

/** The boxes of the first element matching each selector (null when none is shown). */
export async function boxes(frame: Frame, selectors: Record<string, string>): Promise<Record<string, Box | null>> {
  const out: Record<string, Box | null> = {};
  for (const [name, selector] of Object.entries(selectors)) {
    const el = frame.locator(selector).first();
    out[name] = (await el.count()) > 0 ? await el.boundingBox() : null;
  }
  return out;
}

/** Pairs of named boxes that overlap by more than a pixel. */
export function overlaps(named: Record<string, Box | null>): string[] {
  const list = Object.entries(named).filter((e): e is [string, Box] => e[1] !== null);
  const hits: string[] = [];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const [a, b] = [list[i][1], list[j][1]];
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > 1 && h > 1) hits.push(`${list[i][0]} × ${list[j][0]}`);
    }
  return hits;
}

export const centreX = (b: Box | null): number => (b ? b.x + b.width / 2 : NaN);
