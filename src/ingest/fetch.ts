import { InputError } from '../errors.js';
import { megabytes } from '../article.js';

export interface Fetched {
  bytes: Uint8Array;
  contentType: string | null;
  /** the final URL after redirects */
  url: string;
}

/** GETs a URL with a timeout and a size limit; network and HTTP failures become one-line errors. */
export async function fetchBytes(url: string, maxBytes: number, timeoutMs = 20_000): Promise<Fetched> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'sitrep (+https://github.com/sitrep)', accept: 'text/html,application/xhtml+xml,text/plain,application/json;q=0.9,*/*;q=0.5' } });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const why = err.name === 'TimeoutError' ? `no answer in ${timeoutMs / 1000} s` : err.cause?.code ?? err.cause?.message ?? err.message;
    throw new InputError(`${url}: could not fetch (${why})`);
  }
  if (!res.ok) throw new InputError(`${url}: HTTP ${res.status} ${res.statusText}`.trim());
  const declared = Number(res.headers.get('content-length'));
  if (declared > maxBytes) throw new InputError(`${url}: ${megabytes(declared)} is too large for one article`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (res.body) {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > maxBytes) throw new InputError(`${url}: more than ${megabytes(maxBytes)}, too large for one article`);
      chunks.push(chunk);
    }
  }
  return { bytes: Buffer.concat(chunks), contentType: res.headers.get('content-type'), url: res.url || url };
}
