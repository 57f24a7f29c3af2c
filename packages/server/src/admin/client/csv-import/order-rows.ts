import type { CsvLine } from '../csv'
import { amountCell, quantityCell, quantityDecimal, timeCell } from './cell-readers'
import { absDecimal, addDecimals, decimalSign, decimalText, multiplyDecimals, type Decimal } from './decimal'
import { cellOf, type HeaderMap } from './header'
import type { ImportOptions, RowEvent, RowProblem } from './import-types'
import { withoutEmpty } from './without-empty'

/** A row read as a purchase or a refund (by the file's kind or its `type` cell). */
export type OrderRow = { row: CsvLine; kind: 'purchase' | 'refund' }

export type OrderEvents = { events: RowEvent[]; problems: readonly RowProblem[] }

/**
 * Purchase and refund rows as batch events. With a `price` column every row is a line of an order (or refund) and
 * the lines of one `orderId` (`refundId`) become one event with items, its amount their exact sum of quantity ×
 * price. Without one, every row is a whole order with its `amount`, and an id seen twice is refused. In purchases, an
 * order whose lines are all negative (quantities or prices: a cancellation invoice such as Online Retail's `C536379`),
 * or a negative amount, is a cancellation: it becomes a refund without an order, its id the refundId, its amounts
 * positive. An order mixing sales and returns, or whose lines name different customers or currencies, is refused
 * whole, as is an order with a row that cannot be read. Refunds' amounts are taken without their sign (some exports
 * write them negative).
 *
 * @example
 * const header = mapHeader(['InvoiceNo', 'Quantity', 'UnitPrice', 'CustomerID'])
 * orderEvents([{ row: { line: 2, cells: ['C536379', '-2', '2.55', '14527'] }, kind: 'purchase' }], header, options).events
 * // [{ line: 2, itemLines: [2], rows: 1, cancellation: true,
 * //    event: { type: 'refund', refundId: 'C536379', userId: '14527', amount: '5.10', currency: 'GBP', items: [{ quantity: 2, price: '2.55' }] } }]
 */
export function orderEvents(rows: readonly OrderRow[], header: HeaderMap, options: ImportOptions): OrderEvents {
  return header.columns.price === undefined ? wholeOrders(rows, header, options) : orderLines(rows, header, options)
}

/** The currency of a row: its cell in capitals, or the app's when the file has no currency column. */
function currencyOf(header: HeaderMap, row: CsvLine, options: ImportOptions): string {
  return header.columns.currency === undefined ? options.currency : cellOf(header, row.cells, 'currency').toUpperCase()
}

function idOf(header: HeaderMap, order: OrderRow): string {
  return cellOf(header, order.row.cells, order.kind === 'purchase' ? 'orderId' : 'refundId')
}

/** One row, one order (or refund). */
function wholeOrders(rows: readonly OrderRow[], header: HeaderMap, options: ImportOptions): OrderEvents {
  const events: RowEvent[] = []
  const problems: RowProblem[] = []
  const firstLine = new Map<string, number>()
  for (const order of rows) {
    const { row } = order
    const amount = amountCell(header, row, 'amount', options.decimalMark)
    const timestamp = timeCell(header, row, 'timestamp', options.dateOrder)
    if (!amount.ok || !timestamp.ok) {
      problems.push(...[amount, timestamp].flatMap((reading) => (reading.ok ? [] : [reading.problem])))
      continue
    }
    const id = idOf(header, order)
    const cancellation = order.kind === 'purchase' && amount.value !== undefined && decimalSign(amount.value) < 0
    const type = order.kind === 'refund' || cancellation ? 'refund' : 'purchase'
    if (id !== '') {
      const seen = firstLine.get(`${type}\u0000${id}`)
      if (seen !== undefined) {
        problems.push({ line: row.line, code: 'repeatedId', column: header.names[header.columns[order.kind === 'purchase' ? 'orderId' : 'refundId']!], value: id, otherLine: seen })
        continue
      }
      firstLine.set(`${type}\u0000${id}`, row.line)
    }
    const money = amount.value && (type === 'refund' ? absDecimal(amount.value) : amount.value)
    const product = cellOf(header, row.cells, 'product')
    const common = {
      userId: cellOf(header, row.cells, 'userId'),
      amount: money && decimalText(money),
      currency: currencyOf(header, row, options),
      timestamp: timestamp.value,
    }
    const event =
      type === 'purchase'
        ? withoutEmpty({ type, orderId: id, ...common, product, messageId: cellOf(header, row.cells, 'messageId') })
        : withoutEmpty({
            type,
            refundId: id,
            ...common,
            orderId: cancellation ? undefined : cellOf(header, row.cells, 'orderId'),
            items: product && money ? [withoutEmpty({ productId: cellOf(header, row.cells, 'productId'), name: product, price: decimalText(money) })] : undefined,
            reason: cellOf(header, row.cells, 'reason'),
            messageId: cellOf(header, row.cells, 'messageId'),
          })
    events.push({ line: row.line, rows: 1, ...(cancellation ? { cancellation } : {}), event })
  }
  return { events, problems }
}

