/** What segmentation finds. All offsets are JavaScript string indices into the unchanged text. */

export type TokenKind = 'word' | 'number' | 'punct' | 'quote' | 'symbol';

export interface Token {
  index: number;
  start: number;
  end: number;
  text: string;
  kind: TokenKind;
  /** index of the sentence holding the token */
  sentence: number;
  /** whitespace (or nothing) separates it from the previous token; true at text start */
  spaceBefore: boolean;
}

export interface Paragraph {
  index: number;
  start: number;
  end: number;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  paragraph: number;
  /** first token index, and one past the last */
  tokenStart: number;
  tokenEnd: number;
}

export type QuoteFamily = 'double' | 'single' | 'guillemet';

/** A quoted passage: from its opening mark to its closing mark, possibly over several paragraphs. */
export interface QuoteSpan {
  /** offset of the opening mark (or of the inferred start when the mark is missing) */
  start: number;
  /** offset just after the closing mark (or the end of the paragraph when the mark is missing) */
  end: number;
  /** the quoted words without the outer marks */
  innerStart: number;
  innerEnd: number;
  family: QuoteFamily;
  missingOpen: boolean;
  missingClose: boolean;
  /** number of paragraphs the quote runs over (a reopened mark on each new paragraph) */
  paragraphs: number;
  /** nesting depth: 0 for an outer quote, 1 for a quote inside a quote */
  depth: number;
}

export interface Segmented {
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  quotes: QuoteSpan[];
}
