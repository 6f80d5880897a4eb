import type { Passage } from '../../../policies/policy-passages.js';
import { conceptCoverage, selectPolicyAnswer } from '../../../policies/select-policy-answer.js';
import type { SearchPoliciesResult } from '../../../tools/results.js';
import { trimText } from './format.js';
import { policyQuestion } from './policy-question.js';
import type { Say } from './replies.js';

/** Policy answers: the section that holds the asked fact, quoted briefly and cited. */

const MAX_QUOTE = 320;

const sentence = (text: string) => (/[.!?:;…]$/.test(text) ? text : `${text}.`);

/**
 * Passages as prose; a list item comes with the line that introduces it ("The following cannot be
 * returned: Kites that have been flown.").
 */
function quoteOf(passages: Passage[]): string {
  const parts: string[] = [];
  let lead: string | null = null;
  for (const p of passages) {
    if (p.lead && p.lead !== lead && !passages.some((x) => x.text === p.lead)) parts.push(p.lead);
    parts.push(sentence(p.text));
    lead = p.lead;
  }
  return parts.join(' ').replace(/:\s*$/, '.');
}

/** The section and passages that answer the question, or null when no section found holds it. */
export const policyAnswer = (result: SearchPoliciesResult, question: string, about?: string | null) =>
  selectPolicyAnswer(result.chunks ?? [], policyQuestion(question, about));

/** Below this share of the question's concepts, the section found does not hold what was asked. */
const COVERED = 0.5;

/** True when no section found holds what was asked: a knowledge gap, whatever the reply quoted. */
export function policyUnmatched(result: SearchPoliciesResult, question: string, about?: string | null): boolean {
  const answer = policyAnswer(result, question, about);
  return !answer || conceptCoverage(answer.section, policyQuestion(question, about)) < COVERED;
}

/**
 * Quotes the section that holds the asked fact, briefly, and cites it: "(Source: Returns and
 * refunds — Exceptions)". The section and its one or two passages are chosen for the question:
 * its words (rare ones count more), the section's heading, and the kind of fact it asks for (a
 * duration for "how long", an amount for "how much", a condition for "can I"). `about` names what
 * the question is about when the message does not (the product in focus), as for `policyQuery`.
 */
export function composePolicy(say: Say, result: SearchPoliciesResult, question: string, about?: string | null): string {
  const answer = policyAnswer(result, question, about);
  if (!answer) return say('policy.notFound');
  const { section, passages } = answer;
  const quote = trimText(quoteOf(passages), MAX_QUOTE);
  const source =
    section.heading && section.heading !== section.title
      ? say('policy.section', { title: section.title, heading: section.heading })
      : section.title;
  return say('policy.answer', { quote, source });
}
