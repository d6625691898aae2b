/**
 * The shape of data/gazetteer/gazetteer.json.gz, written by scripts/gazetteer/build.ts and read by
 * ./gazetteer.ts. Columnar: entry i is the i-th element of every column. Names are in one sorted
 * list (binary-searched, no map to build at load time) with their postings.
 */
export const GAZETTEER_FILE = 'gazetteer/gazetteer.json.gz';

/** How a name reaches an entry (the low 2 bits of a posting). */
export const NameFlag = {
  /** the entry's own name, an ASCII form, or a usual English name ("Aleppo", "U.S.") */
  main: 0,
  /** an alternate name or transliteration ("Halab", "Alep") */
  alternate: 1,
  /** a region's name without its generic word ("Idlib" for "Idlib Governorate") */
  core: 2,
} as const;

export interface GazetteerFile {
  version: number;
  /** the packages and tables it was built from */
  sources: string[];
  count: number;
  /** GeoNames id, 0 where the entry has none (countries, regions written by hand) */
  gid: number[];
  /** short id where the entry is not a GeoNames place ("SY", "SY.09", "US.KY.125", "middle-east"), else "" */
  ref: string[];
  name: string[];
  /** degrees x 1e4 */
  lat: number[];
  lon: number[];
  /** index into fcodes */
  fc: number[];
  fcodes: string[];
  /** index into ccodes ("" for none) */
  cc: number[];
  ccodes: string[];
  /** first- and second-level region codes within the country ("09", "125"), "" for none */
  a1: string[];
  a2: string[];
  population: number[];
  /** normalised names, sorted (JavaScript string order), joined with \n */
  keys: string;
  /** postings of key k: post[off[k] .. off[k+1]), each entry << 2 | NameFlag */
  off: number[];
  post: number[];
  /** demonyms ("syrian"), normalised and sorted, joined with \n; demonymEntry[k] is the place */
  demonymKeys: string;
  demonymEntry: number[];
}
