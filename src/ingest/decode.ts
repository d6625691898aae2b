import chardet from 'chardet';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';

export interface Decoded {
  text: string;
  encoding: string;
  /** how the encoding was chosen */
  how: 'bom' | 'given' | 'declared' | 'utf-8' | 'detected';
}

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** True when the bytes look like a binary file rather than text (NULs or many control bytes). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32) || b === 127) control++;
  }
  return n > 0 && control / n > 0.05;
}

/**
 * Counts well-formed and broken multi-byte UTF-8 sequences. Text in a single-byte legacy encoding
 * (Windows-1252, Windows-1256) has broken sequences and almost no well-formed ones; a damaged UTF-8
 * file has both.
 */
function utf8Sequences(bytes: Uint8Array): { valid: number; invalid: number; firstInvalid: number } {
  let valid = 0, invalid = 0, firstInvalid = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    const need = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : -1;
    let ok = need > 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) { valid++; i += need + 1; } else { invalid++; if (firstInvalid < 0) firstInvalid = i; i++; }
  }
  return { valid, invalid, firstInvalid };
}

/** The charset an HTML page declares in its first bytes (<meta charset> or http-equiv), if any. */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Decodes article bytes to text: a byte-order mark, then an encoding the caller gives (--encoding,
 * an HTTP or HTML declaration), then strict UTF-8, then detection for single-byte legacy encodings.
 * Empty, binary and damaged UTF-8 input is refused with a one-line reason.
 */
export function decodeText(bytes: Uint8Array, opts: { encoding?: string | null; declared?: string | null; what?: string } = {}): Decoded {
  const what = opts.what ?? 'input';
  if (bytes.length === 0) throw new InputError(`${what}: empty file`);
  for (const [bom, enc] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) return { text: iconv.decode(Buffer.from(bytes.subarray(bom.length)), enc), encoding: enc, how: 'bom' };
  }
  if (opts.encoding) {
    if (!iconv.encodingExists(opts.encoding)) throw new InputError(`${what}: unknown encoding "${opts.encoding}"`, 2);
    return { text: iconv.decode(Buffer.from(bytes), opts.encoding), encoding: opts.encoding.toLowerCase(), how: 'given' };
  }
  if (looksBinary(bytes)) throw new InputError(`${what}: a binary file, not text (pass an article as text, HTML or JSON)`);
  if (opts.declared && iconv.encodingExists(opts.declared) && !/^utf-?8$/i.test(opts.declared)) {
    return { text: iconv.decode(Buffer.from(bytes), opts.declared), encoding: opts.declared, how: 'declared' };
  }
  const seq = utf8Sequences(bytes);
  if (seq.invalid === 0) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', how: 'utf-8' };
  if (seq.valid > 0) {
    throw new InputError(`${what}: invalid UTF-8 at byte ${seq.firstInvalid} (the file mixes UTF-8 with other bytes); pass --encoding if it is in another encoding`);
  }
  const best = chardet.analyse(Buffer.from(bytes)).find((c) => !/^(utf|iso-2022|shift|big5|euc|gb)/i.test(c.name) && iconv.encodingExists(c.name));
  if (!best || best.confidence < 10) throw new InputError(`${what}: not UTF-8 and no encoding could be detected; pass --encoding (e.g. windows-1252)`);
  return { text: iconv.decode(Buffer.from(bytes), best.name), encoding: best.name.toLowerCase(), how: 'detected' };
}
