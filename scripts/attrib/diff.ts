// Error analysis for attributions: compares .eval-out/<set>.jsonl with the gold file.
// npx tsx scripts/attrib/diff.ts GOLD.jsonl OUT.jsonl [fn|fp|src|all] [max]
// Prints counts and examples to the terminal only (gold text never goes into the repository).
import { ov, read, type Sp } from './outputs.js';

interface G { source: Sp & { text?: string }; cue: Sp & { text?: string }; content: Sp & { text: string }; direct: boolean }
interface P { speaker: Sp; cue: Sp; content: { start: number; end: number }; speakerName: string | null; direct: boolean }
const [goldFile, outFile, mode = 'all', maxS = '40'] = process.argv.slice(2);
const max = Number(maxS);
const gold = read(goldFile!);
const out = new Map(read(outFile!).map((o: { id: string }) => [o.id, o]));
let tp = 0, fp = 0, fn = 0, srcOk = 0, srcBad = 0, shown = 0;
const lines: string[] = [];
for (const d of gold) {
  const g: G[] = d.gold.attributions;
  const p: P[] = (out.get(d.id) as { quotes: P[] } | undefined)?.quotes ?? [];
  const cands: { i: number; j: number; o: number; u: number }[] = [];
  g.forEach((x, i) => p.forEach((y, j) => { const o = ov(x.content, y.content); if (o > 0) cands.push({ i, j, o, u: Math.max(x.content.end, y.content.end) - Math.min(x.content.start, y.content.start) }); }));
  cands.sort((a, b) => b.o - a.o || a.u - b.u || a.i - b.i || a.j - b.j);
  const m = new Map<number, number>(), used = new Set<number>();
  for (const c of cands) if (!m.has(c.i) && !used.has(c.j)) { m.set(c.i, c.j); used.add(c.j); }
  tp += m.size; fn += g.length - m.size; fp += p.length - m.size;
  const t: string = d.text;
  const ctxOf = (s: { start: number; end: number }) => t.slice(Math.max(0, s.start - 60), s.end + 40).replace(/\n/g, '⏎');
  const short = (s: Sp) => (s ? JSON.stringify(t.slice(s.start, s.end).slice(0, 60)) : '-');
  g.forEach((x, i) => {
    if (m.has(i)) {
      const y = p[m.get(i)!]!;
      if (x.source) { if (ov(x.source, y.speaker) > 0) srcOk++; else { srcBad++; if (mode === 'src' && shown++ < max) lines.push(`SRC${ov(x.cue, y.cue) ? '' : '(other cue ' + short(y.cue) + ')'} gold ${short(x.source)} pred ${short(y.speaker)} cue ${short(x.cue)} | ${ctxOf(x.cue!).slice(0, 200)}`); } }
      return;
    }
    if ((mode === 'fn' || mode === 'all') && shown++ < max) lines.push(`FN cue ${short(x.cue)} src ${short(x.source)} :: ${t.slice(x.content.start, x.content.end).slice(0, 100).replace(/\n/g, '⏎')}\n     ctx: ${ctxOf(x.cue!).slice(0, 220)}`);
  });
  p.forEach((y, j) => {
    if (used.has(j)) return;
    if ((mode === 'fp' || mode === 'all') && shown++ < max) lines.push(`FP cue ${short(y.cue)} src ${short(y.speaker)} :: ${t.slice(y.content.start, y.content.end).slice(0, 100).replace(/\n/g, '⏎')}`);
  });
}
const f1 = (2 * tp) / (2 * tp + fp + fn);
console.log(`content overlap: tp ${tp} fp ${fp} fn ${fn}  P ${(tp / (tp + fp)).toFixed(3)} R ${(tp / (tp + fn)).toFixed(3)} F1 ${f1.toFixed(3)}; source ok ${srcOk} wrong/missing ${srcBad}`);
console.log(lines.join('\n'));
