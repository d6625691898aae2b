import type { Paragraph, QuoteFamily, QuoteSpan } from './types.js';
import { lineStarts } from './paragraphs.js';

type Role = 'open' | 'close' | 'either';
interface Mark { pos: number; family: QuoteFamily; role: Role; ch: string; len?: number }

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const OPENING_CONTEXT = /[\s([{\u2014\u2013\-\/]/; // what may precede an opening mark

function isSpace(ch: string | undefined) {
  return ch === undefined || /\s/.test(ch);
}

/** Quotation marks in one line, each with the role its shape and surroundings allow. */
function marksIn(text: string, start: number, end: number): Mark[] {
  const out: Mark[] = [];
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    const before = i > start ? text[i - 1] : undefined;
    const after = i + 1 < end ? text[i + 1] : undefined;
    switch (ch) {
      case '\u201c': case '\u201e': out.push({ pos: i, family: 'double', role: 'open', ch }); break;
      case '\u201d': out.push({ pos: i, family: 'double', role: 'close', ch }); break;
      case '\u00ab': out.push({ pos: i, family: 'guillemet', role: 'open', ch }); break;
      case '\u00bb': out.push({ pos: i, family: 'guillemet', role: 'close', ch }); break;
      case '\u2018': out.push({ pos: i, family: 'single', role: 'open', ch }); break;
      case '"': {
        const openCtx = before === undefined || OPENING_CONTEXT.test(before) || before === '\u2018' || before === "'";
        const closeCtx = after === undefined || isSpace(after) || /[.,;:!?)\]}\u2014\u2013-]/.test(after) || after === "'" || after === '\u2019';
        out.push({ pos: i, family: 'double', role: openCtx && !closeCtx ? 'open' : closeCtx && !openCtx ? 'close' : 'either', ch });
        break;
      }
      case "'": case '\u2019': {
        // two apostrophes stand for a double quotation mark (''like this'', older newswire style)
        if (ch === "'" && text[i + 1] === "'") {
          const b = before, a2 = i + 2 < end ? text[i + 2] : undefined;
          const openCtx = b === undefined || OPENING_CONTEXT.test(b);
          const closeCtx = a2 === undefined || isSpace(a2) || /[.,;:!?)\]}\u2014\u2013-]/.test(a2);
          out.push({ pos: i, family: 'double', role: openCtx && !closeCtx ? 'open' : closeCtx && !openCtx ? 'close' : 'either', ch: "''", len: 2 });
          i++;
          break;
        }
        // apostrophes inside words (don't, O'Brien) are not marks
        if (before !== undefined && LETTER_OR_DIGIT.test(before) && after !== undefined && LETTER_OR_DIGIT.test(after)) break;
        const openCtx = ch === "'" && (before === undefined || OPENING_CONTEXT.test(before) || before === '"' || before === '\u201c') && after !== undefined && LETTER_OR_DIGIT.test(after);
        const closeCtx = before !== undefined && !isSpace(before) && (after === undefined || !LETTER_OR_DIGIT.test(after));
        if (openCtx) out.push({ pos: i, family: 'single', role: 'open', ch });
        else if (closeCtx) out.push({ pos: i, family: 'single', role: 'close', ch });
        break;
      }
    }
  }
  return out;
}

interface Open { family: QuoteFamily; start: number; innerStart: number; paragraphs: number; missingOpen: boolean; line: number }

/**
 * Pairs quotation marks into quoted passages. A quote still open at the end of a paragraph continues
 * when the next paragraph reopens it with the same kind of mark (the news convention for quotes over
 * several paragraphs); otherwise it ends there, flagged `missingClose`. A closing mark with no opener
 * starts the quote after the last colon of its paragraph (or at the paragraph start), flagged `missingOpen`.
 * Single marks pair only within one line and only where a closing mark follows (else they were apostrophes).
 */
export function pairQuotes(text: string, paragraphs: Paragraph[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const lines: { start: number; end: number }[] = [];
  for (const p of paragraphs) {
    const starts = lineStarts(text, p.start, p.end);
    starts.forEach((s, k) => {
      let e = k + 1 < starts.length ? starts[k + 1]! : p.end;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      lines.push({ start: s, end: e });
    });
  }
  let outer: Open | null = null; // an open double or guillemet quote, possibly carried across lines
  for (let li = 0; li < lines.length; li++) {
    const { start, end } = lines[li]!;
    const marks = marksIn(text, start, end);
    let inner: Open | null = null; // an open single quote (only within this line)
    let m0 = 0;
    // a quote carried from the previous line continues only if this line reopens it
    if (outer) {
      const first = marks[0];
      if (first && first.pos === start && first.family === outer.family && first.role !== 'close') {
        outer.paragraphs++;
        m0 = 1;
      } else {
        closeOuter(lines[li - 1]!.end, true);
      }
    }
    function closeOuter(endPos: number, missingClose: boolean, markLen = 1) {
      const o = outer!;
      out.push({
        start: o.start, end: endPos, innerStart: o.innerStart, innerEnd: missingClose ? endPos : endPos - markLen,
        family: o.family, missingOpen: o.missingOpen, missingClose, paragraphs: o.paragraphs, depth: 0,
      });
      outer = null;
    }
    for (let k = m0; k < marks.length; k++) {
      const mk = marks[k]!;
      if (mk.family === 'single') {
        if (mk.role === 'open' && !inner) {
          // only if a closing single mark follows on this line
          if (marks.slice(k + 1).some((x) => x.family === 'single' && x.role === 'close')) {
            inner = { family: 'single', start: mk.pos, innerStart: mk.pos + 1, paragraphs: 1, missingOpen: false, line: li };
          }
        } else if (mk.role === 'close' && inner) {
          out.push({
            start: inner.start, end: mk.pos + 1, innerStart: inner.innerStart, innerEnd: mk.pos,
            family: 'single', missingOpen: false, missingClose: false, paragraphs: 1, depth: outer ? 1 : 0,
          });
          inner = null;
        }
        continue;
      }
      if (!outer) {
        if (mk.role === 'open' || mk.role === 'either') {
          outer = { family: mk.family, start: mk.pos, innerStart: mk.pos + (mk.len ?? 1), paragraphs: 1, missingOpen: false, line: li };
        } else if (mk.family === 'double' || mk.family === 'guillemet') {
          // closing mark with no opener: the quote began after the last colon before it, or at the line start
          const colon = text.lastIndexOf(':', mk.pos);
          let s = colon >= start ? colon + 1 : start;
          while (s < mk.pos && /\s/.test(text[s]!)) s++;
          const previous = out[out.length - 1];
          if (s < mk.pos && !(previous && previous.end > s)) {
            out.push({ start: s, end: mk.pos + (mk.len ?? 1), innerStart: s, innerEnd: mk.pos, family: mk.family, missingOpen: true, missingClose: false, paragraphs: 1, depth: 0 });
          }
        }
      } else if (mk.family === outer.family && (mk.role === 'close' || mk.role === 'either')) {
        closeOuter(mk.pos + (mk.len ?? 1), false, mk.len ?? 1);
      }
    }
  }
  if (outer) {
    const last = lines[lines.length - 1]!;
    const o: Open = outer;
    out.push({ start: o.start, end: last.end, innerStart: o.innerStart, innerEnd: last.end, family: o.family, missingOpen: o.missingOpen, missingClose: true, paragraphs: o.paragraphs, depth: 0 });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
