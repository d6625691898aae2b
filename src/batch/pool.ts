import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { LineJob, LineResult } from './job.js';

/** How many worker threads batch extraction uses by default: one per core, at most 4. */
export function defaultJobs(): number {
  // Workers need compiled JavaScript; from TypeScript sources (tsx) extraction stays in-process.
  if (import.meta.url.endsWith('.ts')) return 1;
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * A pool of extraction workers. `submit` returns the result of one job; callers keep order
 * themselves (submit in order, await in order) and bound how many are in flight.
 */
export class ExtractionPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, (r: LineResult) => void>();
  private readonly load: number[] = [];
  private seq = 0;
  private failure: Error | null = null;

  constructor(size: number) {
    const file = fileURLToPath(new URL('./worker.js', import.meta.url));
    for (let i = 0; i < size; i++) {
      const w = new Worker(file);
      w.on('message', (m: { seq: number; result: LineResult }) => {
        this.load[i]!--;
        const done = this.waiting.get(m.seq);
        this.waiting.delete(m.seq);
        done?.(m.result);
      });
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => {
        if (code !== 0 && !this.failure) this.fail(new Error(`extraction worker exited with code ${code}`));
      });
      this.workers.push(w);
      this.load.push(0);
    }
  }

  private fail(e: Error) {
    this.failure = e;
    for (const [, done] of this.waiting) done({ ok: false, error: `extraction worker failed: ${e.message}` });
    this.waiting.clear();
  }

  submit(job: LineJob): Promise<LineResult> {
    if (this.failure) return Promise.resolve({ ok: false, error: `line ${job.lineNo}: extraction worker failed: ${this.failure.message}` });
    const seq = this.seq++;
    // the least busy worker takes it
    let k = 0;
    for (let i = 1; i < this.load.length; i++) if (this.load[i]! < this.load[k]!) k = i;
    this.load[k]!++;
    return new Promise((resolve) => {
      this.waiting.set(seq, resolve);
      this.workers[k]!.postMessage({ seq, job });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
