import type { Segmented } from './types.js';
import { splitParagraphs } from './paragraphs.js';
import { tokenize } from './tokens.js';
import { splitSentences, type SentenceLexicon } from './sentences.js';
import { pairQuotes } from './quotes.js';

export * from './types.js';
export { splitParagraphs, lineStarts } from './paragraphs.js';
export { tokenize } from './tokens.js';
export { splitSentences, type SentenceLexicon } from './sentences.js';
export { pairQuotes } from './quotes.js';

/** Paragraphs, sentences, tokens and quoted passages of a text. Pure: no I/O. */
export function segment(text: string, lex: SentenceLexicon): Segmented {
  const paragraphs = splitParagraphs(text);
  const tokens = tokenize(text);
  const sentences = splitSentences(text, paragraphs, tokens, lex);
  const quotes = pairQuotes(text, paragraphs);
  return { text, paragraphs, sentences, tokens, quotes };
}
