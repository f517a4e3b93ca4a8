/**
 * The case rules of aliases (run time; not on the hot path: the matcher caches each
 * surface's answer). Accents never count: "Rhea" is "Rhéa" written without its accent.
 */

// eslint-disable-next-line no-misleading-character-class -- ranges of combining marks
const COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/** Removes accents, keeping the case. */
export function stripAccents(text: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII needs no work
  return /^[\u0000-\u007f]*$/.test(text) ? text : text.normalize('NFD').replace(COMBINING, '');
}

const LETTER_RUNS = /\p{L}+/gu;

/**
 * Whether a matched surface obeys an alias's case rule, compared run of letters by run of
 * letters, accents ignored: `exact`, each as written; `name`, all in capitals, or each
 * as written or with a capital first letter (headlines: "Règlement Européen", but not
 * "CHIPS Act" for "Chips Act"). A plural "s" is lower case, or a capital after a `name`
 * alias in capitals ("TPUS" is not the plural of the exact "TPU"; "GRACES" is that of
 * "Grace").
 */
export function caseMatches(
  aliasText: string,
  surface: string,
  exact: boolean,
  plural: boolean,
): boolean {
  const want = stripAccents(aliasText).match(LETTER_RUNS) ?? [];
  const runs = stripAccents(surface).match(LETTER_RUNS) ?? [];
  let suffix = '';
  if (plural && runs.length === want.length + 1) {
    suffix = runs.pop()!;
  } else if (runs.length !== want.length) {
    return false;
  } else if (plural && runs.length > 0) {
    const last = runs[runs.length - 1]!;
    if (last.length === want[want.length - 1]!.length + 1) {
      suffix = last.slice(-1);
      runs[runs.length - 1] = last.slice(0, -1);
    }
  }
  let asWritten = true;
  let capitals = !exact;
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k]!;
    const alias = want[k]!;
    if (run !== alias) {
      if (exact) return false;
      if (run !== alias.charAt(0).toUpperCase() + alias.slice(1)) asWritten = false;
    }
    if (run !== alias.toUpperCase()) capitals = false;
  }
  if (!asWritten && !capitals) return false;
  if (suffix === '' || suffix === 's') return true;
  const last = want[want.length - 1] ?? '';
  return suffix === 'S' && capitals && last !== last.toUpperCase();
}
