import type { Token } from '../../segment/types.js';

/**
 * Finds entries of a word list (single words or multi-word phrases) in a token sequence, longest
 * match first. Entries are compared on lower-cased token texts; a phrase's words are its tokens
 * ("according to", "tens of thousands").
 */
export class PhraseMatcher<V = string> {
  private readonly root: TrieNode<V> = { next: new Map() };
  private maxLen = 0;

  /** entries: phrase -> value (the value defaults to the phrase itself) */
  constructor(entries: Iterable<string> | ReadonlyMap<string, V>, tokenizeEntry: (s: string) => string[] = splitEntry) {
    const pairs: [string, V][] = entries instanceof Map ? [...entries] : [...(entries as Iterable<string>)].map((e) => [e, e as unknown as V]);
    for (const [phrase, value] of pairs) {
      const words = tokenizeEntry(phrase.toLowerCase());
      if (!words.length) continue;
      let node = this.root;
      for (const w of words) {
        let nx = node.next.get(w);
        if (!nx) node.next.set(w, (nx = { next: new Map() }));
        node = nx;
      }
      node.value = value;
      node.phrase = phrase;
      this.maxLen = Math.max(this.maxLen, words.length);
    }
  }

  /** The longest entry starting at token i, as [first, last] token indices and its value. */
  matchAt(tokens: readonly Token[], i: number): PhraseMatch<V> | null {
    let node: TrieNode<V> | undefined = this.root;
    let best: PhraseMatch<V> | null = null;
    for (let j = i; j < tokens.length && j - i < this.maxLen; j++) {
      node = node.next.get(tokens[j]!.text.toLowerCase());
      if (!node) break;
      if (node.value !== undefined) best = { first: i, last: j, value: node.value, phrase: node.phrase! };
    }
    return best;
  }

  /** All non-overlapping longest matches, left to right. */
  findAll(tokens: readonly Token[], from = 0, to = tokens.length): PhraseMatch<V>[] {
    const out: PhraseMatch<V>[] = [];
    for (let i = from; i < to; i++) {
      const m = this.matchAt(tokens, i);
      if (m && m.last < to) {
        out.push(m);
        i = m.last;
      }
    }
    return out;
  }
}

interface TrieNode<V> {
  next: Map<string, TrieNode<V>>;
  value?: V;
  phrase?: string;
}

export interface PhraseMatch<V> {
  first: number;
  last: number;
  value: V;
  phrase: string;
}

/** Words of a word-list entry, split the way the tokenizer splits text. */
export function splitEntry(s: string): string[] {
  return s.match(/(?:\p{L}\.){2,}|\d+(?:[.,]\d+)*|[\p{L}\p{M}\p{N}]+(?:[-'\u2019][\p{L}\p{M}\p{N}]+)*|\S/gu) ?? [];
}
