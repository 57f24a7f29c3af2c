import type { AmountProblem, DecimalMark } from './amount'
import type { DateOrder, DateProblem } from './date-time'

/** The four kinds of batch event a CSV row can become. */
export type RowKind = 'user' | 'purchase' | 'refund' | 'event'

/** The import form's choices. */
export type ImportOptions = {
  /** What the rows are: `detect` reads a `type` column, else guesses nothing and decides by the header's columns. */
  kind: 'detect' | RowKind
  dateOrder: DateOrder
  decimalMark: DecimalMark
  /** The currency of a file without a currency column: the app's. */
  currency: string
}

/** A batch event made of one or more CSV rows (an invoice's lines), with their lines for the error report. */
export type RowEvent = {
  /** The line of the first row. */
  line: number
  /** The line of each item's row, by item index, so a rejected `items.3.price` names its row. */
  itemLines?: number[]
  /** How many CSV rows it covers, for the progress bar. */
  rows: number
  /** A purchases file's negative invoice, sent as a refund without an order. */
  cancellation?: boolean
  event: Record<string, unknown>
}

/** Why the importer refused a row before sending anything. */
export type ProblemCode =
  | AmountProblem
  | DateProblem
  | 'unknownType'
  | 'notWholeQuantity'
  /** An invoice mixes sales and returns. */
  | 'mixedSigns'
  /** An invoice's lines name different customers or currencies. */
  | 'linesDisagree'
  /** A one-row-per-order file names an order twice. */
  | 'repeatedId'

export type RowProblem = {
  line: number
  code: ProblemCode
  /** The column's header as the file writes it. */
  column?: string
  /** The cell as the file writes it. */
  value?: string
  /** The order or refund left out with this row (its other rows are not imported either). */
  groupId?: string
  /** Another row the problem involves (the first of a repeated order, the line another disagrees with). */
  otherLine?: number
}
