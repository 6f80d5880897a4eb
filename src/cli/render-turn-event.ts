import type { TurnEvent } from '../agent/run-turn.js';

const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);

function short(v: unknown, max = 160): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** One turn event as terminal text: streamed words, tool calls and results, the product cards. */
export function renderTurnEvent(ev: TurnEvent, opts: { showTools: boolean }): string {
  switch (ev.type) {
    case 'text_delta':
      return ev.text;
    case 'tool_call':
      return opts.showTools ? `\n${dim(`  ⚙ ${ev.call.name}(${short(ev.call.arguments)})`)}\n` : '';
    case 'tool_result':
      return opts.showTools ? `${dim(`  ↳ ${ev.isError ? 'error ' : ''}${short(ev.result)}`)}\n` : '';
    case 'handoff':
      return `\n${dim(`  ☎ handed to a person (${ev.urgency}): ${ev.reason}`)}\n`;
    case 'completed': {
      const cards = ev.reply.products.map(
        (p, i) =>
          `  [${i + 1}] ${p.title} — ${p.price.formatted}${p.inStock ? '' : ' (out of stock)'}  ${dim(p.handle)}`,
      );
      const meta = dim(
        `  (${ev.reply.meta.model}, prompt ${ev.reply.meta.promptVersion}, ${Math.round(ev.reply.meta.timings.totalMs)} ms)`,
      );
      return `\n${cards.length ? `${cards.join('\n')}\n` : ''}${ev.reply.meta.priceMismatch ? `${dim('  (price in text corrected by the cards)')}\n` : ''}${meta}\n`;
    }
    case 'failed':
      return `\n${dim(`  ✗ ${ev.error.code}: ${ev.error.message}`)}\n`;
    default:
      return '';
  }
}
