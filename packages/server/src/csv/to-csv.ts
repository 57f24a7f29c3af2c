import { csvCell, type CsvValue } from './csv-cell'

/**
 * One row as a line of CSV, with its CRLF (RFC 4180): for a writer that streams rows one by one.
 *
 * @example
 * csvRow(['u1', 'Ada, Countess', 42]) // 'u1,"Ada, Countess",42\r\n'
 */
export function csvRow(row: readonly CsvValue[]): string {
  return `${row.map(csvCell).join(',')}\r\n`
}

/**
 * Rows (a header first, as a rule) as CSV text, each cell made safe by `csvCell`.
 *
 * @example
 * toCsv([['userId', 'name'], ['u1', 'Ada']]) // 'userId,name\r\nu1,Ada\r\n'
 */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map(csvRow).join('')
}
