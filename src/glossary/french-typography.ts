/**
 * French typography for glossary texts, as one rule that `npm run glossary:format` applies
 * and `npm run glossary:check` enforces:
 * - a narrow no-break space (U+202F) before ; ! ? and between groups of thousands
 *   ("500 000");
 * - a no-break space (U+00A0) before : and %, and inside « »;
 * - the typographic apostrophe ’ instead of '.
 * A colon inside a word ("re:Invent", "EXE:5000") or a URL is left alone.
 */

const NNBSP = '\u202F';
const NBSP = '\u00A0';
/** Spaces that may stand where a no-break space belongs. */
const SPACE = '[ \\u00A0\\u202F\\t]';

/** The French text with the typography rule applied. Idempotent. */
export function formatFrench(text: string): string {
  return (
    text
      .replace(/'/g, '’')
      // « text » : no-break spaces inside the guillemets.
      .replace(new RegExp(`«${SPACE}*`, 'g'), `«${NBSP}`)
      .replace(new RegExp(`${SPACE}*»`, 'g'), `${NBSP}»`)
      // ; ! ? take a narrow no-break space; : and % a no-break space. Only after a word,
      // a closing mark or a space, and (for ; : !) before a space or the end, so "re:Invent"
      // and "?!" stay as they are.
      .replace(
        new RegExp(`(?<=[\\p{L}\\p{N})\\]»”’])${SPACE}*([;!?])(?=\\s|$|[»)])`, 'gu'),
        `${NNBSP}$1`,
      )
      .replace(new RegExp(`(?<=[\\p{L}\\p{N})\\]»”’])${SPACE}*:(?=\\s|$)`, 'gu'), `${NBSP}:`)
      .replace(new RegExp(`(?<=\\p{N})${SPACE}*%`, 'gu'), `${NBSP}%`)
      // Groups of thousands: "500 000", "3 000 000" (never a year: the first group has 1-3 digits).
      .replace(/(?<![\d.,])\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?![\d])/g, (number) =>
        number.replace(/[ \u00A0]/g, NNBSP),
      )
  );
}

/** Describes what the rule would change in `text`, or undefined when it is correct. */
export function frenchTypographyProblem(text: string): string | undefined {
  const fixed = formatFrench(text);
  if (fixed === text) return undefined;
  let at = 0;
  while (at < text.length && text[at] === fixed[at]) at++;
  const excerpt = text
    .slice(Math.max(0, at - 15), at + 10)
    .replace(/\s/g, (s) => SPACE_NAMES[s] ?? s);
  return `French typography at "…${excerpt}…": run npm run glossary:format (no-break spaces before ; : ! ? % and inside « », ’ apostrophes, 500 000)`;
}

const SPACE_NAMES: Record<string, string> = { ' ': '·', '\u00A0': '⍽', '\u202F': '⍽' };
