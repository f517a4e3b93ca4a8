/**
 * The truth rules of the bundled glossary, on top of its shape (validate.ts): where facts
 * may come from, when they were read, what the texts rest on, nothing announced for a date
 * that has passed, the same figure everywhere, French typography. `npm run glossary:check`
 * prints the errors and warnings; the build fails on errors. Pure TypeScript (no Node APIs):
 * the reader's own entries are not held to these rules, but packs may reuse them.
 */
import { frenchTexts } from './french-texts';
import { frenchTypographyProblem } from './french-typography';
import { HOST_CATEGORY_LABELS, hostCategory, urlHost } from './source-hosts';
import { futureStatements, isoDay, lastDayOf, monthsBefore } from './stale-wording';
import { LANGS, type Entry, type Fact, type Glossary, type Lang, type Localized } from './types';
import type { Problem } from './validate';

export interface TruthOptions {
  /** Today, YYYY-MM-DD: staleness and `accessed` are judged against it. */
  today: string;
  /**
   * Entries of another glossary whose figures the checked ones must agree with (the
   * bundled glossary, for a pack); they are not checked themselves.
   */
  others?: readonly Entry[];
}

/** A broken truth rule. */
export interface TruthProblem extends Problem {
  /**
   * Set when the rule judges the entry against today: the problem can appear with time
   * alone (a named period that has passed, an old review or fact) or on a clock behind the
   * author's (`accessed` after today). A glossary pack takes these as warnings when it is
   * imported (src/packs/validate-pack.ts), so that it does not break as it ages.
   */
  dated?: true;
}

export interface TruthResult {
  errors: TruthProblem[];
  warnings: TruthProblem[];
}

/** A future with a named period that ended more than this many months ago is an error. */
export const STALE_MONTHS = 3;
/** Future wording without a period, in a fact dated more than this many months ago: warning. */
export const UNDATED_FUTURE_MONTHS = 12;
/** An entry reviewed more than this many months ago: warning. */
export const REVIEW_MONTHS = 6;

/** Words by which a fact's English text attributes a claim to someone. */
const ATTRIBUTION = /\b(?:according to|reported(?:ly)?|reports?|said|says|told|citing|cited)\b/i;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a string is a real calendar day YYYY-MM-DD. */
function isDay(text: string): boolean {
  const day = DAY_PATTERN.test(text) ? lastDayOf(text) : undefined;
  return day !== undefined && isoDay(day) === text;
}

/**
 * Today as YYYY-MM-DD: `override` (the SL_TODAY environment variable, for tests) when it is
 * an ISO day, otherwise the local date of `now`.
 */
