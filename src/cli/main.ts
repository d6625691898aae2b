#!/usr/bin/env node
import { InputError } from '../errors.js';
import { COMMANDS, usage } from './commands.js';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    const { packageVersion } = await import('../resources/load.js');
    process.stdout.write(packageVersion() + '\n');
    return 0;
  }
  const cmd = COMMANDS[name];
  if (!cmd) throw new InputError(`unknown command "${name}"; try: sitrep --help`, 2);
  return cmd.run(rest);
}

// Output piped into `head` closes early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof InputError) {
      process.stderr.write(`sitrep: ${e.message}\n`);
      process.exitCode = e.exitCode;
    } else {
      process.stderr.write(`sitrep: internal error: ${(e as Error)?.message ?? e}\n`);
      if (process.env.SITREP_DEBUG) process.stderr.write(`${(e as Error)?.stack}\n`);
      process.exitCode = 70;
    }
  },
);
