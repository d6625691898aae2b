import type { Sentence, Token } from '../../segment/types.js';
import type { EventCode } from '../../model/events.js';
import type { ActorKind, TriggerSense } from './lexicon.js';

/** What the whole document says that bears on how a trigger is read. */
export interface Context {
  /** weight of protest words and protester mentions */
  protest: number;
  harm: number;
  intervene: number;
  riot: number;
  civilian: number;
  state: number;
  nonstate: number;
  security: number;
  perpetrator: number;
  /** weight of organised-crime words (gangs, cartels, drugs) */
  crime: number;
  disaster: number;
  conflict: number;
  /** the protest sub-type the document's force, dispersal or violence words point to */
  protestCode: EventCode;
}

export interface LocalActors {
  /** actor kinds named in the trigger's sentence */
  kinds: ReadonlySet<ActorKind>;
  /** the nearest actor before the trigger, and after it */
  before: readonly ActorKind[] | null;
  after: readonly ActorKind[] | null;
  /** the actor after the trigger is its agent ("retaken by the army"), not its loser ("from rebels") */
  afterBy: boolean;
  /** the sentence says weapons were found, seized, defused or intercepted, and nothing went off */
  disrupted: boolean;
  /** the trigger is in, just before or just after a sentence about a protest */
  nearProtest: boolean;
}

/** A protest is the story when its words weigh this much (a protest noun and a protester, say). */
const PROTEST_CONTEXT = 3;

const inProtest = (ctx: Context, local: { nearProtest: boolean }) => ctx.protest >= PROTEST_CONTEXT && local.nearProtest;

/**
 * The ACLED protest sub-type: lethal or injuring force against protesters; protesters' own violence;
 * a dispersal or arrests; else a peaceful protest (ACLED's order of precedence).
 */
export function protestCode(ctx: Context): EventCode {
  // demonstrators' own violence makes a riot whatever the police did (ACLED keeps "excessive
  // force" for force against peaceful protesters)
  if (ctx.riot >= 2 && ctx.riot >= ctx.harm - 2) return 'VIOL_DEMONSTR';
  if (ctx.harm >= 3) return 'FORCE_AGAINST_PROTEST';
  if (ctx.intervene >= 2) return 'PROTEST_WITH_INTER';
  if (ctx.harm >= 2) return 'FORCE_AGAINST_PROTEST';
  return 'PEACE_PROTEST';
}

const TERRITORY_WORDS = new Set(['town', 'citi', 'villag', 'district', 'area', 'territori', 'region', 'hill', 'airport', 'provinc', 'neighbourhood', 'neighborhood', 'posit', 'border', 'cross', 'road', 'highwai', 'headquart', 'base', 'stronghold', 'control', 'capit', 'port', 'island', 'mountain', 'valley', 'suburb', 'outskirt', 'countrysid', 'rural', 'locat', 'settlement', 'oil', 'field', 'dam']);
const WEAPON_WORDS = new Set(['weapon', 'arm', 'ammunit', 'explos', 'rifl', 'gun', 'munit', 'grenad', 'mine', 'rocket', 'missil', 'bomb', 'cach', 'pistol', 'detonat', 'drug', 'cocain', 'heroin']);
const PERSON_WORDS = new Set(['militant', 'soldier', 'fighter', 'command', 'leader', 'suspect', 'member', 'rebel', 'insurg', 'terrorist', 'man', 'men', 'policeman', 'offic', 'pilot', 'journalist']);
const SEIZE_WORDS = new Set(['seiz', 'found', 'discov', 'uncov', 'unearth', 'recov', 'confisc', 'intercept', 'captur', 'defus', 'cach', 'stash', 'haul', 'hidden', 'hide', 'store', 'smuggl', 'dismantl', 'destroi', 'neutral']);

/** What a take-verb has for object in the next few words: territory, weapons or people. */
function objectOf(toks: readonly Token[], m: { last: number }, s: Sentence): 'territory' | 'weapon' | 'person' | null {
  for (let j = m.last + 1; j < s.tokenEnd && j <= m.last + 6; j++) {
    const w = toks[j]!.text;
    if (TERRITORY_WORDS.has(w)) return 'territory';
    if (WEAPON_WORDS.has(w)) return 'weapon';
    if (PERSON_WORDS.has(w)) return 'person';
  }
  return null;
}