const NO_PROBLEMS: readonly RowProblem[] = []

type OrderLine = { order: OrderRow; id: string; quantity: number; price: Decimal | undefined; timestamp: string | undefined; problems: readonly RowProblem[] }

/** Rows as lines of orders, grouped by id in the order each id first appears. */
function orderLines(rows: readonly OrderRow[], header: HeaderMap, options: ImportOptions): OrderEvents {
  const groups = new Map<string, OrderLine[]>()
  for (const order of rows) {
    const price = amountCell(header, order.row, 'price', options.decimalMark)
    const quantity = quantityCell(header, order.row, options.decimalMark)
    const timestamp = timeCell(header, order.row, 'timestamp', options.dateOrder)
    const line: OrderLine = {
      order,
      id: idOf(header, order),
      quantity: quantity.ok ? quantity.value : 0,
      price: price.ok ? price.value : undefined,
      timestamp: timestamp.ok ? timestamp.value : undefined,
      problems: price.ok && quantity.ok && timestamp.ok ? NO_PROBLEMS : [price, quantity, timestamp].flatMap((reading) => (reading.ok ? [] : [reading.problem])),
    }
    // A row without an id is an order of its own, which the server refuses for its missing id.
    const key = line.id === '' ? `\u0001${order.row.line}` : `${order.kind}\u0000${line.id}`
    const group = groups.get(key)
    if (group) group.push(line)
    else groups.set(key, [line])
  }
  const events: RowEvent[] = []
  const problems: RowProblem[] = []
  for (const lines of groups.values()) {
    const made = orderOfLines(lines, header, options)
    if ('event' in made) events.push(made)
    else problems.push(...made.map((problem) => (lines.length > 1 && lines[0]!.id !== '' ? { ...problem, groupId: lines[0]!.id } : problem)))
  }
  return { events, problems }
}

/** One order's (or refund's) lines as its event, or why it is refused. */
function orderOfLines(lines: readonly OrderLine[], header: HeaderMap, options: ImportOptions): RowEvent | RowProblem[] {
  const unreadable = lines.flatMap((line) => line.problems)
  if (unreadable.length > 0) return unreadable
  const first = lines[0]!
  for (const field of ['userId', 'currency'] as const) {
    const value = (line: OrderLine) => (field === 'currency' ? currencyOf(header, line.order.row, options) : cellOf(header, line.order.row.cells, field))
    const other = lines.find((line) => value(line) !== value(first))
    if (other) return [{ line: other.order.row.line, code: 'linesDisagree', column: header.names[header.columns[field]!], value: value(other), otherLine: first.order.row.line }]
  }
  const isReturn = (line: OrderLine) => line.quantity < 0 || (line.price !== undefined && decimalSign(line.price) < 0)
  const cancellation = first.order.kind === 'purchase' && isReturn(first)
  if (first.order.kind === 'purchase') {
    const other = lines.find((line) => isReturn(line) !== cancellation)
    if (other) return [{ line: other.order.row.line, code: 'mixedSigns', value: first.id, otherLine: first.order.row.line }]
  }
  const type = first.order.kind === 'refund' || cancellation ? 'refund' : 'purchase'
  let total: Decimal = { units: 0n, scale: 0 }
  const items = lines.map((line) => {
    const quantity = Math.abs(line.quantity)
    const price = line.price && absDecimal(line.price)
    if (price) total = addDecimals(total, multiplyDecimals(quantityDecimal(quantity), price))
    const row = line.order.row.cells
    const product = cellOf(header, row, 'product')
    const productId = cellOf(header, row, 'productId')
    return withoutEmpty({
      productId,
      name: product || productId,
      category: type === 'purchase' ? cellOf(header, row, 'category') : undefined,
      quantity,
      price: price && decimalText(price),
    })
  })
  const cells = first.order.row.cells
  const common = {
    userId: cellOf(header, cells, 'userId'),
    amount: decimalText(total),
    currency: currencyOf(header, first.order.row, options),
    timestamp: first.timestamp,
  }
  const event =
    type === 'purchase'
      ? withoutEmpty({ type, orderId: first.id, ...common, items, messageId: cellOf(header, cells, 'messageId') })
      : withoutEmpty({
          type,
          refundId: first.id,
          ...common,
          orderId: cancellation ? undefined : cellOf(header, cells, 'orderId'),
          items,
          reason: cellOf(header, cells, 'reason'),
          messageId: cellOf(header, cells, 'messageId'),
        })
  return { line: first.order.row.line, itemLines: lines.map((line) => line.order.row.line), rows: lines.length, ...(cancellation ? { cancellation } : {}), event }
}
