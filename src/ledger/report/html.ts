import type { SituationReport } from './query.js';
import { renderMarkdown, type RenderOptions } from './markdown.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Inline Markdown of the report's own lines: **bold** only. */
const inline = (s: string) => esc(s).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');

/**
 * The situation report as one self-contained HTML page (no scripts, no outside resources), made
 * from the Markdown rendering so both say the same.
 */
export function renderHtml(r: SituationReport, opts: RenderOptions = {}): string {
  const md = renderMarkdown(r, opts).split('\n');
  const body: string[] = [];
  let depth = 0;
  const closeTo = (d: number) => {
    while (depth > d) {
      body.push('</ul>');
      depth--;
    }
  };
  for (const line of md) {
    const h = /^(#{1,3}) (.*)$/.exec(line);
    const li = /^( *)- (.*)$/.exec(line);
    if (h) {
      closeTo(0);
      body.push(`<h${h[1]!.length}>${inline(h[2]!)}</h${h[1]!.length}>`);
    } else if (li) {
      const d = li[1]!.length / 2 + 1;
      while (depth < d) {
        body.push('<ul>');
        depth++;
      }
      closeTo(d);
      body.push(`<li>${inline(li[2]!)}</li>`);
    } else if (line.trim()) {
      closeTo(0);
      body.push(`<p>${inline(line)}</p>`);
    }
  }
  closeTo(0);
  const title = esc(md[0]!.replace(/^# /, ''));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { font-size: 1.5rem; } h2 { border-bottom: 1px solid #ccc; margin-top: 2rem; } h3 { font-size: 1rem; margin-bottom: .2rem; }
ul { padding-left: 1.2rem; } li { margin: .15rem 0; } strong { color: #000; }
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
