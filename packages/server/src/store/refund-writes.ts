import type { CustomerResolver } from './customer-resolver'
import type { Db } from './database'

export type RefundItemWrite = { productId: string | null; name: string; quantity: number; price: number }

/** A validated refund, amounts in integer minor units of `currency`. */
export type RefundWrite = {
  type: 'refund'
  refundId: string
  userId: string
  messageId?: string
  /** Greater than 0. */
  amount: number
  currency: string
  /** The refunded order, of this user; absent for a refund of the customer alone (a goodwill credit). */
  orderId?: string
  timestamp: number
  /** False when the timestamp defaulted to the time of receipt: a replay is then recognised whatever its time. */
  timestampGiven: boolean
  /** JSON text of the refunded items (`RefundItemWrite[]`), when given. */
  items?: string
  reason?: string
}

/**
 * Why a refund was refused in the writer's transaction, where the order it names is read: no order of this user
 * with that orderId (another user's, or another app's, is none), not the order's currency, or more than what is
 * left of the order once its earlier refunds are taken off.
 */
export type RefundRejection = 'order_not_found' | 'currency_mismatch' | 'over_refund'

export type RefundOutcome = 'created' | 'duplicate' | 'conflict' | RefundRejection

type StoredRefund = {
  userId: string
  amount: number
  currency: string
  orderId: string | null
  ts: number
  items: string | null
  reason: string | null
}
type Order = { id: number; customerId: number; amount: number; currency: string }

/**
 * Writes refunds inside the ingestion store's transaction. The refunds of one order never add up to more than its
 * amount: the check reads the sum of its refunds in the same transaction that inserts, and a single writer runs
 * the transactions one at a time, so two refunds of one order sent together cannot both pass. A refund that is
 * refused or conflicts writes nothing (its caller forgets its messageId).
 *
 * @example
 * const outcome = refunds.write(appId, Date.now(), refund, counters) // 'created' | 'over_refund' | …
 */
export class RefundWrites {
  readonly #storedRefund
  readonly #order
  readonly #refunded
  readonly #insert

  constructor(
    db: Db,
    private readonly customers: CustomerResolver,
  ) {
    this.#storedRefund = db.prepare<[number, string], StoredRefund>(
      `SELECT c.user_id AS userId, r.amount, r.currency, p.order_id AS orderId, r.ts, r.items, r.reason
       FROM refunds r JOIN customers c ON c.id = r.customer_id LEFT JOIN purchases p ON p.id = r.purchase_id
       WHERE r.app_id = ? AND r.refund_id = ?`,
    )
    this.#order = db.prepare<[number, string], Order>(
      'SELECT id, customer_id AS customerId, amount, currency FROM purchases WHERE app_id = ? AND order_id = ?',
    )
    this.#refunded = db
      .prepare<[number, number], number>('SELECT coalesce(sum(amount), 0) FROM refunds WHERE app_id = ? AND purchase_id = ?')
      .pluck(true)
    this.#insert = db.prepare(
      `INSERT INTO refunds (app_id, refund_id, customer_id, purchase_id, amount, currency, ts, items, reason, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
  }

  /** Writes one refund whose messageId (if any) was a first sighting; counts what it added in `counters`. */
  write(appId: number, receivedAt: number, event: RefundWrite, counters: { customers: number; refunds: number }): RefundOutcome {
    // A refundId seen before is a replay or a conflict before anything else: a retry of a refund that emptied its
    // order is a duplicate, not an over-refund.
    const stored = this.#storedRefund.get(appId, event.refundId)
    if (stored !== undefined) return sameRefund(stored, event) ? 'duplicate' : 'conflict'
    let customerId: number
    let purchaseId: number | null = null
    if (event.orderId !== undefined) {
      const order = this.#order.get(appId, event.orderId)
      if (order === undefined || order.customerId !== this.customers.find(appId, event.userId)) return 'order_not_found'
      if (order.currency !== event.currency) return 'currency_mismatch'
      if (this.#refunded.get(appId, order.id)! + event.amount > order.amount) return 'over_refund'
      customerId = order.customerId
      purchaseId = order.id
    } else {
      const found = this.customers.find(appId, event.userId)
      if (found === undefined) {
        customerId = this.customers.create(appId, event.userId, event.timestamp, receivedAt)
        counters.customers += 1
      } else customerId = found
    }
    this.#insert.run(
      appId,
      event.refundId,
      customerId,
      purchaseId,
      event.amount,
      event.currency,
      event.timestamp,
      event.items ?? null,
      event.reason ?? null,
      receivedAt,
    )
    counters.refunds += 1
    return 'created'
  }
}

/** The same refund as stored: user, amount, currency, order, timestamp as given, items and reason. */
function sameRefund(stored: StoredRefund, event: RefundWrite): boolean {
  return (
    stored.userId === event.userId &&
    stored.amount === event.amount &&
    stored.currency === event.currency &&
    stored.orderId === (event.orderId ?? null) &&
    (!event.timestampGiven || stored.ts === event.timestamp) &&
    stored.items === (event.items ?? null) &&
    stored.reason === (event.reason ?? null)
  )
}
