import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';

export interface LineSource {
  /** total bytes, when known (a file), for progress */
  size: number | null;
  /** the lines with their 1-based numbers and the bytes read so far */
  lines(): AsyncGenerator<{ line: string; lineNo: number; bytes: number }>;
}

/** Lines of a file, or of standard input for "-". Streams: memory does not grow with the input. */
export function lineSource(path: string, stdin: Readable = process.stdin): LineSource {
  let size: number | null = null;
  let input: Readable;
  if (path === '-') input = stdin;
  else {
    let st;
    try {
      st = statSync(path);
    } catch {
      throw new InputError(`${path}: no such file`);
    }
    if (st.isDirectory()) throw new InputError(`${path}: is a folder, expected a JSON Lines file`);
    size = st.size;
    input = createReadStream(path);
  }
  return {
    size,
    async *lines() {
      let bytes = 0, lineNo = 0;
      const rl = createInterface({ input, crlfDelay: Infinity });
      for await (const raw of rl) {
        lineNo++;
        bytes += Buffer.byteLength(raw) + 1;
        const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
        yield { line, lineNo, bytes };
      }
    },
  };
}
