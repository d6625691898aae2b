// Gold cue heads the classifier scores in a band, and non-heads it accepts: npx tsx scripts/attrib/misses.ts GOLD [lo] [hi] [max]
// (terminal only: prints gold context for error analysis, never written to the repository)
import { readFileSync } from 'node:fs';
import { loadResources } from '../../src/resources/load.js';
import { segment } from '../../src/segment/index.js';
import { makeCtx } from '../../src/extract/attributions/context.js';
import { attribLexicon } from '../../src/extract/attributions/lexicon.js';
import { anyCandidateAt } from '../../src/extract/attributions/cues.js';
import { cueScorer } from '../../src/extract/attributions/model.js';
import { structureOf } from '../../src/extract/attributions/structure.js';

const [file, loS = '0.2', hiS = '0.4', maxS = '60'] = process.argv.slice(2);
const res = loadResources(); const lex = attribLexicon(res); const sc = cueScorer(res)!;
const docs = readFileSync(file!, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
let shown = 0;
for (const d of docs) {
  const ctx = makeCtx(segment(d.text, { abbreviations: res.set('abbreviations'), starters: res.set('sentence-starters') }), lex);
  const heads = new Set<number>();
  for (const a of d.gold.attributions) {
    const t = ctx.toks.findIndex((x) => x.end > a.cue.start);
    for (let k = t; k >= 0 && k < ctx.toks.length && ctx.toks[k]!.start < a.cue.end; k++) {
      const w = ctx.lower[k]!;
      if (ctx.toks[k]!.kind !== 'word' || lex.skip.has(w) || lex.determiners.has(w)) continue;
      heads.add(k); break;
    }
  }
  for (let i = 0; i < ctx.toks.length && shown < Number(maxS); i++) {
    if (!heads.has(i) || !sc.candidate(ctx, i)) continue;
    const c = anyCandidateAt(ctx, i)!;
    const p = sc(ctx, c, structureOf(ctx, c, null));
    if (p < Number(loS) || p >= Number(hiS)) continue;
    shown++;
    const tk = ctx.toks[i]!;
    console.log(`${p.toFixed(2)} ${d.text.slice(Math.max(0, tk.start - 80), tk.start).replace(/\n/g, ' ')}[[${tk.text}]]${d.text.slice(tk.end, tk.end + 60).replace(/\n/g, ' ')}`);
  }
}