export function resolveToday(override?: string, now: Date = new Date()): string {
  if (override !== undefined && override !== '') {
    if (!isDay(override)) {
      throw new Error(`SL_TODAY must be an ISO day YYYY-MM-DD (got ${JSON.stringify(override)})`);
    }
    return override;
  }
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Checks the truth rules on a glossary that passed validateGlossary(). */
export function checkTruth(glossary: Glossary, { today, others = [] }: TruthOptions): TruthResult {
  const day = lastDayOf(today);
  if (day === undefined || !isDay(today)) {
    throw new Error(`today must be an ISO day YYYY-MM-DD (got ${JSON.stringify(today)})`);
  }
  const errors: TruthProblem[] = [];
  const warnings: TruthProblem[] = [];
  const problem = (entry: Entry, path: string, message: string, dated?: 'dated') => ({
    entry: entry.id,
    path,
    message,
    ...(dated ? { dated: true as const } : {}),
  });
  const context: Context = {
    today,
    day,
    error: (...args) => errors.push(problem(...args)),
    warn: (...args) => warnings.push(problem(...args)),
  };
  for (const entry of glossary.entries) {
    checkSources(entry, context);
    checkStaleness(entry, context);
    for (const text of frenchTexts(entry)) {
      const problem = frenchTypographyProblem(text.value);
      if (problem) context.error(entry, text.path, problem);
    }
    const reviewed = lastDayOf(entry.reviewed);
    if (reviewed !== undefined && reviewed < monthsBefore(day, REVIEW_MONTHS)) {
      context.warn(
        entry,
        'reviewed',
        `${entry.reviewed} is more than ${REVIEW_MONTHS} months before ${today}: check the entry against its sources`,
        'dated',
      );
    }
  }
  checkFigures(glossary, others, context);
  return { errors, warnings };
}

interface Context {
  today: string;
  /** Today as a day number. */
  day: number;
  /** `dated`: the rule judges against today (TruthProblem). */
  error(entry: Entry, path: string, message: string, dated?: 'dated'): void;
  warn(entry: Entry, path: string, message: string, dated?: 'dated'): void;
}

/** Denied hosts, `accessed` dates, `textSources`. */
function checkSources(entry: Entry, context: Context): void {
  const { error, warn, today, day } = context;
  entry.facts.forEach((fact, i) => {
    const path = `facts[${i}]`;
    for (const key of ['date', 'source', 'confidence', 'accessed'] as const) {
      if (typeof fact[key] !== 'string' || fact[key] === '') {
        error(entry, `${path}.${key}`, `is missing: every fact of the bundled glossary has one`);
      }
    }
    if (typeof fact.accessed === 'string') {
      const accessed = lastDayOf(fact.accessed);
      if (accessed !== undefined && accessed > day) {
        error(entry, `${path}.accessed`, `${fact.accessed} is after today (${today})`, 'dated');
      }
    }
    if (typeof fact.source !== 'string') return;
    const category = hostCategory(fact.source);
    if (category === undefined) return;
    const cites = `cites ${urlHost(fact.source)}, ${HOST_CATEGORY_LABELS[category]}`;
    if (category === 'wiki') {
      error(entry, `${path}.source`, `${cites}: no fact may cite a wiki; cite what the wiki cites`);
    } else if (fact.confidence === 'verified') {
      error(
        entry,
        `${path}.source`,
        `${cites}: a verified fact cites the original (press release, filing, the institution's page, or the outlet that reported it first)`,
      );
    } else {
      warn(entry, `${path}.source`, `${cites}: cite the original where it exists`);
    }
  });
  if (!Array.isArray(entry.textSources) || entry.textSources.length === 0) {
    error(
      entry,
      'textSources',
      'is missing: list what the summary, dependency and sovereignty texts rest on (facts[N] or https URLs read)',
    );
    return;
  }
  entry.textSources.forEach((source, i) => {
    const category = hostCategory(source);
    if (category !== undefined) {
      error(
        entry,
        `textSources[${i}]`,
        `cites ${urlHost(source)}, ${HOST_CATEGORY_LABELS[category]}: cite the original`,
      );
    }
  });
}

/** The texts that may speak of the future, with their paths. */
function datedTexts(entry: Entry): { path: string; lang: Lang; text: string; fact?: Fact }[] {
  const texts: { path: string; lang: Lang; text: string; fact?: Fact }[] = [];
  const add = (path: string, localized: Localized | undefined, fact?: Fact): void => {
    if (!localized) return;
    for (const lang of LANGS) {
      texts.push({
        path: `${path}.${lang}`,
        lang,
        text: localized[lang],
        ...(fact ? { fact } : {}),
      });
    }
  };
  add('summary', entry.summary);
  add('dependency', entry.dependency);
  add('sovereignty', entry.sovereignty);
  entry.facts.forEach((fact, i) => add(`facts[${i}]`, fact, fact));
  entry.relations.forEach((relation, i) => add(`relations[${i}].note`, relation.note));
  return texts;
}

/** A future whose named period ended: error. Undated future in an old fact: warning. */
function checkStaleness(entry: Entry, { day, today, error, warn }: Context): void {
  const staleBefore = monthsBefore(day, STALE_MONTHS);
  const oldBefore = monthsBefore(day, UNDATED_FUTURE_MONTHS);
  for (const { path, lang, text, fact } of datedTexts(entry)) {
    if (typeof text !== 'string') continue;
    const statements = futureStatements(text, lang);
    const stale = statements.find((s) => s.period && s.period.end < staleBefore);
    if (stale?.period) {
      error(
        entry,
        path,
        `speaks of the future ("${stale.marker}" … "${stale.period.text}", which ended ${isoDay(stale.period.end)}, more than ${STALE_MONTHS} months before ${today}): say what happened, with a source, or reword it in the past tense with its date`,
        'dated',
      );
      continue;
    }
    const undated = statements.find((s) => !s.period);
    const factDay = fact ? lastDayOf(fact.date) : undefined;
    if (undated && factDay !== undefined && factDay < oldBefore) {
      warn(
        entry,
        path,
        `speaks of the future ("${undated.marker}") with no date, in a fact dated ${fact?.date}, more than ${UNDATED_FUTURE_MONTHS} months ago: check what happened`,
        'dated',
      );
    }
  }
}

/** "Superchips" and "superchip", "GPUs" and "gpu", "Processes" and "process" are one unit. */
export function unitKey(unit: string): string {
  return unit
    .trim()
    .split(/\s+/)
    .map((original) => {
      // An acronym's plural: "GPUs", "TPUs".
      if (/^[A-Z0-9]{2,}s$/.test(original)) return original.slice(0, -1).toLowerCase();
      const word = original.toLowerCase();
      if (/(?:ss|us|is)$/.test(word) || word.length <= 3) return word;
      if (/(?:sses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
      return word.endsWith('s') ? word.slice(0, -1) : word;
    })
    .join(' ');
}

interface StatedFigure {
  entry: Entry;
  factIndex: number;
  figureIndex: number;
  fact: Fact;
  value: number;
  unit: string;
}

/**
 * The same unit for the same subject must have the same value across all entries, unless
 * both facts are `reported` and their English text attributes the claim. One error per
 * disagreeing pair, on the later fact, naming the earlier.
 */
function checkFigures(glossary: Glossary, others: readonly Entry[], { error }: Context): void {
  const groups = new Map<string, StatedFigure[]>();
  // The others first: a disagreement is reported on the later figure, the checked one.
  const checked = new Set(glossary.entries);
  for (const entry of [...others, ...glossary.entries]) {
    entry.facts.forEach((fact, factIndex) => {
      (fact.figures ?? []).forEach((figure, figureIndex) => {
        const key = `${figure.subject}\u0000${unitKey(figure.unit)}`;
        const stated = {
          entry,
          factIndex,
          figureIndex,
          fact,
          value: figure.value,
          unit: figure.unit,
        };
        groups.set(key, [...(groups.get(key) ?? []), stated]);
      });
    });
  }
  const attributed = (fact: Fact): boolean =>
    fact.confidence === 'reported' && ATTRIBUTION.test(fact.en);
  for (const [key, figures] of groups) {
    const subject = key.split('\u0000')[0];
    figures.forEach((later, j) => {
      if (!checked.has(later.entry)) return;
      for (const earlier of figures.slice(0, j)) {
        if (earlier.value === later.value) continue;
        if (earlier.entry === later.entry && earlier.factIndex === later.factIndex) continue;
        if (attributed(earlier.fact) && attributed(later.fact)) continue;
        error(
          later.entry,
          `facts[${later.factIndex}].figures[${later.figureIndex}]`,
          `${later.value} ${later.unit} for ${subject} disagrees with ${earlier.value} ${earlier.unit} in ${earlier.entry.id} facts[${earlier.factIndex}].figures[${earlier.figureIndex}]: state the same figure, or make both facts reported and attribute them ("according to …")`,
        );
      }
    });
  }
}
