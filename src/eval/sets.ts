import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface EvalSet {
  /** set/split, e.g. conllpp/dev */
  name: string;
  file: string;
}

// Training splits are what the models learn from: scoring on them says nothing.
const TRAINING = new Set(['conllpp/train', 'polnear/train']);

/** The gold files of ../shared/eval and ../shared/seed that the evaluation runs on, in a stable order. */
export function findEvalSets(shared: string): EvalSet[] {
  const out: EvalSet[] = [];
  const seed = join(shared, 'seed');
  if (existsSync(seed)) {
    for (const f of readdirSync(seed).filter((f) => f.endsWith('.jsonl')).sort()) out.push({ name: `seed/${f.replace(/\.jsonl$/, '')}`, file: join(seed, f) });
  }
  const evalDir = join(shared, 'eval');
  if (existsSync(evalDir)) {
    for (const set of readdirSync(evalDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
      for (const f of readdirSync(join(evalDir, set)).filter((f) => f.endsWith('.jsonl')).sort()) {
        const name = `${set}/${f.replace(/\.jsonl$/, '')}`;
        if (!TRAINING.has(name)) out.push({ name, file: join(evalDir, set, f) });
      }
    }
  }
  return out;
}
