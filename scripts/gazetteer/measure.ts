/**
 * Scores the places stage on the geoparsing sets in variants the eval command does not print:
 * with and without the entity recogniser's mentions, and with and without associative places
 * ("Syrian forces"). Needs ../shared (skips otherwise).
 *
 *   npx tsx scripts/gazetteer/measure.ts [lgl/all geowebnews/all geovirus/all seed/aleppo]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadResources, packageRoot } from '../../src/resources/load.js';
import { runPipeline, STAGES } from '../../src/extract/pipeline.js';

const shared = process.env.SITREP_SHARED ?? join(packageRoot(), '..', 'shared');
if (!existsSync(join(shared, 'eval', 'score.mjs'))) {
  console.log('no ../shared: nothing to measure');
  process.exit(0);
}
const { score } = (await import(pathToFileURL(join(shared, 'eval', 'score.mjs')).href)) as {
  score: (gold: unknown[], out: unknown[], tasks?: string[]) => Record<string, Record<string, number>>;
};
const res = loadResources();
const sets = process.argv.slice(2).length ? process.argv.slice(2) : ['lgl/all', 'geowebnews/all', 'geovirus/all', 'seed/aleppo'];
const withNer = STAGES.filter(([n]) => n === 'entities' || n === 'places');
const withoutNer = STAGES.filter(([n]) => n === 'places');

for (const set of sets) {
  const file = set.startsWith('seed/') ? join(shared, 'seed', `${set.slice(5)}.jsonl`) : join(shared, 'eval', `${set}.jsonl`);
  const gold = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; text: string; gold: unknown });
  for (const [label, stages] of [['with NER', withNer], ['without NER', withoutNer]] as const) {
    const runs = gold.map((d) => runPipeline({ text: d.text }, res, stages));
    for (const assoc of [true, false]) {
      const out = runs.map((a, k) => ({
        id: gold[k]!.id,
        places: a.places.filter((p) => p.lat !== null && (assoc || p.usage === 'literal')).map((p) => ({ start: p.start, end: p.end, lat: p.lat, lon: p.lon })),
      }));
      const s = score(gold, out, ['places'])['places']!;
      const pct = (k: string) => (100 * (s[k] ?? 0)).toFixed(1);
      console.log(`${set.padEnd(16)} ${label.padEnd(12)} ${assoc ? 'all places  ' : 'literal only'}  acc@161 all ${pct('all_acc')}  matched ${pct('matched_acc')}  detection P ${pct('detection_p')} R ${pct('detection_r')} F1 ${pct('detection_f1')}`);
    }
  }
}
