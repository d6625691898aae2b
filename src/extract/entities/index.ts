import type { Analysis } from '../analysis.js';
import type { Resources } from '../../resources/resources.js';
import { nerDoc } from './doc.js';
import { nerDocModel, nerLexicon, nerModel, repairLexicon } from './lexicon.js';
import { tagDoc } from './tagger.js';
import { linkEntities } from './link.js';
import { titleLexicon, type TitleLexicon } from './titles.js';

const titleLexicons = new WeakMap<Resources, TitleLexicon>();

/**
 * Names of people, organisations, places and other things (MISC), found by the trained tagger
 * (data/models/ner.bin.gz and ner-doc.bin.gz, see scripts/ner/train.ts), then linked into one Entity per real-world thing
 * with its aliases and titles. Fills a.mentions (in text order) and a.entities.
 */
export function recognizeEntities(a: Analysis, res: Resources): void {
  const model = nerModel(res);
  if (!model) {
    a.warnings.push('no name-tagger model (data/models/ner.bin.gz): entities left empty');
    return;
  }
  let tl = titleLexicons.get(res);
  if (!tl) titleLexicons.set(res, (tl = titleLexicon(res.list('ner-titles'))));
  const doc = nerDoc(a.seg);
  const spans = tagDoc(doc, model, nerLexicon(res), nerDocModel(res));
  const { mentions, entities } = linkEntities(doc, spans, tl, repairLexicon(res));
  a.mentions = mentions;
  a.entities = entities;
}
