/**
 * Finds sentences that speak of the future (EN "expected", "will", "is to"...; FR « doit »,
 * « devrait », « prévu »...) and the period each names ("spring 2026", « fin 2025 »,
 * "H1 2026"), so the truth rules can flag a future whose date has passed. Pure TypeScript.
 *
 * To keep false positives low:
 * - a sentence (or a clause after « ; ») with a past-tense reporting verb is a quoted past
 *   intention, not a claim about the future: "AWS said in 2025 that samples were planned for
 *   spring 2026", « SiPearl avait prévu... », "Nvidia announced Grace, expected in 2023";
 * - a marker in a past construction does not count: "was expected in 2024", "originally
 *   due to be finalised in 2022", « était prévu », « initialement prévue »;
 * - "planned", "expected", « prévu », « attendu » count only before a time or purpose word
 *   ("planned for 2026", « attendus au printemps 2026 »), not as an attribute ("the planned
 *   Magdeburg fab", « le successeur prévu, Falcon Shores », « prévu par le règlement »);
 * - the period that decides is the latest one named after the marker (or, when there is
 *   none after it, the latest before it): "founded in 2016, it will ship in 2027" is fine.
 */
import type { Lang } from './types';

/** A period a text names, with the last day it covers (days since 1970-01-01, UTC). */
export interface Period {
  text: string;
  index: number;
  end: number;
}

export interface FutureStatement {
  sentence: string;
  /** The future wording found, e.g. "expected", « attendus ». */
  marker: string;
  /** The period the statement is about, if it names one. */
  period?: Period;
}

/** Days since the epoch of an ISO day YYYY-MM-DD (or YYYY-MM, YYYY: its LAST day). */
export function lastDayOf(iso: string): number | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[3] !== undefined) return Date.UTC(year, Number(match[2]) - 1, Number(match[3])) / DAY;
  if (match[2] !== undefined) return monthEnd(year, Number(match[2]));
  return monthEnd(year, 12);
}

/** The ISO day of a day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** The day `months` calendar months before `day` (clamped to the month's last day). */
export function monthsBefore(day: number, months: number): number {
  const date = new Date(day * DAY);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, 1));
  const last = monthEnd(target.getUTCFullYear(), target.getUTCMonth() + 1);
  return Math.min(target.getTime() / DAY + date.getUTCDate() - 1, last);
}

const DAY = 86_400_000;

/** Last day of a month (1-12; 13 is January of the next year). */
function monthEnd(year: number, month: number): number {
  return Date.UTC(year, month, 0) / DAY;
}

// Word boundaries that work with accented letters.
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const YEAR = '((?:19|20)\\d{2})';
const APOS = "['’]";

const MONTHS: [RegExp, number][] = (
  [
    ['jan(?:uary|\\.)?|janvier', 1],
    ['feb(?:ruary|\\.)?|f[ée]vrier', 2],
    ['march|mar\\.|mars', 3],
    ['april|apr\\.?|avril', 4],
    ['may|mai', 5],
    ['june|jun\\.?|juin', 6],
    ['july|jul\\.?|juillet', 7],
    ['august|aug\\.?|ao[ûu]t', 8],
    ['september|sept?\\.?|septembre', 9],
    ['october|oct\\.?|octobre', 10],
    ['november|nov\\.?|novembre', 11],
    ['december|dec\\.?|d[ée]cembre', 12],
  ] as [string, number][]
).map(([names, month]) => [new RegExp(`^(?:${names})$`, 'iu'), month]);
const MONTH_NAMES =
  'january|february|march|april|may|june|july|august|september|october|november|december|' +
  'jan\\.?|feb\\.?|mar\\.|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|oct\\.?|nov\\.?|dec\\.?|' +
  'janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre';

const ORDINAL: Record<string, number> = {
  first: 1,
  '1st': 1,
  premier: 1,
  '1er': 1,
  second: 2,
  '2nd': 2,
  deuxième: 2,
  '2e': 2,
  third: 3,
  '3rd': 3,
  troisième: 3,
  '3e': 3,
  fourth: 4,
  '4th': 4,
  quatrième: 4,
  '4e': 4,
};
const ORDINALS = Object.keys(ORDINAL).join('|');

