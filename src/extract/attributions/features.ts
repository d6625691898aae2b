import type { Ctx } from './context.js';
import { isCap, isWord, sentenceOf } from './context.js';
import type { CueCandidate } from './cues.js';
import type { Structure } from './structure.js';
import { tokenAt } from '../util/spans.js';
import { isCloseQuote, isOpenQuote, nounPhraseEndingAt } from './phrases.js';

/** A coarse class of a token for context features: pronoun, name, determiner, auxiliary, punctuation... */
export function tokenClass(ctx: Ctx, i: number): string {
  const t = ctx.toks[i];
  if (!t) return 'EDGE';
  const w = ctx.lower[i]!;
  if (t.kind === 'quote') return isOpenQuote(ctx, i) ? 'QOPEN' : isCloseQuote(ctx, i) ? 'QCLOSE' : 'Q';
  if (t.kind === 'punct') return w === ',' || w === ':' || w === '.' || w === ';' || w === '(' || w === ')' ? `P${w}` : 'P';
  if (t.kind === 'number') return 'NUM';
  if (ctx.lex.pronouns.has(w)) return 'PRON';
  if (ctx.lex.determiners.has(w)) return 'DET';
  if (ctx.lex.skip.has(w)) return `SKIP_${ctx.lex.skip.get(w)}`;
  if (w === 'that') return 'THAT';
  if (ctx.lex.boundaries.has(w)) return 'FUNC';
  if (ctx.lex.verbs.has(w)) return 'VERB';
  if (ctx.lex.roles.has(w) || ctx.lex.anonymous.has(w)) return 'ROLE';
  if (isCap(t)) return 'CAP';
  if (w.endsWith('ly')) return 'LY';
  if (w.endsWith('ing')) return 'ING';
  if (w.endsWith('ed')) return 'ED';
  return 'LOW';
}

const bucket = (n: number) => (n <= 0 ? '0' : n === 1 ? '1' : n === 2 ? '2' : n <= 4 ? '3-4' : n <= 8 ? '5-8' : n <= 16 ? '9-16' : '17+');

/**
 * Features of a cue candidate for the cue classifier: the word and its lemma and kind, the words and
 * token classes around it, whether a that-clause, a colon or a quotation follows, a quotation ends
 * just before, a name or pronoun stands before, and where it lies in its sentence.
 */
