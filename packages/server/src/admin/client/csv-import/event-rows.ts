import type { CsvLine } from '../csv'
import { timeCell } from './cell-readers'
import { cellOf, otherCells, type HeaderMap } from './header'
import type { ImportOptions, RowEvent, RowProblem } from './import-types'
import { withoutEmpty } from './without-empty'

const EVENT_FIELDS = ['type', 'userId', 'event', 'timestamp', 'messageId'] as const

/**
 * A CSV row as a custom `event`: user, event name and time, every other column a property (kept as text). Its
 * `messageId` is the file's, else one made from its content by `nextMessageId`, so importing the file again does not
 * count it twice.
 *
 * @example
 * eventRow(mapHeader(['userId', 'event', 'date', 'page']), { line: 2, cells: ['u1', 'Viewed pricing', '2025-01-06', '/pricing'] }, options, contentMessageIds())
 * // { line: 2, rows: 1, event: { type: 'event', userId: 'u1', event: 'Viewed pricing', timestamp: '2025-01-06T00:00:00', properties: { page: '/pricing' }, messageId: 'csv-…-1' } }
 */
export function eventRow(
  header: HeaderMap,
  row: CsvLine,
  options: ImportOptions,
  nextMessageId: (content: Record<string, unknown>) => string,
): RowEvent | RowProblem {
  const timestamp = timeCell(header, row, 'timestamp', options.dateOrder)
  if (!timestamp.ok) return timestamp.problem
  const properties = otherCells(header, row.cells, EVENT_FIELDS)
  const content = withoutEmpty({
    type: 'event',
    userId: cellOf(header, row.cells, 'userId'),
    event: cellOf(header, row.cells, 'event'),
    timestamp: timestamp.value,
    properties: Object.keys(properties).length > 0 ? properties : undefined,
  })
  return { line: row.line, rows: 1, event: { ...content, messageId: cellOf(header, row.cells, 'messageId') || nextMessageId(content) } }
}
