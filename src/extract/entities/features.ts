/**
 * Features of each token for the name tagger, as 32-bit hashes (template id combined with values).
 * Word forms and neighbours, shapes, affixes, casing in context (headline, sentence start), word
 * clusters learnt from unlabeled news, gazetteer membership, and what the rest of the article says
 * about the same word (seen in lower case? capitalised mid-sentence?).
 */
import { combine, hashString } from '../../util/hash.js';
import type { NerDoc, NerToken } from './doc.js';

/** Word lists and tables the features consult (built once per Resources). */
export interface FeatureLexicon {
  /** lower-cased word -> cluster ids at several granularities (coarse first) */
  clusters: ReadonlyMap<string, readonly number[]>;
  /** lower-cased word -> how often it is capitalised mid-sentence in running text, bucketed 0..4 */
  capPrior: ReadonlyMap<string, number>;
  /** per token: gazetteer features (already hashed) for a document */
  gazetteer?: (doc: NerDoc) => number[][];
}

export const EMPTY_LEXICON: FeatureLexicon = { clusters: new Map(), capPrior: new Map() };

/** Features of all tokens: token i owns feats[offsets[i] .. offsets[i+1]). */
export interface DocFeatures {
  feats: Uint32Array;
  offsets: Uint32Array;
}

const BOS = hashString('<s>');
const EOS = hashString('</s>');
const T = (name: string) => hashString('#' + name);

const F = {
  bias: T('bias'), l0: T('l0'), w0: T('w0'), lm1: T('l-1'), lp1: T('l+1'), lm2: T('l-2'), lp2: T('l+2'),
  bgL: T('l-1l0'), bgR: T('l0l+1'), ls0: T('ls0'), s0: T('s0'), s3: T('s-1s0s+1'), sL: T('s-1s0'), sR: T('s0s+1'),
  pre: T('pre'), suf: T('suf'), init: T('init'), capsL: T('capsL'), capsS: T('capsS'), clu: T('clu'),
  cluL: T('clu-1'), cluR: T('clu+1'), prior: T('prior'), hyL: T('hyL'), hyR: T('hyR'), docLow: T('docLow'),
  docCap: T('docCap'), title: T('title'), lm1s0: T('l-1s0'), lp1s0: T('l+1s0'), wm1: T('w-1'), wp1: T('w+1'),
  priorL: T('prior-1'), priorR: T('prior+1'), len: T('len'), cluLR: T('clu-1clu+1'), gaz: T('gaz'),
  tcShape: T('tcShape'), paren: T('paren'), hyC: T('hyC'), hyP: T('hyP'), hyRs: T('hyRs'),
};

/** Xxxx-style shape: X upper, x lower, d digit, other characters kept (at most 12). */
export function longShape(s: string): string {
  let out = '';
  for (let i = 0; i < s.length && out.length < 12; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) out += 'X';
    else if (c >= 97 && c <= 122) out += 'x';
    else if (c >= 48 && c <= 57) out += 'd';
    else if (c < 128) out += s[i];
    else {
      const ch = String.fromCodePoint(s.codePointAt(i)!);
      if (ch.length > 1) i++;
      out += /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    }
  }
  return out;
}

/** The long shape with runs of the same class collapsed: Xx, X.X., d-d. */
export const shortShape = (long: string): string => long.replace(/(.)\1+/g, '$1');

