/**
 * The parsers: regular-expression rules over the article text that find time expressions and say what
 * they mean (a `Sem`), without placing them on the calendar (that is resolve.ts). Patterns are built
 * once per Resources from the time word lists; `{name}` in a pattern is a lexicon alternation.
 * Extents follow the TimeML guidelines: no leading preposition ("Monday", not "on Monday"), but
 * determiners and modifiers are in ("the past four years", "more than four years", "early 2014").
 */
import type { TimeLexicon } from '../lexicon.js';
import type { Candidate } from '../types.js';
import { addClockRules } from './clock.js';
import { addDateRules } from './dates.js';
import { addDurationRules } from './durations.js';
import { addPeriodRules } from './periods.js';
import { addRelativeRules } from './relative.js';
import { addSetRules } from './sets.js';
import { ruleBuilder, type Groups, type ParseCtx, type Rule } from './patterns.js';

export type { ParseCtx, Rule } from './patterns.js';
export { durationValue } from './patterns.js';

/** Every rule, in the order that settles ties between equally long, equally preferred candidates. */
export function buildRules(lex: TimeLexicon): Rule[] {
  const rules: Rule[] = [];
  const b = ruleBuilder(lex, rules);
  addDateRules(b);
  addPeriodRules(b);
  addRelativeRules(b);
  addDurationRules(b);
  addSetRules(b);
  addClockRules(b);
  return rules;
}

/** Runs every rule over the text; after a match its build rejects, the rule tries again one character on. */
export function findCandidates(rules: readonly Rule[], ctx: ParseCtx): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of rules) {
    if (rule.gate && !rule.gate.test(ctx.text)) continue;
    const re = rule.re;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.text))) {
      const r = rule.build(m, (m.groups ?? {}) as Groups, ctx);
      if (!r) {
        re.lastIndex = m.index + 1;
        continue;
      }
      if (m[0].length === 0) re.lastIndex++;
      if (Array.isArray(r)) out.push(...r);
      else out.push(r);
    }
  }
  return out;
}

