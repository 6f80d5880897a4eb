import type { StoredMessage } from '../conversations/conversation-store.js';

export interface HandoffRuleConfig {
  unhelpfulTurns: number;
  onAnger: boolean;
  onOrderProblem: boolean;
}

export interface RuleVerdict {
  reason: string;
  urgency: 'normal' | 'high';
}

const ANGER =
  /\b(useless|stupid|idiot|ridiculous|scam|rubbish|garbage|furious|angry|worst|hate (you|this)|wtf|damn|f+u+c+k\w*|shit\w*)\b|!!!/i;
const ORDER_PROBLEM =
  /\b(damaged|broken|defective|faulty|never (arrived|came|received)|hasn'?t arrived|not arrived|didn'?t (arrive|receive|get)|wrong (item|size|colou?r|product|order)|missing (item|parcel|package)|lost (parcel|package)|charged twice|double charged|chargeback)\b/i;

const SOCIAL =
  /^\s*(hi|hello|hey|hallo|bonjour|good (morning|afternoon|evening)|thanks?( you)?|thx|cheers|ok(ay)?|bye)\b[\s!.]*$/i;

// An assistant that is stuck says so; a reply that used no tool and admits it could not help counts.
const STUCK =
  /\b(not sure|don'?t know|do not know|can'?t help|cannot help|unable to|did(n'?t| not) (understand|get)|not understand)\b/i;

/**
 * How many of the latest assistant replies in a row did not help with a real question (greetings and
 * thanks do not count).
 */
function unhelpfulStreak(history: StoredMessage[]): number {
  let streak = 0;
  let question: string | null = null;
  const pairs: { question: string | null; toolless: boolean }[] = [];
  for (const m of history) {
    if (m.role === 'user') question = m.content;
    else if (m.role === 'assistant' && !m.toolCalls?.length && Array.isArray(m.meta.tools)) {
      pairs.push({ question, toolless: m.meta.tools.length === 0 && STUCK.test(m.content ?? '') });
    } else if (m.role === 'agent') pairs.length = 0;
  }
  // Oldest first was collected; walk back from the newest reply.
  for (const p of pairs.reverse()) {
    if (p.question && SOCIAL.test(p.question)) continue;
    if (!p.toolless) break;
    streak++;
  }
  return streak;
}

/**
 * Configurable rules that hand a conversation to a person without being asked: angry or
 * abusive language, an order problem, or several assistant replies in a row that used no tool and
 * said they could not help (the assistant is not getting anywhere).
 */
export function evaluateHandoffRules(
  cfg: HandoffRuleConfig,
  text: string,
  history: StoredMessage[],
): RuleVerdict | null {
  if (cfg.onAnger && ANGER.test(text)) return { reason: 'The shopper sounds upset', urgency: 'high' };
  if (cfg.onOrderProblem && ORDER_PROBLEM.test(text))
    return { reason: 'An order problem (damaged, missing, wrong or not arrived)', urgency: 'normal' };
  if (cfg.unhelpfulTurns > 0 && unhelpfulStreak(history) >= cfg.unhelpfulTurns) {
    return { reason: `${cfg.unhelpfulTurns} assistant replies in a row without a useful answer`, urgency: 'normal' };
  }
  return null;
}