/** Each period pattern and the last month it covers (13 = January of the next year...). */
const PERIODS: [RegExp, (m: RegExpExecArray) => number][] = [
  // "March 2026", "March 3, 2026", "3 March 2026", « 1er mars 2026 », « mars de l’année 2026 »
  [
    new RegExp(
      `${B}(?:(?:1er|\\d{1,2})\\s+)?(${MONTH_NAMES})\\s+(?:\\d{1,2},?\\s+)?(?:de\\s+(?:l${APOS}année\\s+)?)?${YEAR}${E}`,
      'giu',
    ),
    (m) => MONTHS.find(([name]) => name.test(m[1]!))?.[1] ?? 12,
  ],
  // "spring 2026", "summer of 2025", « printemps 2026 », « l’été de 2025 »
  [
    new RegExp(
      `${B}(spring|summer|autumn|fall|winter|printemps|été|automne|hiver)\\s+(?:of\\s+|de\\s+)?${YEAR}${E}`,
      'giu',
    ),
    (m) =>
      ({ spring: 5, printemps: 5, summer: 8, été: 8, autumn: 11, fall: 11, automne: 11 })[
        m[1]!.toLowerCase()
      ] ?? 14,
  ],
  // "Q2 2026", "second quarter of 2026", « T2 2026 », « deuxième trimestre 2026 »
  [new RegExp(`${B}[QT]([1-4])\\s*(?:of\\s+|de\\s+)?${YEAR}${E}`, 'gu'), (m) => 3 * Number(m[1])],
  [
    new RegExp(
      `${B}(${ORDINALS})\\s+(?:quarter|trimestre)\\s+(?:of\\s+|de\\s+|d${APOS}\\s*)?(?:fiscal\\s+)?${YEAR}${E}`,
      'giu',
    ),
    (m) => 3 * (ORDINAL[m[1]!.toLowerCase()] ?? 4),
  ],
  // "H1 2026", "first half of 2026", « S1 2026 », « premier semestre 2026 »
  [new RegExp(`${B}[HS]([12])\\s*(?:of\\s+|de\\s+)?${YEAR}${E}`, 'gu'), (m) => 6 * Number(m[1])],
  [
    new RegExp(
      `${B}(${ORDINALS})\\s+(?:half|semestre)\\s+(?:of\\s+|de\\s+)?(?:the\\s+year\\s+)?${YEAR}${E}`,
      'giu',
    ),
    (m) => 6 * Math.min(ORDINAL[m[1]!.toLowerCase()] ?? 2, 2),
  ],
  // "early 2026", "mid-2026", "end of 2025", "year-end 2025", « début 2026 », « mi-2026 »,
  // « fin 2025 », « fin de l’année 2025 », « courant 2026 »
  [
    new RegExp(
      `${B}(early|mid|late|end|year[- ]end|beginning|start|début|mi|fin|courant)(?:\\s+of)?(?:\\s+the\\s+year)?(?:\\s+(?:de\\s+)?(?:l${APOS}année\\s+)?)?[\\s-]*${YEAR}${E}`,
      'giu',
    ),
    (m) =>
      ({ early: 6, beginning: 6, start: 6, début: 6, mid: 8, mi: 8 })[m[1]!.toLowerCase()] ?? 12,
  ],
  // "FY2026", "fiscal 2026", "fiscal year 2026"
  [new RegExp(`${B}(?:FY\\s?|fiscal\\s+(?:year\\s+)?)${YEAR}${E}`, 'giu'), () => 12],
];
/** A bare year, not an amount ("2000 chips" is rare, "$2025" or "2025 %" are not years). */
const BARE_YEAR = new RegExp(`(?<![$€£]\\s?)${B}${YEAR}${E}(?!\\s?%)`, 'gu');

/** The periods a text names, in text order; a year inside "March 2026" is not listed again. */
export function namedPeriods(text: string): Period[] {
  const periods: Period[] = [];
  let masked = text;
  for (const [pattern, lastMonth] of PERIODS) {
    for (const m of masked.matchAll(pattern)) {
      const year = Number(m[m.length - 1]);
      periods.push({ text: m[0], index: m.index, end: monthEnd(year, lastMonth(m)) });
    }
    masked = masked.replace(pattern, (s) => ' '.repeat(s.length));
  }
  for (const m of masked.matchAll(BARE_YEAR)) {
    periods.push({ text: m[0], index: m.index, end: monthEnd(Number(m[1]), 12) });
  }
  return periods.sort((a, b) => a.index - b.index);
}

const INFINITIVE = `(?!(?:entre|contre|notre|votre|autre|outre)${E})\\p{L}+(?:er|ir|re|oir)${E}`;
/**
 * What follows "planned", "expected", « prévu », « attendu » when they announce a date: a
 * preposition ("planned for", « attendus au »), not an object ("then planned first samples").
 */
const EN_AFTER =
  '(?=\\s+(?:for|in|by|to|from|between|at|around|on|within|before|after|during|until|early|late|mid|this|next|\\d))';
const FR_AFTER = `(?=\\s+(?:pour|en|au|aux|à|entre|dès|début|fin|mi-|d${APOS}ici|dans|courant|avant|vers|le|la|les|l${APOS}|\\d|${MONTH_NAMES}|printemps|été|automne|hiver|premier|second|deuxième|troisième|quatrième|[TS][1-4]))`;
/** Such a participle is an attribute after a determiner: "the planned Magdeburg fab". */
const DETERMINER_BEFORE =
  /(?:^|[^\p{L}])(?:the|a|an|its|their|his|her|our|this|that|these|those|whose)\s+$/iu;
