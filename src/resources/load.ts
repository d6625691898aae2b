import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedResources, type Resources } from './resources.js';

/** The package's root folder (the one holding package.json), from source or from dist/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('sitrep: cannot find the package folder (package.json beside data/)');
    dir = up;
  }
}

let shared: Resources | undefined;

/** The resources shipped in the package's data/ folder, read lazily and once per process. */
export function loadResources(dataDir = join(packageRoot(), 'data')): Resources {
  if (shared && dataDir === join(packageRoot(), 'data')) return shared;
  const res = cachedResources({
    readText: (rel) => readFileSync(join(dataDir, rel), 'utf8'),
    readBytes: (rel) => new Uint8Array(readFileSync(join(dataDir, rel))),
    exists: (rel) => existsSync(join(dataDir, rel)),
  });
  if (dataDir === join(packageRoot(), 'data')) shared = res;
  return res;
}

/** The package version from package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
