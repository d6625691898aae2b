/** Runs the trained tagger over a document: features, emission scores, Viterbi per sentence. */
import { extractFeatures, type DocFeatures, type FeatureLexicon } from './features.js';
import { NUM_LABELS, spansOf } from './labels.js';
import { emissions, type NerModel } from './model.js';
import { viterbi } from './viterbi.js';
import type { NerDoc } from './doc.js';
import { appendFeatures, documentFeatures } from './document.js';

export interface TaggedSpan {
  /** token indices in the NerDoc, inclusive */
  first: number;
  last: number;
  /** index into TYPES */
  type: number;
  /** confidence in (0, 1): how far the chosen labels beat the runner-up on its tokens */
  score: number;
}

/** Labels for every token of the document. */
export function tagLabels(doc: NerDoc, model: NerModel, feats: DocFeatures): { labels: Int32Array; margin: Float64Array } {
  const L = NUM_LABELS;
  const labels = new Int32Array(doc.tokens.length);
  const margin = new Float64Array(doc.tokens.length);
  let em = new Float64Array(64 * L);
  for (const s of doc.sentences) {
    const n = s.end - s.first;
    if (em.length < n * L) em = new Float64Array(n * L * 2);
    emissions(model, feats, s.first, s.end, em);
    viterbi(em, n, model, labels, s.first);
    for (let i = 0; i < n; i++) {
      const lab = labels[s.first + i]!;
      let other = -Infinity;
      for (let l = 0; l < L; l++) if (l !== lab && em[i * L + l]! > other) other = em[i * L + l]!;
      margin[s.first + i] = em[i * L + lab]! - other;
    }
  }
  return { labels, margin };
}

/**
 * The names found in a document: a first pass with the sentence-level model, then (when a second
 * model is given) a pass that also sees what the first said about the rest of the document.
 */
export function tagDoc(doc: NerDoc, model: NerModel, lex: FeatureLexicon, docModel?: NerModel | null): TaggedSpan[] {
  const base = extractFeatures(doc, lex);
  let { labels, margin } = tagLabels(doc, model, base);
  if (docModel) ({ labels, margin } = tagLabels(doc, docModel, appendFeatures(base, documentFeatures(doc, labels))));
  return spansOf(labels).map((sp) => {
    let m = Infinity;
    for (let i = sp.first; i <= sp.last; i++) m = Math.min(m, margin[i]!);
    return { ...sp, score: 1 / (1 + Math.exp(-m / 4)) };
  });
}
