// Prints sitrep's attributions for the sentence(s) of a gold file holding a given string, beside the gold ones.
// npx tsx scripts/attrib/doc.ts GOLD.jsonl "some words"   (terminal only: gold text never goes into the repo)
import { readFileSync } from 'node:fs';
import { runPipeline } from '../../src/extract/pipeline.js';
import { loadResources } from '../../src/resources/load.js';

const [file, needle] = process.argv.slice(2);
const res = loadResources();
for (const line of readFileSync(file!, 'utf8').split('\n').filter(Boolean)) {
  const d = JSON.parse(line);
  const at = (d.text as string).indexOf(needle!);
  if (at < 0) continue;
  const a = runPipeline({ text: d.text, published: d.published }, res);
  const lo = at - 300, hi = at + 300;
  const near = (s: { start: number; end: number }) => s.end > lo && s.start < hi;
  const t = (s: { start: number; end: number } | null) => (s ? JSON.stringify(d.text.slice(s.start, s.end).slice(0, 90)) : '-');
  console.log('TEXT:', d.text.slice(Math.max(0, at - 200), at + 200).replace(/\n/g, '⏎'));
  for (const g of d.gold.attributions) if (near(g.content)) console.log(`GOLD src ${t(g.source)} cue ${t(g.cue)} :: ${t(g.content)}`);
  for (const q of a.attributions) if (near(q.content)) console.log(`PRED src ${t(q.source)} cue ${t(q.cue)} :: ${t(q.content)} -> ${q.speaker.name}`);
}
