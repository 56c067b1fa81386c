/**
 * Text arriving through Open311 as people will read it: invisible format characters (zero-width
 * spaces, joiners, bidi overrides, soft hyphens, BOM) and stray control characters removed, so
 * that length rules count what a reader sees and a run of blank lines cannot stand in for text.
 */
const FORMAT_CHARACTERS = /\p{Cf}/gu;
/** Control characters other than tab and line feed (carriage returns are turned into line feeds first). */
const STRAY_CONTROLS = /(?![\t\n])\p{Cc}/gu;

/** A text of several lines: lines trimmed at the end, runs of spaces made one, at most one blank line in a row. */
export function normaliseMultilineText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(FORMAT_CHARACTERS, '')
    .replace(STRAY_CONTROLS, '')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A one-line text (a name, an address): every run of white space one space, trimmed. */
export function normaliseSingleLineText(text: string): string {
  return text
    .replace(FORMAT_CHARACTERS, '')
    .replace(STRAY_CONTROLS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