export function cueFeatures(ctx: Ctx, c: CueCandidate, st: Structure | null): string[] {
  const i = c.head;
  const { lower } = ctx;
  const w = lower[i]!;
  const s = sentenceOf(ctx, i);
  const f: string[] = ['bias', `w=${w}`, `lem=${c.lemma}`, `type=${c.type}`, `kind=${c.kind ?? '-'}`, `form=${c.form ?? '-'}`];
  const p1 = c.first - 1, p2 = c.first - 2, n1 = c.last + 1, n2 = c.last + 2;
  const w_p1 = p1 >= s.tokenStart ? lower[p1]! : '<s>';
  const w_p2 = p2 >= s.tokenStart ? lower[p2]! : '<s>';
  const w_n1 = n1 < s.tokenEnd ? lower[n1]! : '</s>';
  const w_n2 = n2 < s.tokenEnd ? lower[n2]! : '</s>';
  const c_p1 = p1 >= s.tokenStart ? tokenClass(ctx, p1) : 'START';
  const c_p2 = p2 >= s.tokenStart ? tokenClass(ctx, p2) : 'START';
  const c_n1 = n1 < s.tokenEnd ? tokenClass(ctx, n1) : 'END';
  const c_n2 = n2 < s.tokenEnd ? tokenClass(ctx, n2) : 'END';
  f.push(`p1=${w_p1}`, `p2=${w_p2}`, `n1=${w_n1}`, `n2=${w_n2}`);
  f.push(`cp1=${c_p1}`, `cp2=${c_p2}`, `cn1=${c_n1}`, `cn2=${c_n2}`, `cp2p1=${c_p2}_${c_p1}`, `cn1n2=${c_n1}_${c_n2}`);
  f.push(`lem_cp1=${c.lemma}_${c_p1}`, `lem_cn1=${c.lemma}_${c_n1}`, `lem_n1=${c.lemma}_${w_n1}`, `p1_lem=${w_p1}_${c.lemma}`);
  f.push(`type_cp1_cn1=${c.type}_${c_p1}_${c_n1}`, `form_cp1=${c.form ?? '-'}_${c_p1}`, `form_cn1=${c.form ?? '-'}_${c_n1}`);
  if (c.first < c.head) f.push(`aux=${lower[c.first]}`, `lem_aux=${c.lemma}_${lower[c.first]}`);
  f.push(`suf3=${w.slice(-3)}`, `cap=${isCap(ctx.toks[i]) ? 1 : 0}`, `sentfirst=${i === s.tokenStart ? 1 : 0}`);
  // inside a quotation
  const inQuote = ctx.quoteOf[i]! >= 0;
  f.push(`inq=${inQuote ? 1 : 0}`, `lem_inq=${c.lemma}_${inQuote ? 1 : 0}`);
  // what follows within a few tokens: that, colon, an opening quote
  let that = -1, colon = -1, qopen = -1, comma = -1;
  for (let k = c.last + 1; k < s.tokenEnd && k <= c.last + 6; k++) {
    const x = lower[k]!;
    if (that < 0 && x === 'that') that = k - c.last;
    if (colon < 0 && x === ':') colon = k - c.last;
    if (qopen < 0 && isOpenQuote(ctx, k)) qopen = k - c.last;
    if (comma < 0 && x === ',') comma = k - c.last;
  }
  f.push(`that=${bucket(that)}`, `colon=${bucket(colon)}`, `qopen=${bucket(qopen)}`, `comma=${bucket(comma)}`);
  f.push(`lem_that=${c.lemma}_${that > 0 ? 1 : 0}`, `lem_qopen=${c.lemma}_${qopen > 0 ? 1 : 0}`);
  // a quotation closing just before ("...," he said)
  let qclose = -1;
  for (let k = c.first - 1; k >= s.tokenStart && k >= c.first - 5; k--) if (isCloseQuote(ctx, k)) { qclose = c.first - k; break; }
  f.push(`qclose=${bucket(qclose)}`, `lem_qclose=${c.lemma}_${qclose > 0 ? 1 : 0}`);
  // position in the sentence
  const fromStart = c.first - s.tokenStart, toEnd = s.tokenEnd - 1 - c.last;
  f.push(`fromStart=${bucket(fromStart)}`, `toEnd=${bucket(toEnd)}`, `lem_toEnd=${c.lemma}_${bucket(toEnd)}`);
  // words of the sentence: does it hold a quotation, how long is it
  let quoted = false;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) if (ctx.quoteOf[k]! >= 0) { quoted = true; break; }
  f.push(`sentq=${quoted ? 1 : 0}`);
  // previous word content ("he", a name)
  if (p1 >= s.tokenStart && isWord(ctx.toks[p1])) f.push(`p1cap=${isCap(ctx.toks[p1]) ? 1 : 0}_${c.lemma}`);
  // a subject just before: a pronoun, a name, another noun phrase, or none
  const np = p1 >= s.tokenStart ? nounPhraseEndingAt(ctx, p1, s.tokenStart) : null;
  const npKind = !np ? 'none' : np.first === np.last && ctx.lex.pronouns.has(lower[np.first]!) ? 'pron' : isCap(ctx.toks[np.last]) ? 'name' : 'np';
  f.push(`np=${npKind}`, `lem_np=${c.lemma}_${npKind}`, `type_np=${c.type}_${npKind}`);
  // a reporting verb earlier in the sentence: this cue may sit inside its content ("He said Obama hopes ...")
  let nest = 'none';
  for (let k = c.first - 1; k >= s.tokenStart; k--) {
    const v = ctx.lex.verbs.get(lower[k]!);
    if (v && (v.kind === 'say' || v.kind === 'report' || v.kind === 'claim') && ctx.quoteOf[k] === -1) { nest = c.first - k <= 4 ? 'near' : 'far'; break; }
    if (lower[k] === 'according') { nest = 'acc'; break; }
  }
  f.push(`nest=${nest}`, `lem_nest=${c.lemma}_${nest}`);
  // a headline-like sentence (no final punctuation)
  const lastTok = ctx.toks[s.tokenEnd - 1]!;
  const headline = !/[.!?\u201d"')\]]$/.test(lastTok.text);
  f.push(`hl=${headline ? 1 : 0}`, `lem_hl=${c.lemma}_${headline ? 1 : 0}`);
  // the attribution the rules would build around it
  if (!st || !st.content) f.push('st=none', `lem_st=${c.lemma}_none`);
  else {
    const src = st.source;
    const sk = !src ? 'none' : src.first === src.last && ctx.lex.pronouns.has(lower[src.first]!) ? 'pron'
      : src.first === src.last && /^(?:who|which|that)$/.test(lower[src.first]!) ? 'rel'
      : isCap(ctx.toks[src.last]) ? 'name' : ctx.lex.anonymous.has(lower[src.last]!) || ctx.lex.roles.has(lower[src.last]!) ? 'role' : 'np';
    const words = Math.round((st.content.end - st.content.start) / 6); // about six characters a word
    const first = tokenAt(ctx.seg, st.content.start);
    const q = first ? ctx.quoteOf[first.index]! : -1;
    const direct = q >= 0 && ctx.quotes[q]!.start === st.content.start ? 'q' : 'n';
    // the source's head word when it says who speaks (a pronoun, "officials", "spokesman"), and the content's first token
    if (src) {
      const hw = lower[src.last]!;
      const head = ctx.lex.pronouns.has(hw) || ctx.lex.anonymous.has(hw) || ctx.lex.roles.has(hw) ? hw : isCap(ctx.toks[src.last]) ? 'CAP' : 'LOW';
      f.push(`srch=${head}`, `lem_srch=${c.lemma}_${head}`);
    }
    const c0 = first ? tokenClass(ctx, first.index) : 'NONE';
    f.push(`c0=${c0}`, `lem_c0=${c.lemma}_${c0}`);
    const kt = `${c.type}_${c.kind ?? '-'}`;
    f.push(`kt_src_c0=${kt}_${sk}_${c0}`, `kt_st=${kt}_${st.sourceSide}_${st.contentSide}`, `kt_src_dq=${kt}_${sk}_${direct}`, `form_src=${c.form ?? '-'}_${sk}`);
    f.push(`st=${st.sourceSide}_${st.contentSide}`, `src=${sk}`, `lem_src=${c.lemma}_${sk}`, `lem_st=${c.lemma}_${st.sourceSide}_${st.contentSide}`,
      `clen=${bucket(words)}`, `lem_clen=${c.lemma}_${bucket(words)}`, `dq=${direct}`, `lem_dq=${c.lemma}_${direct}`, `src_st=${sk}_${st.contentSide}`);
  }
  return f;
}
