import type { CsvLine } from '../csv'
import { readAmount, type DecimalMark } from './amount'
import { readDateTime, type DateOrder } from './date-time'
import { decimalOf, wholeNumber, type Decimal } from './decimal'
import { cellOf, type HeaderMap } from './header'
import type { RowProblem } from './import-types'
import { memoize } from './memo'

const readDate = memoize(readDateTime)
const readMoney = memoize(readAmount)

export type CellReading<T> = { ok: true; value: T } | { ok: false; problem: RowProblem }

/**
 * A row's time cell (`timestamp` or `createdAt`) as the server's ISO text; undefined when empty (the server then
 * takes now, or when first seen); a problem naming the row and the column when it is not a date.
 *
 * @example
 * timeCell(mapHeader(['Date']), { line: 2, cells: ['10.12.2011'] }, 'timestamp', 'detect')
 * // { ok: true, value: '2011-12-10T00:00:00' }
 */
export function timeCell(header: HeaderMap, row: CsvLine, field: 'timestamp' | 'createdAt', order: DateOrder): CellReading<string | undefined> {
  const cell = cellOf(header, row.cells, field)
  if (cell === '') return { ok: true, value: undefined }
  const reading = readDate(cell, order)
  return reading.ok ? reading : { ok: false, problem: problem(header, row, field, reading.problem) }
}

/**
 * A row's money cell (`amount` or `price`) as an exact decimal, sign kept; undefined when empty (the server then
 * says it is missing).
 *
 * @example
 * amountCell(mapHeader(['Сумма']), { line: 2, cells: ['1 200,50'] }, 'amount', 'detect')
 * // { ok: true, value: { units: 120050n, scale: 2 } }
 */
export function amountCell(header: HeaderMap, row: CsvLine, field: 'amount' | 'price', mark: DecimalMark): CellReading<Decimal | undefined> {
  const cell = cellOf(header, row.cells, field)
  if (cell === '') return { ok: true, value: undefined }
  const reading = readMoney(cell, mark)
  return reading.ok ? reading : { ok: false, problem: problem(header, row, field, reading.problem) }
}

/**
 * A row's quantity, sign kept (a cancellation's is negative); 1 when the file has no quantity or the cell is empty.
 *
 * @example
 * quantityCell(mapHeader(['Quantity']), { line: 2, cells: ['-6'] }, 'detect') // { ok: true, value: -6 }
 */
export function quantityCell(header: HeaderMap, row: CsvLine, mark: DecimalMark): CellReading<number> {
  const cell = cellOf(header, row.cells, 'quantity')
  if (cell === '') return { ok: true, value: 1 }
  const reading = readMoney(cell, mark)
  if (!reading.ok) return { ok: false, problem: problem(header, row, 'quantity', reading.problem) }
  const whole = wholeNumber(reading.value)
  return whole === undefined ? { ok: false, problem: problem(header, row, 'quantity', 'notWholeQuantity') } : { ok: true, value: whole }
}

/**
 * A quantity as a decimal, to multiply by a price exactly.
 *
 * @example
 * quantityDecimal(-6) // { units: -6n, scale: 0 }
 */
export function quantityDecimal(quantity: number): Decimal {
  return decimalOf(String(quantity))
}

function problem(header: HeaderMap, row: CsvLine, field: 'timestamp' | 'createdAt' | 'amount' | 'price' | 'quantity', code: RowProblem['code']): RowProblem {
  const column = header.columns[field]!
  return { line: row.line, code, column: header.names[column], value: row.cells[column]?.trim() }
}
