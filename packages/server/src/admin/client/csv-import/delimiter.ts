import { parseCsv } from '../csv'

export type Delimiter = ',' | ';' | '\t'

export type SniffedDelimiter = {
  delimiter: Delimiter
  /** The text without Excel's `sep=;` first line, when it had one. */
  text: string
}

const CANDIDATES: readonly Delimiter[] = [',', ';', '\t']
const SAMPLE_CHARS = 64 * 1024
const SAMPLE_ROWS = 50

/**
 * Which character separates the cells: the one that cuts the header into the most columns and the next rows into as
 * many (a `;` file's decimal commas cut rows, not its header, into a varying number). Excel's `sep=;` first line
 * decides when present. A one-column file is comma-separated.
 *
 * @example
 * sniffDelimiter('userId;amount\nu1;1 200,50').delimiter // ';'
 * sniffDelimiter('sep=;\na;b\n1;2').text                 // 'a;b\n1;2'
 */
export function sniffDelimiter(text: string): SniffedDelimiter {
  const hint = /^sep=(.)\r?\n/i.exec(text)
  if (hint && (CANDIDATES as readonly string[]).includes(hint[1]!)) return { delimiter: hint[1] as Delimiter, text: text.slice(hint[0].length) }
  const sample = text.slice(0, SAMPLE_CHARS)
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: 0 }
  for (const delimiter of CANDIDATES) {
    const rows = parseCsv(sample, delimiter).slice(0, SAMPLE_ROWS)
    // The sample's last row may be cut in the middle.
    if (text.length > SAMPLE_CHARS && rows.length > 2) rows.pop()
    const columns = rows[0]?.length ?? 0
    if (columns < 2) continue
    const matching = rows.filter((row) => row.length === columns).length / rows.length
    const score = matching * 1000 + columns
    if (score > best.score) best = { delimiter, score }
  }
  return { delimiter: best.delimiter, text }
}
