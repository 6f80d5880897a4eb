import { cachedIntentWeights } from '../../src/agent/models/offline/intent-model-cache.js';
import { loadLanguagePack } from '../../src/agent/models/offline/language-pack.js';

/**
 * Trains the offline model's intent weights of the languages named as arguments into the on-disk
 * cache, where every test process then finds them (global setup runs this in two processes).
 */
for (const code of process.argv.slice(2)) cachedIntentWeights(loadLanguagePack(code).examples);
