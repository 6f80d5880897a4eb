import { loadLanguagePack } from '../../../src/agent/models/offline/language-pack.js';
import { cachedIntentWeights } from '../../../src/agent/models/offline/intent-model-cache.js';
import { intentClassifier } from '../../../src/agent/models/offline/intent-classifier.js';
const p = loadLanguagePack(process.env.LANG_CODE ?? 'en');
const m = intentClassifier(cachedIntentWeights(p.examples));
for (const t of process.argv.slice(2)) console.log(t, '=>', m.classify(t).slice(0, 3).map((s) => `${s.intent} ${s.p.toFixed(2)}`).join(', '));
