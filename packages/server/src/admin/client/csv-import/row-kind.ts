import type { HeaderMap } from './header'
import type { ImportOptions, RowKind } from './import-types'

const KIND_NAMES: Record<string, RowKind> = {
  user: 'user',
  users: 'user',
  purchase: 'purchase',
  purchases: 'purchase',
  refund: 'refund',
  refunds: 'refund',
  event: 'event',
  events: 'event',
  пользователь: 'user',
  покупка: 'purchase',
  возврат: 'refund',
  событие: 'event',
}

/**
 * What a file's rows are: the choice made in the form; else `byRow` when the file has a `type` column; else what its
 * header says (a `refundId` column means refunds, an `event` column events, an `orderId`, `amount` or `price` column
 * purchases, a `userId` column without those users); undefined when the header says none of these.
 *
 * @example
 * fileKind(mapHeader(['refundId', 'userId', 'amount']), 'detect') // 'refund'
 * fileKind(mapHeader(['type', 'userId']), 'detect')               // 'byRow'
 */
export function fileKind(header: HeaderMap, choice: ImportOptions['kind']): RowKind | 'byRow' | undefined {
  if (choice !== 'detect') return choice
  const has = (field: keyof HeaderMap['columns']) => header.columns[field] !== undefined
  if (has('type')) return 'byRow'
  if (has('refundId')) return 'refund'
  if (has('event')) return 'event'
  if (has('orderId') || has('amount') || has('price')) return 'purchase'
  if (has('userId')) return 'user'
  return undefined
}

/**
 * The kind a `type` cell names (`purchase`, `refund`, `event`, `user`, any case, also plural or in Russian).
 *
 * @example
 * rowKind(' Refund ') // 'refund'
 * rowKind('order')    // undefined
 */
export function rowKind(cell: string): RowKind | undefined {
  return KIND_NAMES[cell.trim().toLowerCase()]
}