const isCap = (s: string) => /^\p{Lu}/u.test(s);
const isLowerWord = (s: string) => /^\p{Ll}+(?:[-'.]\p{Ll}+)*$/u.test(s);
const digitsNorm = (s: string) => s.replace(/\d/g, '0');

/** Casing context of each token: 0 running text, 1 first word of its sentence, 2 all-caps line. */
function casingContexts(doc: NerDoc): Uint8Array {
  const ctx = new Uint8Array(doc.tokens.length);
  for (const s of doc.sentences) {
    if (s.allCaps) { ctx.fill(2, s.first, s.end); continue; }
    // the first word, also after an opening quote or bracket
    let j = s.first;
    while (j < s.end && !/\p{L}|\p{N}/u.test(doc.tokens[j]!.raw)) j++;
    if (j < s.end) ctx[j] = 1;
  }
  return ctx;
}

/** Facts about word forms over the whole article (case evidence for sentence starts and headlines). */
interface DocEvidence {
  /** lower forms written in lower case somewhere in running text */
  lower: Set<string>;
  /** lower forms written capitalised in mid-sentence running text */
  capMid: Set<string>;
  /** lower form -> short shape of its most frequent mid-sentence spelling */
  midShape: Map<string, string>;
}

function docEvidence(doc: NerDoc, ctx: Uint8Array, infos: WordInfo[]): DocEvidence {
  const lower = new Set<string>(), capMid = new Set<string>();
  const shapes = new Map<string, Map<string, number>>();
  doc.tokens.forEach((t, i) => {
    if (ctx[i] === 2) return;
    if (isLowerWord(t.raw)) lower.add(t.lower);
    if (ctx[i] === 0) {
      if (isCap(t.raw)) capMid.add(t.lower);
      const sh = infos[i]!.shortShape;
      let m = shapes.get(t.lower);
      if (!m) shapes.set(t.lower, (m = new Map()));
      m.set(sh, (m.get(sh) ?? 0) + 1);
    }
  });
  const midShape = new Map<string, string>();
  for (const [w, m] of shapes) {
    let best = '', n = -1;
    for (const [sh, c] of m) if (c > n) { best = sh; n = c; }
    midShape.set(w, best);
  }
  return { lower, capMid, midShape };
}

/** What a word form says by itself: its hashes and its context-free features (cached per lexicon). */
interface WordInfo {
  hL: number;
  hW: number;
  hS: number;
  shortShape: string;
  clusters: readonly number[] | undefined;
  prior: number;
  /** hashed features of the word alone */
  own: Uint32Array;
}

const wordCaches = new WeakMap<FeatureLexicon, Map<string, WordInfo>>();
const MAX_CACHED = 200_000;

function wordInfo(norm: string, lex: FeatureLexicon, cache: Map<string, WordInfo>): WordInfo {
  let info = cache.get(norm);
  if (info) return info;
  const w = norm.toLowerCase();
  const hL = hashString(w);
  const hW = hashString(digitsNorm(norm));
  const ls = longShape(norm);
  const ss = shortShape(ls);
  const own: number[] = [combine(F.l0, hL), combine(F.w0, hW), combine(F.ls0, hashString(ls)), combine(F.len, Math.min(w.length, 10))];
  if (w.length > 1) {
    for (let m = 1; m <= 4 && m < w.length; m++) {
      own.push(combine(combine(F.pre, m), hashString(w.slice(0, m))));
      own.push(combine(combine(F.suf, m), hashString(w.slice(-m))));
    }
  }
  // hyphenated words: "Russian-backed" (a people + a participle) vs "Ki-moon" (name parts)
  const hy = w.indexOf('-');
  if (hy > 0 && hy < w.length - 1) {
    const left = w.slice(0, hy), right = w.slice(w.lastIndexOf('-') + 1);
    own.push(combine(F.hyL, hashString(left)), combine(F.hyR, hashString(right)));
    const cl = lex.clusters.get(left), cr = lex.clusters.get(right);
    own.push(combine(combine(F.hyC, cl ? cl[1]! + 1 : 0), cr ? cr[1]! + 1 : 0));
    own.push(combine(combine(F.hyP, lex.capPrior.get(left) ?? 9), lex.capPrior.get(right) ?? 9));
    own.push(combine(F.hyRs, hashString(shortShape(longShape(norm.slice(norm.lastIndexOf('-') + 1))))));
  }
  const clusters = lex.clusters.get(w);
  if (clusters) for (let g = 0; g < clusters.length; g++) own.push(combine(combine(F.clu, g), clusters[g]!));
  else own.push(combine(combine(F.clu, 99), 0));
  const p = lex.capPrior.get(w);
  info = { hL, hW, hS: hashString(ss), shortShape: ss, clusters, prior: p === undefined ? -1 : p, own: Uint32Array.from(own) };
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(norm, info);
  return info;
}

/** Extracts the features of every token of a document. */
export function extractFeatures(doc: NerDoc, lex: FeatureLexicon): DocFeatures {
  const toks = doc.tokens;
  const n = toks.length;
  let cache = wordCaches.get(lex);
  if (!cache) wordCaches.set(lex, (cache = new Map()));
  const infos: WordInfo[] = new Array(n);
  const hL = new Uint32Array(n), hW = new Uint32Array(n), hS = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const info = (infos[i] = wordInfo(toks[i]!.norm, lex, cache));
    hL[i] = info.hL; hW[i] = info.hW; hS[i] = info.hS;
  }
  const ctx = casingContexts(doc);
  const ev = docEvidence(doc, ctx, infos);
  const gaz = lex.gazetteer?.(doc);

  let feats = new Uint32Array(Math.max(64, n * 48));
  let k = 0;
  const offsets = new Uint32Array(n + 1);
  const add = (h: number) => {
    if (k === feats.length) {
      const bigger = new Uint32Array(feats.length * 2);
      bigger.set(feats);
      feats = bigger;
    }
    feats[k++] = h;
  };
  const add1 = (tpl: number, a: number) => add(combine(tpl, a));
  const add2 = (tpl: number, a: number, b: number) => add(combine(combine(tpl, a), b));
  const mid = (x: readonly number[] | undefined) => (x ? x[Math.min(1, x.length - 1)]! + 1 : 0);

  for (let s = 0; s < doc.sentences.length; s++) {
    const sent = doc.sentences[s]!;
    const at = (arr: Uint32Array, j: number) => (j < sent.first ? BOS : j >= sent.end ? EOS : arr[j]!);
    for (let i = sent.first; i < sent.end; i++) {
      offsets[i] = k;
      const t = toks[i]!;
      const info = infos[i]!;
      const c = ctx[i]!;
      add(F.bias);
      for (const h of info.own) add(h);
      add1(F.lm1, at(hL, i - 1));
      add1(F.lp1, at(hL, i + 1));
      add1(F.lm2, at(hL, i - 2));
      add1(F.lp2, at(hL, i + 2));
      add1(F.wm1, at(hW, i - 1));
      add1(F.wp1, at(hW, i + 1));
      add2(F.bgL, at(hL, i - 1), hL[i]!);
      add2(F.bgR, hL[i]!, at(hL, i + 1));
      add2(F.s0, hS[i]!, c);
      add2(F.s3, combine(at(hS, i - 1), hS[i]!), at(hS, i + 1));
      add2(F.sL, at(hS, i - 1), hS[i]!);
      add2(F.sR, hS[i]!, at(hS, i + 1));
      add2(F.lm1s0, at(hL, i - 1), hS[i]!);
      add2(F.lp1s0, hS[i]!, at(hL, i + 1));
      const w = t.lower;
      if (c === 2) {
        add1(F.capsL, hL[i]!);
        const ms = ev.midShape.get(w);
        add1(F.tcShape, ms ? hashString(ms) : 0);
      }
      if (s === 0) add2(F.title, hS[i]!, c);
      const cm = i > sent.first ? infos[i - 1]!.clusters : undefined;
      const cp = i + 1 < sent.end ? infos[i + 1]!.clusters : undefined;
      add1(F.cluL, mid(cm));
      add1(F.cluR, mid(cp));
      add2(F.cluLR, mid(cm), mid(cp));
      add2(F.prior, info.prior + 1, combine(c, hS[i]!));
      add1(F.priorL, i > sent.first ? infos[i - 1]!.prior + 1 : 9);
      add1(F.priorR, i + 1 < sent.end ? infos[i + 1]!.prior + 1 : 9);
      if (c === 2 || isCap(t.raw)) {
        add2(F.docLow, (ev.lower.has(w) ? 1 : 0) + (ev.capMid.has(w) ? 2 : 0), c);
      }
      if (gaz) for (const g of gaz[i]!) add1(F.gaz, g);
    }
  }
  offsets[n] = k;
  return { feats: feats.subarray(0, k), offsets };
}

export type { NerToken };
