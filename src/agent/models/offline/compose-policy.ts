import type { Passage } from '../../../policies/policy-passages.js';
import { policyReader } from '../../../policies/policy-reader.js';
import { conceptCoverage, selectPolicyAnswer, type SectionText } from '../../../policies/select-policy-answer.js';
import { translatedPassages } from '../../../policies/translated-passages.js';
import type { PolicyChunkView, SearchPoliciesResult } from '../../../tools/results.js';
import { trimText } from './format.js';
import { policyQuestion } from './policy-question.js';
import type { Say } from './replies.js';

/** Policy answers: the section that holds the asked fact, quoted briefly and cited. */

const MAX_QUOTE = 320;

const sentence = (text: string) => (/[.!?:;…؟]$/.test(text) ? text : `${text}.`);

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

/** A section as the answer is chosen from: as written (the question is read in the policies' language). */
interface ReadSection extends SectionText {
  chunk: PolicyChunkView;
}

const asWritten = (chunk: PolicyChunkView): ReadSection => ({ ...(chunk.original ?? chunk), chunk });

/** The section and passages that answer the question, or null when no section found holds it. */
export const policyAnswer = (result: SearchPoliciesResult, question: string, about?: string | null) =>
  selectPolicyAnswer((result.chunks ?? []).map(asWritten), policyQuestion(question, about));

/**
 * What to quote and cite in the reply's language: the section's translation when search brought it
 * in that language (the same passages, its title and heading), else the section as written.
 */
function inReplyLanguage(language: string, section: ReadSection, passages: Passage[]) {
  const { chunk } = section;
  const named = section.heading && section.heading !== section.title;
  if (!chunk.original || chunk.language !== language) {
    return { passages, title: section.title, heading: named ? section.heading : null };
  }
  const translated = translatedPassages(section.text, passages, chunk.text, policyReader());
  if (!translated.length) return { passages, title: section.title, heading: named ? section.heading : null };
  return { passages: translated, title: chunk.title, heading: named ? chunk.heading : null };
}

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
  const { passages, title, heading } = inReplyLanguage(say.language, answer.section, answer.passages);
  const quote = trimText(quoteOf(passages), MAX_QUOTE);
  const source = heading ? say('policy.section', { title, heading }) : title;
  return say('policy.answer', { quote, source });
}
