import type { StoredMessage } from '../chat/conversation-store.js';

export interface HandoffRuleConfig {
  unhelpfulTurns: number;
  onAnger: boolean;
  onOrderProblem: boolean;
}

export interface RuleVerdict {
  reason: string;
  urgency: 'normal' | 'high';
}

const ANGER = /\b(useless|stupid|idiot|ridiculous|scam|rubbish|garbage|furious|angry|worst|hate (you|this)|wtf|damn|f+u+c+k\w*|shit\w*)\b|!!!/i;
const ORDER_PROBLEM =
  /\b(damaged|broken|defective|faulty|never (arrived|came|received)|hasn'?t arrived|not arrived|didn'?t (arrive|receive|get)|wrong (item|size|colou?r|product|order)|missing (item|parcel|package)|lost (parcel|package)|charged twice|double charged|chargeback)\b/i;

/**
 * Configurable rules that hand a conversation to a person without being asked: angry or
 * abusive language, an order problem, or several assistant replies in a row that used no tool
 * (the assistant is not getting anywhere).
 */
export function evaluateHandoffRules(cfg: HandoffRuleConfig, text: string, history: StoredMessage[]): RuleVerdict | null {
  if (cfg.onAnger && ANGER.test(text)) return { reason: 'The shopper sounds upset', urgency: 'high' };
  if (cfg.onOrderProblem && ORDER_PROBLEM.test(text)) return { reason: 'An order problem (damaged, missing, wrong or not arrived)', urgency: 'normal' };
  if (cfg.unhelpfulTurns > 0) {
    const replies = history.filter((m) => m.role === 'assistant' && !m.toolCalls?.length && m.meta && 'model' in m.meta);
    const recent = replies.slice(-cfg.unhelpfulTurns);
    const epochStart = history.filter((m) => m.role === 'user').slice(-cfg.unhelpfulTurns - 1);
    if (recent.length === cfg.unhelpfulTurns && epochStart.length > cfg.unhelpfulTurns && recent.every((m) => Array.isArray(m.meta.tools) && m.meta.tools.length === 0)) {
      return { reason: `${cfg.unhelpfulTurns} assistant replies in a row without a useful answer`, urgency: 'normal' };
    }
  }
  return null;
}
