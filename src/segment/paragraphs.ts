import type { Paragraph } from './types.js';

/** Blocks of text separated by blank lines, trimmed of surrounding whitespace. */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const blank = /\n[ \t\u00a0\r]*\n\s*/g;
  let from = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ index: out.length, start: s, end: e });
  };
  for (let m; (m = blank.exec(text)); ) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}

/** Start offsets of the lines inside [start, end): a line break starts a new line. */
export function lineStarts(text: string, start: number, end: number): number[] {
  const starts = [start];
  for (let i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    let j = i + 1;
    while (j < end && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
    if (j < end) starts.push(j);
  }
  return starts;
}
