/**
 * The tagger's models and feature tables, read once per Resources object: the weights of both passes
 * (data/models/ner.bin.gz, ner-doc.bin.gz), the word clusters with capitalisation priors (data/models/ner-clusters.tsv),
 * the gazetteers (data/lexicon/ner-gaz-*.txt) and the word list of the span repairs (ner-hyphen-tails.txt).
 */
import type { Resources } from '../../resources/resources.js';
import type { FeatureLexicon } from './features.js';
import { decodeModel, type NerModel } from './model.js';
import { gazetteerFeatures } from './gazetteer.js';
import type { RepairLexicon } from './repair.js';

export const MODEL_PATH = 'models/ner.bin.gz';
export const DOC_MODEL_PATH = 'models/ner-doc.bin.gz';
export const CLUSTERS_PATH = 'models/ner-clusters.tsv';

const lexicons = new WeakMap<Resources, FeatureLexicon>();
const models = new WeakMap<Resources, NerModel | null>();
const docModels = new WeakMap<Resources, NerModel | null>();
const repairLexicons = new WeakMap<Resources, RepairLexicon>();

/** Parses the clusters table: word, cluster ids (coarse to fine), capitalisation bucket (hand-rolled: it runs at every start). */
export function parseClusters(tsv: string): Pick<FeatureLexicon, 'clusters' | 'capPrior'> {
  const clusters = new Map<string, number[]>();
  const capPrior = new Map<string, number>();
  let pos = 0;
  while (pos < tsv.length) {
    let eol = tsv.indexOf('\n', pos);
    if (eol < 0) eol = tsv.length;
    if (eol > pos && tsv.charCodeAt(pos) !== 35 /* # */) {
      let tab = tsv.indexOf('\t', pos);
      if (tab < 0 || tab > eol) tab = eol;
      const word = tsv.slice(pos, tab);
      const fields: string[] = [];
      while (tab < eol) {
        const next = tsv.indexOf('\t', tab + 1);
        const end = next < 0 || next > eol ? eol : next;
        fields.push(tsv.slice(tab + 1, end));
        tab = end;
      }
      const ids: number[] = [];
      for (let k = 0; k < fields.length - 1; k++) if (fields[k] !== '') ids.push(+fields[k]!);
      if (ids.length) clusters.set(word, ids);
      const p = fields[fields.length - 1];
      if (p !== undefined && p !== '' && p !== '-') capPrior.set(word, +p);
    }
    pos = eol + 1;
  }
  return { clusters, capPrior };
}

export function nerLexicon(res: Resources): FeatureLexicon {
  let lex = lexicons.get(res);
  if (!lex) {
    const tables = res.has(CLUSTERS_PATH) ? parseClusters(new TextDecoder().decode(res.bytes(CLUSTERS_PATH))) : { clusters: new Map(), capPrior: new Map() };
    lex = { ...tables, gazetteer: gazetteerFeatures(res) };
    lexicons.set(res, lex);
  }
  return lex;
}

/** The trained weights, or null when no model ships (the stage then finds nothing). */
export function nerModel(res: Resources): NerModel | null {
  if (!models.has(res)) models.set(res, res.has(MODEL_PATH) ? decodeModel(res.bytes(MODEL_PATH)) : null);
  return models.get(res)!;
}

/** The second-stage (document-level) weights, or null (the first stage then decides alone). */
export function nerDocModel(res: Resources): NerModel | null {
  if (!docModels.has(res)) docModels.set(res, res.has(DOC_MODEL_PATH) ? decodeModel(res.bytes(DOC_MODEL_PATH)) : null);
  return docModels.get(res)!;
}

/** Word lists for the span repairs before linking (data/lexicon/ner-hyphen-tails.txt). */
export function repairLexicon(res: Resources): RepairLexicon {
  let r = repairLexicons.get(res);
  if (!r) {
    const set = (name: string) => (res.has(`lexicon/${name}.txt`) ? res.set(name) : new Set<string>());
    const list = (name: string) => (res.has(`lexicon/${name}.txt`) ? res.list(name) : []);
    const places = new Set(list('ner-gaz-loc'));
    const orgAcronyms = new Set(list('ner-gaz-org').filter((w) => /^\p{Lu}{2,6}$/u.test(w) && !places.has(w)));
    repairLexicons.set(res, (r = { hyphenTails: set('ner-hyphen-tails'), capPrior: nerLexicon(res).capPrior, orgTails: set('ner-org-tails'), orgAcronyms, facilityTails: set('ner-facility-tails') }));
  }
  return r;
}
