// Written by the product's one CSV writer, shared with the server: every exported cell is made safe the same way.
export { toCsv } from '../../csv'

/**
 * Parses CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into rows of fields, cut at `delimiter` (`,`
 * unless said: `;` and tab files come from spreadsheets in many locales). Blank lines are left out.
 *
 * @example
 * parseCsv('a,b\n"x, y",2')     // [['a', 'b'], ['x, y', '2']]
 * parseCsv('a;b\n"x; y";2', ';') // [['a', 'b'], ['x; y', '2']]
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  return parseCsvLines(text, delimiter).map((line) => line.cells)
}

/** A row of a CSV file with the number of the line it starts on (1 for the first), for error reports. */
export type CsvLine = { line: number; cells: string[] }

/**
 * Like `parseCsv`, with the line each row starts on: a quoted cell may hold line breaks, so the row's index is not
 * its line in a text editor or a spreadsheet.
 *
 * @example
 * parseCsvLines('a\n"x\ny"\nz') // [{ line: 1, cells: ['a'] }, { line: 2, cells: ['x\ny'] }, { line: 4, cells: ['z'] }]
 */
export function parseCsvLines(text: string, delimiter = ','): CsvLine[] {
  const rows: CsvLine[] = []
  let row: string[] = []
  let rowLine = 1
  let line = 1
  let i = 0
  const end = text.length
  // Slices rather than a character at a time: a spreadsheet's export can be tens of megabytes.
  while (i <= end) {
    let value: string
    if (text[i] === '"') {
      value = ''
      let from = i + 1
      for (;;) {
        const quote = text.indexOf('"', from)
        if (quote === -1) {
          value += text.slice(from)
          line += countBreaks(text, from, end)
          i = end
          break
        }
        value += text.slice(from, quote)
        line += countBreaks(text, from, quote)
        if (text[quote + 1] === '"') {
          value += '"'
          from = quote + 2
        } else {
          i = quote + 1
          break
        }
      }
      // Text after the closing quote up to the delimiter is kept, as spreadsheets do.
      const stop = nextStop(text, i, delimiter)
      value += text.slice(i, stop)
      i = stop
    } else {
      const stop = nextStop(text, i, delimiter)
      value = text.slice(i, stop)
      i = stop
    }
    row.push(value)
    if (i < end && text[i] === delimiter) {
      i++
      continue
    }
    if (row.length > 1 || row[0] !== '' || i < end) {
      if (row.some((cell) => cell.trim() !== '')) rows.push({ line: rowLine, cells: row })
    }
    row = []
    if (i >= end) break
    if (text[i] === '\r' && text[i + 1] === '\n') i++
    i++
    line++
    rowLine = line
  }
  return rows
}

/** The index of the next delimiter or line break at or after `from`, or the end of the text. */
function nextStop(text: string, from: number, delimiter: string): number {
  for (let i = from; i < text.length; i++) {
    const char = text[i]
    if (char === delimiter || char === '\n' || char === '\r') return i
  }
  return text.length
}

/** How many line breaks (CRLF counted once) lie in `text` between `from` and `to`. */
function countBreaks(text: string, from: number, to: number): number {
  let count = 0
  for (let i = from; i < to; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) count++
  }
  return count
}
