/**
 * A small intent model: multinomial logistic regression over the words, word pairs and character
 * n-grams of a message whose shop words were replaced by placeholders. Trained from a language
 * pack's labelled utterances in a few seconds, once per process, deterministically (fixed order,
 * zero start), with no downloaded weights. It gives a probability per intent, so an unsure reading
 * can become a question instead of a guess. A message's features are scaled to unit length, so no
 * single word (which brings a dozen character n-grams with it) decides a long message alone, and
 * the probabilities stay honest on messages unlike the examples.
 */

export interface IntentScore {
  intent: string;
  p: number;
}

const PLACEHOLDER = /^__\w+__$/;
/** How many of the last epochs' weights are averaged. */
const AVERAGED = 8;

/** The features of a message: words, adjacent pairs, and 3–5 character n-grams of real words. */
export function features(text: string): string[] {
  const words = text.split(' ').filter(Boolean);
  const out = new Set<string>();
  const seq = ['<s>', ...words, '</s>'];
  for (const w of words) out.add(`w:${w}`);
  for (let i = 0; i + 1 < seq.length; i++) out.add(`b:${seq[i]} ${seq[i + 1]}`);
  for (const w of words) {
    if (PLACEHOLDER.test(w) || w.length < 3) continue;
    const padded = `<${w}>`;
    for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) out.add(`c:${padded.slice(i, i + n)}`);
  }
  out.add(`len:${Math.min(words.length, 8)}`);
  return [...out];
}

export interface TrainedIntentModel {
  intents: string[];
  classify(text: string): IntentScore[];
}

/** Trains on (intent, text) pairs; classes are weighted so a rare intent is not drowned by frequent ones. */
/** A trained model's numbers: what a classifier is made from, and what a cache stores. */
export interface IntentWeights {
  intents: string[];
  /** Feature names, in the order of their rows in `w`. */
  features: string[];
  /** One row of `intents.length` weights per feature. */
  w: Float64Array;
  bias: Float64Array;
}

export function trainIntentModel(
  examples: { intent: string; text: string }[],
  opts: { epochs?: number; learningRate?: number; l2?: number } = {},
): TrainedIntentModel {
  return intentClassifier(trainIntentWeights(examples, opts));
}

/** Trains the weights (deterministic: the same examples give the same numbers). */
export function trainIntentWeights(
  examples: { intent: string; text: string }[],
  opts: { epochs?: number; learningRate?: number; l2?: number } = {},
): IntentWeights {
  const epochs = opts.epochs ?? 24;
  const l2 = opts.l2 ?? 3e-5;
  const intents = [...new Set(examples.map((e) => e.intent))].sort();
  const k = intents.length;
  const featureIndex = new Map<string, number>();
  const data = examples.map((e) => {
    const ids = features(e.text).map((f) => {
      let id = featureIndex.get(f);
      if (id === undefined) {
        id = featureIndex.size;
        featureIndex.set(f, id);
      }
      return id;
    });
    return { ids, y: intents.indexOf(e.intent), v: 1 / Math.sqrt(ids.length) };
  });
  const counts = intents.map((_, c) => data.filter((d) => d.y === c).length);
  const classWeight = counts.map((n) => Math.sqrt(Math.max(...counts) / n));
  const w = new Float64Array(featureIndex.size * k);
  const bias = new Float64Array(k);
  // The weights kept are the mean of the last epochs' (less dependent on the order of the last examples seen).
  const averaged = Math.min(AVERAGED, epochs);
  const wSum = new Float64Array(w.length);
  const bSum = new Float64Array(k);

  const softmax = softmaxOver(w, bias, k);

  // A fixed, interleaved order (no randomness): example i of every class in turn.
  const order = data.map((_, i) => i).sort((a, b) => ((a * 7919) % data.length) - ((b * 7919) % data.length));
  for (let epoch = 0; epoch < epochs; epoch++) {
    const lr = (opts.learningRate ?? 2) / (1 + epoch * 0.15);
    for (const i of order) {
      const { ids, y, v } = data[i];
      const p = softmax(ids, v);
      const scale = lr * classWeight[y];
      for (let c = 0; c < k; c++) {
        const g = (p[c] - (c === y ? 1 : 0)) * scale;
        bias[c] -= g;
        for (const f of ids) w[f * k + c] -= g * v + l2 * w[f * k + c];
      }
    }
    if (epoch >= epochs - averaged) {
      for (let i = 0; i < w.length; i++) wSum[i] += w[i] / averaged;
      for (let c = 0; c < k; c++) bSum[c] += bias[c] / averaged;
    }
  }

  return { intents, features: [...featureIndex.keys()], w: wSum, bias: bSum };
}

/** Class probabilities of a message with these features, each of value `v` (one buffer, reused). */
function softmaxOver(w: Float64Array, bias: Float64Array, k: number) {
  const scores = new Float64Array(k);
  return (ids: number[], v: number) => {
    let max = -Infinity;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (const f of ids) s += w[f * k + c];
      s = bias[c] + s * v;
      scores[c] = s;
      if (s > max) max = s;
    }
    let sum = 0;
    for (let c = 0; c < k; c++) {
      scores[c] = Math.exp(scores[c] - max);
      sum += scores[c];
    }
    for (let c = 0; c < k; c++) scores[c] /= sum;
    return scores;
  };
}

/** A classifier over trained weights. */
export function intentClassifier(model: IntentWeights): TrainedIntentModel {
  const { intents, w, bias } = model;
  const k = intents.length;
  const featureIndex = new Map(model.features.map((f, i) => [f, i]));
  const softmax = softmaxOver(w, bias, k);
  return {
    intents,
    classify(text) {
      const all = features(text);
      const ids = all.flatMap((f) => {
        const id = featureIndex.get(f);
        return id === undefined ? [] : [id];
      });
      // Features never seen in training still count in the length: an unfamiliar message is unsure.
      const p = softmax(ids, 1 / Math.sqrt(all.length));
      return intents.map((intent, c) => ({ intent, p: p[c] })).sort((a, b) => b.p - a.p);
    },
  };
}
