/** What a CSV cell may hold: text, or a typed value (a number stays a number, even a negative one). */
export type CsvValue = string | number | boolean | null | undefined

// A spreadsheet runs a text cell starting with one of these as a formula (OWASP, "CSV Injection").
const FORMULA_START = /^[=+\-@\t\r]/
// Quoted wherever some spreadsheet reads it as a separator or the end of a row: `,`, and the `;` that most European
// (and Russian) locales separate columns with, a tab, a quote, a line break.
const NEEDS_QUOTES = /[",;\t\r\n]/

/**
 * One cell as CSV text, safe in a spreadsheet whatever separator it splits rows on. A text cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a CR gets a leading `'`, so that a spreadsheet shows it instead of running it as a
 * formula; a cell holding `,`, `;`, a tab, a quote or a line break is quoted, with quotes doubled (RFC 4180).
 * Numbers are data, not text: `-5` stays `-5` (OWASP advises the prefix for text cells only), and a number cannot
 * hold anything else. `null` and `undefined` are an empty cell. Every CSV the product writes goes through here.
 *
 * @example
 * csvCell('Ada')                    // Ada
 * csvCell("x;=cmd|'/C calc'!A0")    // "x;=cmd|'/C calc'!A0"
 * csvCell('=HYPERLINK("x")')        // "'=HYPERLINK(""x"")"
 * csvCell('-5')                     // '-5  (text that looks like a formula)
 * csvCell(-5)                       // -5   (a number)
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  // A finite number writes as digits, a sign, a point or an exponent: nothing a spreadsheet runs or splits on.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  let text = String(value)
  if (FORMULA_START.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}
