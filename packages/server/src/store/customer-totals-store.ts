import { CustomerTotalsDelta, type TotalsDelta, type TotalsWatermarks } from './customer-totals-delta'
import type { Db } from './database'

export type { TotalsDelta, TotalsWatermarks } from './customer-totals-delta'

/**
 * Keeps the customers' totals (`orders`, `revenue` net of refunds, `revenue_orders`, `refunds`,
 * `first_purchase_at`, `last_purchase_at`, `last_seen_at`, and `created_at` lowered to the first purchase), which
 * the lists show and sort by, and each customer's history by time: `customer_purchases` (its purchases) and
 * `customer_activity` (its custom events).
 *
 * Ingestion only appends purchases, refunds and events: updating the customer's row (and moving it in the revenue,
 * last-purchase and last-seen indexes) at every event cost more than the event itself, and dirtied a random page
 * per event; so did an index of purchases by customer, once customers came in any order. Both are brought up to
 * date in bulk instead, each for the rows after its own durable watermark (`totals_through` and `refunds_through`
 * for the totals, `purchases_through` and `events_through` for the histories, the events' part also moving
 * `last_seen_at`): in the background after ingestion, before any list of customers, and before a read of one
 * customer when many rows wait (the writer thread refreshes, on the customers service's request); a customer read
 * adds the few after the watermarks itself (`delta()`, and the purchases and events read by rowid past
 * `purchases_through` and `events_through`). Each part moves its watermark in the transaction that does its work,
 * so any connection can refresh and a crash loses nothing: purchases, refunds and events are the record, the rest
 * is derived from them. The writer thread runs the totals and the histories as two transactions, so that the
 * commits waiting behind a large refresh go in between instead of after both.
 *
 * @example
 * totals.refresh() // 0 when nothing was purchased, refunded or tracked since the last refresh
 */
export class CustomerTotalsStore {
  readonly #refresh
  readonly #refreshTotals
  readonly #refreshCustomerHistories
  readonly #watermarks
  readonly #delta

