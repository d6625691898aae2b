/**
 * The one normal form of a place name, shared by the gazetteer build (scripts/gazetteer) and the
 * lookups at run time: lower case, accents folded ("Alèp" = "alep"), hyphens and dots read as
 * spaces or dropped ("Deir ez-Zor" = "deir ez zor", "U.S." = "us", "St. Louis" = "st louis"),
 * apostrophes dropped ("Côte d'Ivoire" = "cote divoire").
 */
export function normName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u02bb`'\u00b4]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o')
    .replace(/[đð]/g, 'd')
    .replace(/[ł]/g, 'l')
    .replace(/ı/g, 'i')
    .replace(/(\p{L})\.(?=\p{L}|\s|$)/gu, '$1 ')
    .replace(/[.,()]/g, ' ')
    .replace(/[-\u2010\u2011\u2012\u2013\u2014/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\b(\p{L}) (?=\p{L}\b)/gu, '$1');
}
