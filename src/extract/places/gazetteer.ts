import { gunzipSync } from 'node:zlib';
import type { Resources } from '../../resources/resources.js';
import { GAZETTEER_FILE, type GazetteerFile } from './format.js';
import { normName } from './normalize.js';

/** One candidate reading of a name: an entry of the gazetteer and how the name reached it. */
export interface Hit {
  entry: number;
  /** NameFlag: 0 main name, 1 alternate, 2 a region's core name */
  flag: number;
}

export type Level = 'country' | 'admin1' | 'admin2' | 'city' | 'macro' | 'landmark';

/**
 * The gazetteer in memory: columns of the built file plus binary search over its sorted names.
 * Loaded once per Resources object, on first use.
 */
export class Gazetteer {
  readonly keys: string[];
  private readonly demonymKeys: string[];
  private readonly capitalOf = new Map<string, number>();

  constructor(readonly f: GazetteerFile) {
    this.keys = f.keys.split('\n');
    this.demonymKeys = f.demonymKeys.split('\n');
    const pplc = f.fcodes.indexOf('PPLC');
    for (let i = 0; i < f.count; i++) if (f.fc[i] === pplc) {
      const cc = f.ccodes[f.cc[i]!]!;
      const had = this.capitalOf.get(cc);
      if (had === undefined || f.population[i]! > f.population[had]!) this.capitalOf.set(cc, i);
    }
  }

  get size(): number {
    return this.f.count;
  }

  /** Entries whose name, normalised, is `key` (already normalised). */
  lookupKey(key: string): Hit[] {
    const k = search(this.keys, key);
    if (k < 0) return [];
    const out: Hit[] = [];
    for (let p = this.f.off[k]!; p < this.f.off[k + 1]!; p++) {
      const v = this.f.post[p]!;
      out.push({ entry: v >> 2, flag: v & 3 });
    }
    return out;
  }

  lookup(name: string): Hit[] {
    return this.lookupKey(normName(name));
  }

  /** Whether some indexed name starts with `prefix` + " " (a longer name may follow). */
  hasLonger(prefix: string): boolean {
    const probe = prefix + ' ';
    let lo = 0, hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid]! < probe) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.keys.length && this.keys[lo]!.startsWith(probe);
  }

  /** The place a demonym names ("syrian" -> Syria), or -1. */
  demonym(key: string): number {
    const k = search(this.demonymKeys, key);
    return k < 0 ? -1 : this.f.demonymEntry[k]!;
  }

  /** The country entry (PCLI) of an ISO2 code, or -1. */
  country(cc: string): number {
    return this.byCode().get(cc) ?? -1;
  }

  capital(cc: string): number {
    return this.capitalOf.get(cc) ?? -1;
  }

  name(i: number): string { return this.f.name[i]!; }
  lat(i: number): number { return this.f.lat[i]! / 1e4; }
  lon(i: number): number { return this.f.lon[i]! / 1e4; }
  fcode(i: number): string { return this.f.fcodes[this.f.fc[i]!]!; }
  cc(i: number): string { return this.f.ccodes[this.f.cc[i]!]!; }
  a1(i: number): string { return this.f.a1[i]!; }
  a2(i: number): string { return this.f.a2[i]!; }
  population(i: number): number { return this.f.population[i]!; }
  geonameid(i: number): number | null { return this.f.gid[i] || null; }

  /** A stable id: "geonames:170063", "country:SY", "admin1:SY.09", "admin2:US.KY.125", "region:middle-east". */
  gazetteerId(i: number): string {
    const fc = this.fcode(i), ref = this.f.ref[i]!;
    if (!ref) return `geonames:${this.f.gid[i]}`;
    if (fc === 'PCLI') return `country:${ref}`;
    if (fc === 'ADM1') return `admin1:${ref}`;
    if (fc === 'ADM2') return `admin2:${ref}`;
    return `region:${ref}`;
  }

  level(i: number): Level {
    const fc = this.fcode(i);
    if (fc === 'PCLI') return 'country';
    if (fc === 'ADM1') return 'admin1';
    if (fc === 'ADM2') return 'admin2';
    if (fc.startsWith('PPL') || fc === 'STLMT') return 'city';
    if (fc === 'BLDG') return 'landmark';
    return 'macro';
  }

  /** The first-level region (ADM1 entry) holding a place, or -1. */
  admin1Entry(i: number): number {
    const a1 = this.a1(i);
    if (!a1 || this.fcode(i) === 'ADM1') return this.fcode(i) === 'ADM1' ? i : -1;
    return this.byCode().get(`${this.cc(i)}.${a1}`) ?? -1;
  }

  /** The ADM1 entry of a region code ("US", "TX"), or -1. */
  admin1ByCode(cc: string, a1: string): number {
    return this.byCode().get(`${cc}.${a1}`) ?? -1;
  }

  private codes?: Map<string, number>;
  /** "SY" -> country entry, "SY.09" -> ADM1 entry; built on first use. */
  private byCode(): Map<string, number> {
    if (!this.codes) {
      this.codes = new Map();
      const pcli = this.f.fcodes.indexOf('PCLI'), adm1 = this.f.fcodes.indexOf('ADM1');
      for (let j = 0; j < this.f.count; j++) {
        if (this.f.fc[j] === pcli) this.codes.set(this.cc(j), j);
        else if (this.f.fc[j] === adm1) this.codes.set(`${this.cc(j)}.${this.a1(j)}`, j);
      }
    }
    return this.codes;
  }
}

function search(sorted: readonly string[], key: string): number {
  let lo = 0, hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === key) return mid;
    if (v < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const cache = new WeakMap<Resources, Gazetteer | null>();

/** The gazetteer shipped in data/gazetteer/, or null where the resources hold none (tests with word lists only). */
export function gazetteerOf(res: Resources): Gazetteer | null {
  if (cache.has(res)) return cache.get(res)!;
  let g: Gazetteer | null = null;
  if (res.has(GAZETTEER_FILE)) g = new Gazetteer(JSON.parse(gunzipSync(res.bytes(GAZETTEER_FILE)).toString('utf8')) as GazetteerFile);
  cache.set(res, g);
  return g;
}