const isArmed = (k: ActorKind) => k === 'state' || k === 'nonstate';
const EXPLOSIVE_CODES = new Set<string>(['REM_EXPLOS', 'GRENADE', 'ART_MISS_ATTACK', 'SUIC_BOMB', 'BLAST', 'CHEM_WEAP']);

/**
 * The code a trigger stands for in its context, with the weight it brings; null drops it (a family
 * word outside its family's context, such as "killed" where no protest is told).
 */
export function resolveSense(sense: TriggerSense, ctx: Context, local: LocalActors, toks: readonly Token[], m: { first: number; last: number }, s: Sentence): { code: EventCode; weight: number } | null {
  const w = sense.weight;
  // a bomb defused, grenades seized, missiles intercepted: weapons kept from use (ACLED "disrupted weapons use")
  if (local.disrupted && EXPLOSIVE_CODES.has(sense.code)) return { code: 'DISR_WEAP', weight: w };
  switch (sense.code) {
    case 'DISRUPT':
      return local.disrupted ? { code: 'DISR_WEAP', weight: w * 0.5 } : null;
    case 'STRIKE':
      if (inProtest(ctx, local) || ctx.conflict === 0) return { code: 'PEACE_PROTEST', weight: 1 };
      return { code: 'AIR_STRIKE', weight: w };
    case 'VIOLENCE': {
      if (inProtest(ctx, local)) return null; // the protest family reads killings and attacks there
      // armed men on both sides, or soldiers and police as targets = a clash; civilians as targets,
      // or unnamed gunmen with no armed target = an attack on civilians
      const has = (k: ActorKind) => local.kinds.has(k) || (local.kinds.size === 0 && ctx[k as 'civilian'] > 0);
      const armedTarget = has('security') || (has('state') && (has('nonstate') || has('perpetrator')));
      if (armedTarget) return { code: 'ARMED_CLASH', weight: w };
      if (ctx.crime >= 3 && !has('nonstate')) return { code: 'ORG_CRIME', weight: w }; // gang or cartel violence
      if (has('civilian') || has('perpetrator')) return { code: 'ATTACK', weight: w };
      return { code: 'ARMED_CLASH', weight: w };
    }
    case 'TAKE':
    case 'RETAKE': {
      const obj = objectOf(toks, m, s);
      if (obj === 'weapon') return { code: 'DISR_WEAP', weight: w + 1 };
      if (obj === 'person') return { code: 'ARREST', weight: w };
      // the actor: the nearest armed one before the verb, or after it ("was retaken by the army")
      const actor = local.before?.find(isArmed) ?? (local.afterBy ? local.after?.find(isArmed) : null) ?? null;
      const gov = actor ? actor === 'state' : sense.code === 'RETAKE';
      return { code: gov ? 'GOV_REGAINS_TERIT' : 'NON_STATE_ACTOR_OVERTAKES_TER', weight: obj === 'territory' ? w + 1 : w };
    }
    case 'PROTEST':
      return { code: inProtest(ctx, local) ? ctx.protestCode : 'PEACE_PROTEST', weight: w };
    case 'HARM':
      return inProtest(ctx, local) ? { code: ctx.protestCode, weight: w } : null;
    case 'INTERVENE':
      if (inProtest(ctx, local)) return { code: ctx.protestCode, weight: w };
      return w >= 3 ? { code: 'PROTEST_WITH_INTER', weight: w * 0.7 } : null; // tear gas, water cannon
    case 'RIOT':
      if (inProtest(ctx, local)) return { code: ctx.protestCode, weight: w };
      return w >= 4 ? { code: 'VIOL_DEMONSTR', weight: w } : null; // "riot", "rioters", "threw stones"
    case 'WEAPON': {
      let seize = false;
      for (let j = s.tokenStart; j < s.tokenEnd && !seize; j++) seize = SEIZE_WORDS.has(toks[j]!.text);
      return { code: 'DISR_WEAP', weight: seize ? w * 1.5 : w * 0.4 };
    }
    case 'BLAST':
      return { code: ctx.disaster > ctx.conflict ? 'MAN_MADE_DISASTER' : 'REM_EXPLOS', weight: w };
    case 'ARREST':
      return { code: 'ARREST', weight: inProtest(ctx, local) ? w * 0.5 : w };
    default:
      return { code: sense.code, weight: w };
  }
}
