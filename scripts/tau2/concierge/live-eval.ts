/**
 * Live evaluation on tau2 retail (docs/tau2.md): a configured model plays the shopper from each
 * task's user scenario, Concierge's assistant (the same model, prompts and tools as the shop)
 * answers; changes run only when the simulated shopper confirms them, as in the widget. A trial
 * passes when the final customers and orders equal the reference state of the task's gold actions
 * (tau2's database check). Prints pass^1 … pass^k beside the published figures.
 */
import OpenAI from 'openai';
import { createConfirmationReader } from '../../../src/agent/confirmation-reply.js';
import { createModel, type ModelSettings } from '../../../src/agent/models/create-model.js';
import { runTurn } from '../../../src/agent/run-turn.js';
import type { CoreConfig } from '../../../src/app/build-core.js';
import { loadConfig } from '../../../src/config.js';
import { replayGold } from '../replay.js';
import { diffStates } from '../state-diff.js';
import type { Tau2Task } from '../tau2-db.js';
import { toTau2State } from '../tau2-state.js';
import { confirmAsShopper } from './confirm.js';
import { exportTau2State } from './export-state.js';
import { openTaskSession, prepareTau2Shop, type Tau2Shop } from './tau2-shop.js';

/** Published pass^k on tau2 retail (tau2-bench leaderboard, as cited by the issue). */
const PUBLISHED = [
  { model: 'GPT-5', passAt: { 1: 0.816 } },
  { model: 'Claude Opus 4.5', passAt: { 1: 0.796 } },
  { model: 'best published, pass^4', passAt: { 4: 0.59 } },
];

const STOP = '###STOP###';
const MAX_SHOPPER_TURNS = 20;

const binomial = (n: number, k: number): number => {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
};

/**
 * tau2's pass^k: for each task, the chance that k trials drawn from its n all pass,
 * C(successes, k) / C(n, k), averaged over tasks.
 */
export function passHatK(successesPerTask: number[], n: number, k: number): number {
  if (!successesPerTask.length || k > n) return 0;
  const each = successesPerTask.map((c) => binomial(c, k) / binomial(n, k));
  return each.reduce((a, b) => a + b, 0) / each.length;
}

function shopperPrompt(task: Tau2Task): string {
  const instructions = task.user_scenario?.instructions;
  const scenario =
    typeof instructions === 'string'
      ? instructions
      : Object.entries(instructions ?? {})
          .filter(([, v]) => typeof v === 'string' && v)
          .map(([k, v]) => `${k.replace(/_/g, ' ')}: ${v as string}`)
          .join('\n');
  return [
    'You play a customer chatting with the assistant of an online shop. You are already signed in.',
    'Follow your scenario; say only what a customer would, one short message at a time; reveal details only when asked.',
    'When the assistant shows a confirmation card, answer "yes" to confirm it or "no" to refuse it, as your scenario wants.',
    `When your goal is reached, or cannot be reached, reply with exactly ${STOP}.`,
    '',
    scenario,
  ].join('\n');
}

type Line = { role: 'user' | 'assistant'; content: string };

/** What a trial needs: the model settings (the shopper uses the same model) and the shop's. */
export type LiveConfig = CoreConfig & ModelSettings & { openai: NonNullable<ModelSettings['openai']> };

/**
 * One trial of one task: the simulated shopper and the assistant talk until the shopper stops (or
 * 20 shopper messages); true when the final database equals the gold outcome.
 */
