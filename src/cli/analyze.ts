import type { Command } from './commands.js';
import { parse, publishedOption } from './args.js';
import { InputError } from '../errors.js';
import { readArticles } from '../ingest/read.js';
import { analyzeArticle } from '../analyze.js';
import { loadResources, packageVersion } from '../resources/load.js';
import { renderReport } from './render.js';

const USAGE = `usage: sitrep analyze FILE|URL|- [FILE ...] [--json] [--published YYYY-MM-DD] [--encoding ENC]

Reads one article (plain text, an HTML page, or a JSON document in the gold format) and prints
what sitrep finds in it: sources and what each says, figures with ranges and sources, places,
times, events, contradictions, unverified claims. --json prints the full model instead
(its JSON Schema: schema/report.schema.json).

  --published  the publication date, for texts that carry none (relative times resolve against it)
  --encoding   the text's encoding when it is not UTF-8 (detected otherwise): windows-1252, windows-1256...
`;

export const analyzeCommand: Command = {
  summary: 'the readable report of one article (--json for the full model)',
  usage: 'analyze FILE|URL|-',
  async run(args) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, published: { type: 'string' }, encoding: { type: 'string' } }, 'analyze');
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (!positionals.length) throw new InputError("analyze: expected a file, a URL or - for stdin; see: sitrep analyze --help", 2);
    const published = publishedOption(values.published);
    const res = loadResources();
    const version = packageVersion();
    const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
    let failed = 0;
    for (const source of positionals) {
      let articles;
      try {
        articles = await readArticles(source, { published, encoding: values.encoding as string | undefined });
      } catch (e) {
        if (!(e instanceof InputError) || positionals.length === 1) throw e;
        process.stderr.write(`sitrep: ${e.message}\n`);
        failed++;
        continue;
      }
      for (const article of articles) {
        const report = analyzeArticle(article, res, version);
        if (values.json) process.stdout.write(JSON.stringify(report) + '\n');
        else process.stdout.write((positionals.length > 1 || articles.length > 1 ? `\n${'='.repeat(72)}\n${source}\n` : '') + renderReport(report, { color, width: process.stdout.columns ?? 100 }));
      }
    }
    return failed ? 1 : 0;
  },
};
