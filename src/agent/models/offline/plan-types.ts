import type { UnansweredReason } from '../../model.js';

/** The intent the plan serves (the intent model's label, or what the plan turned into). */
export type IntentName = string;

export interface PlannedCall {
  name: string;
  args: Record<string, unknown>;
}

/**
 * One decision of the offline model: tool calls to make, or text to say. `prefetch` marks a
 * call made only to learn something (the cart) before the real action can be chosen.
 */
export type Plan =
  | { intent: IntentName; calls: PlannedCall[]; prefetch?: boolean; text?: undefined }
  | { intent: IntentName; text: string; calls?: undefined; unanswered?: UnansweredReason };