export async function runLiveTrial(shop: Tau2Shop, config: LiveConfig, task: Tau2Task, shopper: OpenAI) {
  const session = await openTaskSession(shop, {
    config,
    model: createModel(config),
    task,
    sessionId: `tau2_live_${task.id}_${Date.now().toString(36)}`,
  });
  const { db, core, conversation: conv, sessionId: sid } = session;
  try {
    const readYesNo = createConfirmationReader();
    // The shopper model sees the conversation from its side: its own lines are "assistant".
    const transcript: Line[] = [{ role: 'user', content: 'Hi! How can I help you today?' }];
    for (let turn = 0; turn < MAX_SHOPPER_TURNS; turn++) {
      const said = await shopper.chat.completions.create({
        model: config.openai.model,
        messages: [{ role: 'system', content: shopperPrompt(task) }, ...transcript],
      });
      const text = said.choices[0]?.message.content?.trim() ?? '';
      if (!text || text.includes(STOP)) break;
      transcript.push({ role: 'assistant', content: text });
      const waiting = await core.orderActions.waiting(conv.id);
      const answer = waiting.length === 1 ? readYesNo(text) : null;
      let reply: string;
      if (answer) {
        const decided =
          answer === 'yes'
            ? await confirmAsShopper(core, conv.id, waiting[0].id, sid)
            : await core.orderActions.cancel(conv.id, waiting[0].id);
        reply = decided.action.outcome ?? decided.action.status;
      } else {
        const current = (await core.conversations.get(conv.id))!;
        reply = '';
        for await (const ev of runTurn(core.turn, { conversation: current, text })) {
          if (ev.type === 'completed') reply = ev.reply.text;
          if (ev.type === 'failed') reply = ev.reply?.text ?? `(the assistant failed: ${ev.error.message})`;
        }
        const card = (await core.orderActions.waiting(conv.id))[0];
        if (card) reply += `\n[Confirmation card: ${card.summary} Buttons: Confirm, Cancel]`;
      }
      transcript.push({ role: 'user', content: reply });
    }
    const expected = toTau2State(replayGold(shop.raw, task));
    return diffStates(expected, await exportTau2State(db)).length === 0;
  } finally {
    await session.close();
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** `npm run eval:tau2 -- [--tasks train] [--repeat k]`; exits 0 without a model, saying so. */
export async function runLiveEval(opts: { tasks: Tau2Task[]; repeat: number; dbFile?: string }): Promise<number> {
  const config = loadConfig();
  const openai = config.openai;
  if (!openai) {
    console.log(
      `No model configured: set OPENAI_API_KEY or OPENAI_BASE_URL (and OPENAI_MODEL) to play the ${opts.tasks.length} tasks live. ` +
        'The gold replay needs none: npm run eval:tau2 -- --gold',
    );
    return 0;
  }
  const shopper = new OpenAI({
    apiKey: openai.apiKey ?? 'local',
    baseURL: openai.baseURL,
    timeout: config.model.timeoutMs * 4,
    maxRetries: 2,
  });
  const shop = await prepareTau2Shop({ dbFile: opts.dbFile });
  const successes: number[] = [];
  try {
    for (const task of opts.tasks) {
      let passed = 0;
      const marks: string[] = [];
      for (let i = 0; i < opts.repeat; i++) {
        const ok = await runLiveTrial(shop, { ...config, openai }, task, shopper).catch((err: unknown) => {
          marks.push(`error: ${err instanceof Error ? err.message : String(err)}`);
          return false;
        });
        passed += ok ? 1 : 0;
        marks.push(ok ? 'pass' : 'fail');
      }
      successes.push(passed);
      console.log(`task ${task.id}: ${passed}/${opts.repeat} (${marks.join(', ')})`);
    }
  } finally {
    await shop.close();
  }
  console.log(`model ${openai.model}, ${opts.tasks.length} tasks × ${opts.repeat}`);
  for (let k = 1; k <= opts.repeat; k++) {
    const published = PUBLISHED.filter((p) => k in p.passAt)
      .map((p) => `${p.model} ${pct(p.passAt[k as keyof typeof p.passAt]!)}`)
      .join(', ');
    const ours = pct(passHatK(successes, opts.repeat, k));
    console.log(`pass^${k}: ${ours}${published ? `   (published: ${published})` : ''}`);
  }
  return 0;
}