  constructor(db: Db) {
    const watermarks = db.prepare<
      [],
      TotalsWatermarks & { purchasesThrough: number; latest: number; latestRefund: number; latestEvent: number }
    >(
      `SELECT totals_through AS totalsThrough, purchases_through AS purchasesThrough,
         (SELECT coalesce(max(id), 0) FROM purchases) AS latest,
         refunds_through AS refundsThrough, (SELECT coalesce(max(id), 0) FROM refunds) AS latestRefund,
         events_through AS eventsThrough, (SELECT coalesce(max(id), 0) FROM events) AS latestEvent
       FROM customer_totals`,
    )
    // One pass over the new purchases, grouped by customer; the app's currency decides what counts as revenue.
    const addPurchases = db.prepare(
      `UPDATE customers SET
         orders = orders + fresh.added_orders,
         revenue = revenue + fresh.added_revenue,
         revenue_orders = revenue_orders + fresh.added_revenue_orders,
         first_purchase_at = min(coalesce(first_purchase_at, fresh.first_at), fresh.first_at),
         last_purchase_at = max(coalesce(last_purchase_at, fresh.last_at), fresh.last_at),
         last_seen_at = max(coalesce(last_seen_at, fresh.last_at), fresh.last_at),
         created_at = min(created_at, fresh.first_at)
       FROM (
         SELECT p.customer_id AS customer_id, count(*) AS added_orders,
           sum(iif(p.currency = a.currency, p.amount, 0)) AS added_revenue,
           sum(p.currency = a.currency) AS added_revenue_orders, min(p.ts) AS first_at, max(p.ts) AS last_at
         FROM purchases p JOIN apps a ON a.id = p.app_id
         WHERE p.id > @through AND p.id <= @latest
         GROUP BY p.customer_id
       ) AS fresh
       WHERE customers.id = fresh.customer_id`,
    )
    // The new refunds likewise, each on its own time; only those in the app's currency come off its revenue.
    const addRefunds = db.prepare(
      `UPDATE customers SET
         revenue = revenue - fresh.refunded,
         refunds = refunds + fresh.refunded,
         last_seen_at = max(coalesce(last_seen_at, fresh.last_at), fresh.last_at)
       FROM (
         SELECT r.customer_id AS customer_id, sum(iif(r.currency = a.currency, r.amount, 0)) AS refunded, max(r.ts) AS last_at
         FROM refunds r JOIN apps a ON a.id = r.app_id
         WHERE r.id > @through AND r.id <= @latest
         GROUP BY r.customer_id
       ) AS fresh
       WHERE customers.id = fresh.customer_id`,
    )
    // In customer order, so each page of the table is written once per refresh, not once per commit.
    const addCustomerPurchases = db.prepare(
      `INSERT INTO customer_purchases (customer_id, ts, purchase_id)
       SELECT customer_id, ts, id FROM purchases WHERE id > @through AND id <= @latest ORDER BY customer_id, ts, id`,
    )
    // Likewise each customer's events, in (app, customer) order.
    const addCustomerActivity = db.prepare(
      `INSERT INTO customer_activity (app_id, customer_id, ts, event_id)
       SELECT app_id, customer_id, ts, id FROM events WHERE id > @through AND id <= @latest ORDER BY app_id, customer_id, ts, id`,
    )
    // An event only moves when its customer was last seen; an older one (an imported history) writes nothing.
    const seeEvents = db.prepare(
      `UPDATE customers SET last_seen_at = fresh.last_at
       FROM (SELECT customer_id, max(ts) AS last_at FROM events WHERE id > @through AND id <= @latest GROUP BY customer_id) AS fresh
       WHERE customers.id = fresh.customer_id AND (last_seen_at IS NULL OR last_seen_at < fresh.last_at)`,
    )
    const advanceTotals = db.prepare('UPDATE customer_totals SET totals_through = ?')
    const advanceRefunds = db.prepare('UPDATE customer_totals SET refunds_through = ?')
    const advancePurchases = db.prepare('UPDATE customer_totals SET purchases_through = ?')
    const advanceEvents = db.prepare('UPDATE customer_totals SET events_through = ?')
    type Watermarks = NonNullable<ReturnType<typeof watermarks.get>>
    type Range = { through: number; latest: number }
    /**
     * One part of a refresh: its work on the rows after its own watermark, then the watermark moved past them.
     * Returns what the first statement changed (customers, or rows added to a history).
     */
    const part =
      (marksOf: (marks: Watermarks) => [through: number, latest: number], advance: typeof advanceTotals, ...work: (typeof addPurchases)[]) =>
      (): number => {
        const [through, latest] = marksOf(watermarks.get()!)
        if (latest <= through) return 0
        const range: Range = { through, latest }
        const [changed = 0] = work.map((statement) => statement.run(range).changes)
        advance.run(latest)
        return changed
      }
    const purchaseTotalsPart = part((marks) => [marks.totalsThrough, marks.latest], advanceTotals, addPurchases)
    const refundTotalsPart = part((marks) => [marks.refundsThrough, marks.latestRefund], advanceRefunds, addRefunds)
    const totalsPart = (): number => purchaseTotalsPart() + refundTotalsPart()
    const customerPurchasesPart = part((marks) => [marks.purchasesThrough, marks.latest], advancePurchases, addCustomerPurchases)
    const customerActivityPart = part((marks) => [marks.eventsThrough, marks.latestEvent], advanceEvents, addCustomerActivity, seeEvents)
    const customerHistoriesPart = (): number => customerPurchasesPart() + customerActivityPart()
    this.#watermarks = watermarks
    // Immediate: a watermark is read and advanced under the write lock, so two connections never race.
    this.#refreshTotals = db.transaction(totalsPart).immediate
    this.#refreshCustomerHistories = db.transaction(customerHistoriesPart).immediate
    // All in one transaction: after it, the totals and customer_purchases hold the same purchases (a recount of an
    // app's revenue from customer_purchases relies on it).
    this.#refresh = db.transaction((): number => {
      const changed = totalsPart()
      customerHistoriesPart()
      return changed
    }).immediate
    this.#delta = new CustomerTotalsDelta(db)
  }

  /**
   * Rows a refresh has yet to take: the purchases not yet in the totals or in `customer_purchases`, the refunds
   * not yet in the totals, or the events not yet in `customer_activity`, whichever is more (cheap: rowid lookups).
   * A customer's reads scan that many.
   *
   * @example
   * if (totals.pending() > 10_000) totals.refresh()
   */
  pending(): number {
    const { totalsThrough, purchasesThrough, latest, refundsThrough, latestRefund, eventsThrough, latestEvent } = this.#watermarks.get()!
    return Math.max(0, latest - Math.min(totalsThrough, purchasesThrough), latestRefund - refundsThrough, latestEvent - eventsThrough)
  }

  /**
   * Brings both parts up to date in one transaction; returns how many customers' totals changed (one with new
   * purchases and new refunds counts twice).
   *
   * @example
   * totals.refresh() // 2 after purchases of two customers
   */
  refresh(): number {
    if (this.pending() === 0) return 0
    return this.#refresh()
  }

  /**
   * The totals part alone (purchases and refunds), in its own transaction: what lists show and sort by. Returns how
   * many customers changed, as `refresh()` does.
   *
   * @example
   * totals.refreshTotals() // then totals.refreshCustomerHistories(), with other commits free to go in between
   */
  refreshTotals(): number {
    return this.#refreshTotals()
  }

  /**
   * The histories part alone, in its own transaction: `customer_purchases` and `customer_activity`, and the
   * customers' `last_seen_at` for the new events. Returns how many purchases and events it added.
   *
   * @example
   * totals.refreshCustomerHistories() // 0 when both are up to date
   */
  refreshCustomerHistories(): number {
    return this.#refreshCustomerHistories()
  }

  /**
   * What one customer's purchases, refunds and events after `watermarks` (read together with its row) add to its
   * totals.
   *
   * @example
   * const delta = totals.delta(row.id, appId, marks) // { orders: 2, revenue: 3998, refunds: 0, lastSeenAt, … }
   */
  delta(customerId: number, appId: number, watermarks: TotalsWatermarks): TotalsDelta {
    return this.#delta.of(customerId, appId, watermarks)
  }
}
