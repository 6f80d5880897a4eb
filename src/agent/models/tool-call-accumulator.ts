import { randomUUID } from 'node:crypto';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { ToolCall } from '../model.js';

type ToolCallDelta = ChatCompletionChunk.Choice.Delta.ToolCall;

/**
 * Rebuilds whole tool calls from streamed deltas: id and name arrive in a call's first delta,
 * the arguments string is split across many. Deltas are keyed by `index`; for servers that omit
 * it, a new id starts a new call and anything else continues the last one.
 */
export class ToolCallAccumulator {
  private readonly slots: { id: string; name: string; arguments: string }[] = [];
  private readonly byIndex = new Map<number, number>();

  add(delta: ToolCallDelta): void {
    const slot = this.slotFor(delta);
    if (delta.id) slot.id = delta.id;
    // Some servers repeat the name in every delta; OpenAI sends it once.
    const name = delta.function?.name;
    if (name && name !== slot.name) slot.name += name;
    if (delta.function?.arguments) slot.arguments += delta.function.arguments;
  }

  /** The finished calls in stream order; calls without a name are dropped. */
  calls(): ToolCall[] {
    return this.slots
      .filter((s) => s.name !== '')
      .map((s) => ({ id: s.id || `call_${randomUUID().replaceAll('-', '')}`, name: s.name, arguments: s.arguments }));
  }

  private slotFor(delta: ToolCallDelta) {
    const index = typeof delta.index === 'number' ? delta.index : undefined;
    const known = index === undefined ? undefined : this.byIndex.get(index);
    if (known !== undefined) return this.slots[known];
    const last = this.slots[this.slots.length - 1];
    if (index === undefined && last && (!delta.id || delta.id === last.id)) return last;
    const slot = { id: '', name: '', arguments: '' };
    this.slots.push(slot);
    if (index !== undefined) this.byIndex.set(index, this.slots.length - 1);
    return slot;
  }
}
