// Cue candidates the classifier accepts but for which no structure (content) is found: npx tsx scripts/attrib/nostruct.ts GOLD [max]
import { readFileSync } from 'node:fs';
import { loadResources } from '../../src/resources/load.js';
import { segment } from '../../src/segment/index.js';
import { makeCtx } from '../../src/extract/attributions/context.js';
import { attribLexicon } from '../../src/extract/attributions/lexicon.js';
import { anyCandidateAt } from '../../src/extract/attributions/cues.js';
import { cueScorer } from '../../src/extract/attributions/model.js';
import { structureOf } from '../../src/extract/attributions/structure.js';

const [file, maxS = '30'] = process.argv.slice(2);
const res = loadResources(); const sc = cueScorer(res)!;
let n = 0, shown = 0;
for (const line of readFileSync(file!, 'utf8').split('\n').filter(Boolean)) {
  const d = JSON.parse(line);
  const ctx = makeCtx(segment(d.text, { abbreviations: res.set('abbreviations'), starters: res.set('sentence-starters') }), attribLexicon(res));
  for (let i = 0; i < ctx.toks.length; i++) {
    if (!sc.candidate(ctx, i)) continue;
    const c = anyCandidateAt(ctx, i)!;
    const st = structureOf(ctx, c, null);
    if (st?.content || sc(ctx, c, st) < sc.threshold) continue;
    n++;
    if (shown++ < Number(maxS)) console.log(`${d.text.slice(Math.max(0, ctx.toks[i]!.start - 90), ctx.toks[i]!.start).replace(/\n/g, '⏎')}[[${ctx.toks[i]!.text}]]${d.text.slice(ctx.toks[i]!.end, ctx.toks[i]!.end + 40).replace(/\n/g, '⏎')}`);
  }
}
console.log(`${n} accepted candidates without a structure`);
