import type { Db } from './database'

/**
 * A refund of an order as the insights link it to the ledger: [refund ts, customer row id, refund amount, order row
 * id, order ts, order amount, refund row id]. The ledger holds neither row id, so the refund and its order are found
 * there by what they are (time, customer, amount); the ids order twins.
 */
export type RefundLinkRow = [ts: number, customerId: number, amount: number, purchaseId: number, orderTs: number, orderAmount: number, id: number]

/** A customer's custom events in two windows before an instant: [customer row id, userId, recent, earlier]. */
export type RecentActivityRow = [customerId: number, userId: string, recent: number, earlier: number]

/**
 * Read-only access for what the insights need beside the ledger: which order each refund is of (the ledger keeps a
 * refund's products, not its order), the refunds per order and per customer as of an instant (for customer models
 * read from the store), and who was active in custom events lately.
 *
 * @example
 * for (const [ts, customerId, amount, purchaseId] of store.refundLinks(appId, ledger.refunds.watermark)) ...
 */
export class InsightInputsStore {
  readonly #allRefundLinks
  readonly #refundLinksAfter
  readonly #twinRank
  readonly #orderRefunds
  readonly #unlinkedRefunds
  readonly #activity

  constructor(db: Db) {
    const refundLinks = `SELECT r.ts, r.customer_id, r.amount, r.purchase_id, p.ts, p.amount, r.id FROM refunds r JOIN purchases p ON p.id = r.purchase_id`
    this.#allRefundLinks = db.prepare<[number, number]>(`${refundLinks} WHERE r.app_id = ? AND r.purchase_id IS NOT NULL AND r.id <= ?`).raw(true)
    // After a watermark, through the rowid: `+app_id` keeps the planner off the app's whole index range.
    this.#refundLinksAfter = db
      .prepare<[number, number, number]>(`${refundLinks} WHERE r.id > ? AND r.id <= ? AND +r.app_id = ? AND r.purchase_id IS NOT NULL`)
      .raw(true)
    this.#twinRank = db
      .prepare<[number], number>(
        `SELECT count(*) FROM purchases p JOIN purchases q ON q.app_id = p.app_id AND q.ts = p.ts
         WHERE p.id = ? AND q.customer_id = p.customer_id AND q.amount = p.amount AND q.id < p.id`,
      )
      .pluck(true)
    this.#orderRefunds = db
      .prepare<[number, number]>('SELECT purchase_id, sum(amount) FROM refunds WHERE app_id = ? AND purchase_id IS NOT NULL AND ts <= ? GROUP BY purchase_id')
      .raw(true)
    this.#unlinkedRefunds = db
      .prepare<[number, string, number]>(
        'SELECT customer_id, sum(amount) FROM refunds WHERE app_id = ? AND purchase_id IS NULL AND currency = ? AND ts <= ? GROUP BY customer_id',
      )
      .raw(true)
    // Grouped first, then named: one customers lookup per customer, not per event. events_by_time covers the range.
    this.#activity = db
      .prepare<{ app: number; from: number; split: number; to: number }>(
        `SELECT g.customer_id, c.user_id, g.recent, g.earlier FROM (
           SELECT customer_id, sum(ts > @split) AS recent, sum(ts <= @split) AS earlier FROM events
           WHERE app_id = @app AND ts > @from AND ts <= @to GROUP BY customer_id
         ) g JOIN customers c ON c.id = g.customer_id`,
      )
      .raw(true)
  }

  /**
   * The app's refunds of an order with a row id in (`afterId`, `maxRefundId`] (up to what a ledger has read: its
   * refund watermark), with their orders' time and amount; in no particular order.
   *
   * @example
   * store.refundLinks(appId, ledger.refunds.watermark)[0] // [1767261600000, 12, 500, 3, 1767175200000, 2000, 41]
   */
  refundLinks(appId: number, maxRefundId: number, afterId = 0): RefundLinkRow[] {
    return (afterId === 0 ? this.#allRefundLinks.all(appId, maxRefundId) : this.#refundLinksAfter.all(afterId, maxRefundId, appId)) as RefundLinkRow[]
  }

  /**
   * How many orders of the same customer, instant and amount as this one have a lower row id: which of identical
   * twins it is in the ledger, which holds ties in row-id order.
   *
   * @example
   * store.twinRank(purchaseId) // 0 for an order without twins
   */
  twinRank(purchaseId: number): number {
    return this.#twinRank.get(purchaseId) ?? 0
  }

  /**
   * How much of each order the refunds dated up to `asOf` gave back, by purchase row id (refunds of an order are in
   * its currency).
   *
   * @example
   * store.orderRefunds(appId, Date.now()).get(purchaseId) // 500
   */
  orderRefunds(appId: number, asOf: number): Map<number, number> {
    return new Map(this.#orderRefunds.all(appId, asOf) as [number, number][])
  }

  /**
   * Refunds of no order dated up to `asOf`, in `currency`, summed by customer row id.
   *
   * @example
   * store.unlinkedRefunds(appId, 'USD', Date.now()).get(customerRowId) // 1200
   */
  unlinkedRefunds(appId: number, currency: string, asOf: number): Map<number, number> {
    return new Map(this.#unlinkedRefunds.all(appId, currency, asOf) as [number, number][])
  }

  /**
   * Each customer with custom events in (`asOf` − 2 × `windowMs`, `asOf`]: how many in the last window (`recent`)
   * and how many in the one before (`earlier`).
   *
   * @example
   * store.recentActivity(appId, Date.now(), 30 * 86_400_000) // [[12, 'user-12', 5, 0], ...]
   */
  recentActivity(appId: number, asOf: number, windowMs: number): RecentActivityRow[] {
    return this.#activity.all({ app: appId, from: asOf - 2 * windowMs, split: asOf - windowMs, to: asOf }) as RecentActivityRow[]
  }
}
