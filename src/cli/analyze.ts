import type { Command } from './commands.js';
export const analyzeCommand: Command = {
  summary: 'the readable report of one article (--json for the full model)',
  usage: 'analyze FILE|URL|-',
  async run() {
    return 0;
  },
};