const PARTICIPLE = /^(?:planned|expected|scheduled|slated|prévu|attendu)/iu;
/** A participle counts only with a period this close after it (or "expected to ..."). */
const PARTICIPLE_REACH = 25;
/** A period named before the marker counts only as a target: "by 2025", « d’ici 2025 ». */
const TARGET_BEFORE = new RegExp(`(?:by|until|d${APOS}ici|jusqu${APOS}en)\\s+(?:the\\s+)?$`, 'iu');

const FUTURE: Record<Lang, RegExp> = {
  en: new RegExp(
    [
      'will',
      '(?:is|are)\\s+to(?!\\s+date)(?=\\s+\\p{L})',
      'plans?\\s+to',
      `(?:planned|expected|scheduled|slated)${EN_AFTER}`,
      'expects?\\s+to',
      'due\\s+(?:in|to\\s+(?:be|start|begin|launch|ship|open|arrive|enter|come|go|deliver|complete|reach|take|debut|close|finish|expire|end|become|run|apply))',
      'set\\s+to\\s+(?:be|\\p{L}+)',
      'aims?\\s+to',
      'intends?\\s+to',
      'upcoming',
    ]
      .map((marker) => `${B}(?:${marker})${E}`)
      .join('|'),
    'giu',
  ),
  fr: new RegExp(
    [
      'doi(?:t|vent)',
      'devrai(?:t|ent)',
      `(?:prévu|attendu)e?s?${FR_AFTER}`,
      'seront|sera',
      `(?:va|vont|compte|comptent)\\s+${INFINITIVE}`,
      `prévoi(?:t|ent)\\s+(?:de\\s+|d${APOS})${INFINITIVE}`,
    ]
      .map((marker) => `${B}(?:${marker})${E}`)
      .join('|'),
    'giu',
  ),
};

/** A marker that is itself in the past: "was expected", « initialement prévue ». */
const PAST_BEFORE: Record<Lang, RegExp> = {
  en: /(?:^|[^\p{L}])(?:was|were|had|been|originally|initially|first|once|previously|earlier|then)\s+(?:\p{L}+\s+)?$/iu,
  fr: new RegExp(
    `(?:^|[^\\p{L}])(?:était|étaient|avait|avaient|été|initialement|d${APOS}abord|alors|à\\s+l${APOS}origine)\\s+(?:\\p{L}+\\s+)?$`,
    'iu',
  ),
};

/** A past-tense reporting verb anywhere in the sentence makes it a quoted past intention. */
const PAST_REPORT: Record<Lang, RegExp> = {
  en: new RegExp(
    `${B}(?:said|announced|unveiled|presented|stated|told|wrote|reported|indicated|confirmed|disclosed|promised|pledged|claimed|had|aimed|intended|hoped|targeted|(?<!(?:is|are|be|being)\\s+)planned\\s+to)${E}`,
    'iu',
  ),
  fr: new RegExp(
    `${B}(?:(?:a|ont|avait|avaient)\\s+(?:\\p{L}+\\s+)?(?:précisé|expliqué|estimé|assuré|dit|écrit|rapporté|fait\\s+savoir|promis|communiqué|prévu|publié)|(?:annoncé|dévoilé|présenté|déclaré|affirmé|confirmé|indiqué|révélé)e?s?|(?:ét|av|dev|vis|prévoy|compt|tabl|annonç|présent|estim|indiqu|affirm|déclar|promett|espér|voul|entend|envisage|attend|cibl|pens|assur|précis)(?:ait|aient))${E}`,
    'iu',
  ),
};

/** Sentences, with clauses after « ; » counted apart. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\s*;\s*/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The statements of a text that speak of the future, each with the period it names. */
export function futureStatements(text: string, lang: Lang): FutureStatement[] {
  const found: FutureStatement[] = [];
  for (const sentence of sentences(text)) {
    if (PAST_REPORT[lang].test(sentence)) continue;
    const periods = namedPeriods(sentence);
    const first = [...sentence.matchAll(FUTURE[lang])].find((m) => {
      const before = sentence.slice(0, m.index);
      if (PAST_BEFORE[lang].test(before)) return false;
      if (!PARTICIPLE.test(m[0])) return true;
      if (DETERMINER_BEFORE.test(before)) return false;
      const end = m.index + m[0].length;
      if (/^\s+to\s/u.test(sentence.slice(end))) return true;
      return periods.some((p) => p.index >= end && p.index - end <= PARTICIPLE_REACH);
    });
    if (!first) continue;
    const candidates = periods.filter(
      (p) => p.index > first.index || TARGET_BEFORE.test(sentence.slice(0, p.index)),
    );
    const period = candidates.reduce<Period | undefined>(
      (latest, p) => (latest === undefined || p.end > latest.end ? p : latest),
      undefined,
    );
    found.push({ sentence, marker: first[0], ...(period ? { period } : {}) });
  }
  return found;
}
