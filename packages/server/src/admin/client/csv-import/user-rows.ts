import type { CsvLine } from '../csv'
import { timeCell } from './cell-readers'
import { cellOf, otherCells, type HeaderMap } from './header'
import type { ImportOptions, RowEvent, RowProblem } from './import-types'
import { withoutEmpty } from './without-empty'

const USER_FIELDS = ['type', 'userId', 'name', 'email', 'phone', 'createdAt', 'timestamp', 'messageId'] as const

/**
 * A CSV row as a `user` event: id, name, email, phone and sign-up time (`createdAt`, else the row's date column),
 * every other column a trait. Empty cells are left out, so the server says what is missing.
 *
 * @example
 * userRow(mapHeader(['userId', 'name', 'plan']), { line: 2, cells: ['u1', 'Ada', 'pro'] }, options)
 * // { line: 2, rows: 1, event: { type: 'user', userId: 'u1', name: 'Ada', traits: { plan: 'pro' } } }
 */
export function userRow(header: HeaderMap, row: CsvLine, options: ImportOptions): RowEvent | RowProblem {
  const created = timeCell(header, row, header.columns.createdAt === undefined ? 'timestamp' : 'createdAt', options.dateOrder)
  if (!created.ok) return created.problem
  const traits = otherCells(header, row.cells, USER_FIELDS)
  const event = withoutEmpty({
    type: 'user',
    userId: cellOf(header, row.cells, 'userId'),
    name: cellOf(header, row.cells, 'name'),
    email: cellOf(header, row.cells, 'email'),
    phone: cellOf(header, row.cells, 'phone'),
    createdAt: created.value,
    traits: Object.keys(traits).length > 0 ? traits : undefined,
    messageId: cellOf(header, row.cells, 'messageId'),
  })
  return { line: row.line, rows: 1, event }
}
