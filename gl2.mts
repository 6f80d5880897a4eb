import { glossFor, questionGlossFor } from '/work/main/src/catalog/catalog-gloss.js';
import { policyReader } from '/work/main/src/policies/policy-reader.js';
for (const t of process.argv.slice(2)) { const q = questionGlossFor('ar')!.apply(t); const g = glossFor('ar','en')!.apply(q); console.log(t, '\n  →', q, '\n  →', g, '\n  →', policyReader().read(g).text); }
