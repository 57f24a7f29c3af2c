import { parseCsvLines } from '../csv'
import { sniffDelimiter, type Delimiter } from './delimiter'
import { eventRow } from './event-rows'
import { cellOf, mapHeader, type HeaderMap } from './header'
import type { ImportOptions, RowEvent, RowKind, RowProblem } from './import-types'
import { contentMessageIds } from './message-id'
import { orderEvents, type OrderRow } from './order-rows'
import { fileKind, rowKind } from './row-kind'
import { userRow } from './user-rows'

/** What one CSV file holds, ready to send, and what the user should be told about how it was read. */
export type ImportFile = {
  delimiter: Delimiter
  header: HeaderMap
  /** The kind of every row, `byRow` for a file with a `type` column, undefined when the header tells nothing. */
  kind: RowKind | 'byRow' | undefined
  /** Rows below the header. */
  rows: number
  events: RowEvent[]
  /** Rows refused before sending, by line. */
  problems: RowProblem[]
  /** Purchases' negative invoices sent as refunds without an order. */
  cancellations: number
  /** Whether purchases or refunds took the app's currency for want of a currency column. */
  appCurrency: boolean
}

/**
 * Reads a CSV file's text (see `decodeText`) into batch events: the delimiter sniffed, the header matched in any
 * column order, each row made a user, a purchase (an invoice's lines grouped), a refund or an event by its `type`
 * cell, the form's choice or the header, and rows that cannot be read refused with their line.
 *
 * @example
 * const file = readImportFile('type;userId;event\nevent;u1;Signed in\n', options)
 * file.events[0].event // { type: 'event', userId: 'u1', event: 'Signed in', messageId: 'csv-…-1' }
 */
export function readImportFile(text: string, options: ImportOptions): ImportFile {
  const sniffed = sniffDelimiter(text)
  const [head, ...body] = parseCsvLines(sniffed.text, sniffed.delimiter)
  const header = mapHeader(head?.cells ?? [])
  const kind = fileKind(header, options.kind)
  const file: ImportFile = { delimiter: sniffed.delimiter, header, kind, rows: body.length, events: [], problems: [], cancellations: 0, appCurrency: false }
  if (kind === undefined) return file
  const nextMessageId = contentMessageIds()
  const orders: OrderRow[] = []
  for (const row of body) {
    const rowsKind = kind === 'byRow' ? rowKind(cellOf(header, row.cells, 'type')) : kind
    if (rowsKind === undefined) {
      file.problems.push({ line: row.line, code: 'unknownType', column: header.names[header.columns.type!], value: cellOf(header, row.cells, 'type') })
    } else if (rowsKind === 'purchase' || rowsKind === 'refund') {
      orders.push({ row, kind: rowsKind })
    } else {
      const made = rowsKind === 'user' ? userRow(header, row, options) : eventRow(header, row, options, nextMessageId)
      if ('event' in made) file.events.push(made)
      else file.problems.push(made)
    }
  }
  const fromOrders = orderEvents(orders, header, options)
  file.events.push(...fromOrders.events)
  file.problems.push(...fromOrders.problems)
  file.events.sort((a, b) => a.line - b.line)
  file.problems.sort((a, b) => a.line - b.line)
  file.cancellations = fromOrders.events.filter((made) => made.cancellation).length
  file.appCurrency = orders.length > 0 && header.columns.currency === undefined
  return file
}
