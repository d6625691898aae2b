/**
 * What the extractors read besides the article: word lists, trained weights, the gazetteer.
 * Extraction code receives a Resources object and never touches the file system itself;
 * `loadResources()` in ./load.ts is the one place that reads these files.
 */
export interface Resources {
  /** Entries of data/lexicon/<name>.txt: one per line, `#` comments and blank lines dropped. */
  list(name: string): readonly string[];
  /** The same entries, lower-cased, as a set (first tab-separated field only). */
  set(name: string): ReadonlySet<string>;
  /** Tab-separated entries as key -> rest of line (keys lower-cased). */
  map(name: string): ReadonlyMap<string, string>;
  /** A JSON data file under data/ (models, tables), parsed once. */
  json<T>(path: string): T;
  /** Raw bytes of a data file under data/ (compact binary tables). */
  bytes(path: string): Uint8Array;
  /** Whether a data file exists (optional resources such as a model not yet trained). */
  has(path: string): boolean;
}

/** Splits a word-list file into its entries. */
export function parseList(content: string): string[] {
  const out: string[] = [];
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, '');
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    out.push(line.trim());
  }
  return out;
}

/** Resources from in-memory word lists (tests, callers with their own storage). */
export function memoryResources(lists: Record<string, string>, files: Record<string, unknown> = {}): Resources {
  return cachedResources({
    readText: (rel) => {
      const name = rel.replace(/^lexicon\//, '').replace(/\.txt$/, '');
      if (rel.startsWith('lexicon/') && name in lists) return lists[name]!;
      if (rel in files) return typeof files[rel] === 'string' ? (files[rel] as string) : JSON.stringify(files[rel]);
      throw new Error(`no resource ${rel}`);
    },
    readBytes: (rel) => {
      const v = files[rel];
      if (v instanceof Uint8Array) return v;
      throw new Error(`no resource ${rel}`);
    },
    exists: (rel) => rel in files || (rel.startsWith('lexicon/') && rel.replace(/^lexicon\//, '').replace(/\.txt$/, '') in lists),
  });
}

export interface ResourceReader {
  readText(relPath: string): string;
  readBytes(relPath: string): Uint8Array;
  exists(relPath: string): boolean;
}

/** Wraps a reader so each file is read and parsed once. */
export function cachedResources(reader: ResourceReader): Resources {
  const lists = new Map<string, string[]>();
  const sets = new Map<string, Set<string>>();
  const maps = new Map<string, Map<string, string>>();
  const jsons = new Map<string, unknown>();
  const blobs = new Map<string, Uint8Array>();
  const list = (name: string) => {
    let l = lists.get(name);
    if (!l) lists.set(name, (l = parseList(reader.readText(`lexicon/${name}.txt`))));
    return l;
  };
  return {
    list,
    set(name) {
      let s = sets.get(name);
      if (!s) sets.set(name, (s = new Set(list(name).map((e) => e.split('\t')[0]!.toLowerCase()))));
      return s;
    },
    map(name) {
      let m = maps.get(name);
      if (!m) {
        m = new Map();
        for (const e of list(name)) {
          const tab = e.indexOf('\t');
          if (tab < 0) m.set(e.toLowerCase(), '');
          else m.set(e.slice(0, tab).trim().toLowerCase(), e.slice(tab + 1).trim());
        }
        maps.set(name, m);
      }
      return m;
    },
    json<T>(path: string): T {
      if (!jsons.has(path)) jsons.set(path, JSON.parse(reader.readText(path)));
      return jsons.get(path) as T;
    },
    bytes(path) {
      let b = blobs.get(path);
      if (!b) blobs.set(path, (b = reader.readBytes(path)));
      return b;
    },
    has: (path) => reader.exists(path),
  };
}
