import type { Db } from './database'

/** Where each part of a customer's stored totals stops: the purchases, refunds and events taken so far (row ids). */
export type TotalsWatermarks = { totalsThrough: number; refundsThrough: number; eventsThrough: number }

/** What the purchases, refunds and events after the watermarks add to one customer's totals. */
export type TotalsDelta = {
  orders: number
  /** Net: the new purchases in the app's currency less the new refunds in it. */
  revenue: number
  revenueOrders: number
  /** The new refunds in the app's currency. */
  refunds: number
  /** The new purchases' first and last times. */
  firstAt: number | null
  lastAt: number | null
  /** The latest new purchase, refund or event; null when nothing came after the watermarks. */
  lastSeenAt: number | null
}

type DeltaRow = Omit<TotalsDelta, 'lastSeenAt'> & { refundLastAt: number | null; eventLastAt: number | null }

/**
 * Reads what one customer's rows after the watermarks add to its stored totals, so one customer is read exact
 * between refreshes. Each side is small: the purchases and events after their watermarks are read by rowid (a
 * customer read refreshes first when many wait), the refunds through their index by customer.
 *
 * @example
 * new CustomerTotalsDelta(db).of(customerId, appId, { totalsThrough: 10, refundsThrough: 2, eventsThrough: 7 })
 * // { orders: 1, revenue: 1500, revenueOrders: 1, refunds: 500, firstAt, lastAt, lastSeenAt }
 */
export class CustomerTotalsDelta {
  readonly #delta

  constructor(db: Db) {
    this.#delta = db.prepare<{ customerId: number; appId: number } & TotalsWatermarks, DeltaRow>(
      `SELECT bought.orders, bought.revenue - given.refunds AS revenue, bought.revenueOrders, given.refunds,
         bought.firstAt, bought.lastAt, given.lastAt AS refundLastAt, seen.lastAt AS eventLastAt
       FROM (
         SELECT count(*) AS orders, coalesce(sum(iif(p.currency = a.currency, p.amount, 0)), 0) AS revenue,
           coalesce(sum(p.currency = a.currency), 0) AS revenueOrders, min(p.ts) AS firstAt, max(p.ts) AS lastAt
         FROM purchases p JOIN apps a ON a.id = p.app_id
         WHERE p.id > @totalsThrough AND p.customer_id = @customerId
       ) AS bought, (
         SELECT coalesce(sum(iif(r.currency = a.currency, r.amount, 0)), 0) AS refunds, max(r.ts) AS lastAt
         FROM refunds r JOIN apps a ON a.id = r.app_id
         WHERE r.app_id = @appId AND r.customer_id = @customerId AND r.id > @refundsThrough
       ) AS given, (
         SELECT max(ts) AS lastAt FROM events WHERE id > @eventsThrough AND customer_id = @customerId
       ) AS seen`,
    )
  }

  /**
   * The delta of customer `customerId` of app `appId` past `watermarks` (read in the same snapshot as its row).
   *
   * @example
   * delta.of(row.id, appId, row) // { orders: 0, revenue: -500, refunds: 500, lastSeenAt: 1767225600000, … }
   */
  of(customerId: number, appId: number, watermarks: TotalsWatermarks): TotalsDelta {
    const { totalsThrough, refundsThrough, eventsThrough } = watermarks
    const { refundLastAt, eventLastAt, ...delta } = this.#delta.get({ customerId, appId, totalsThrough, refundsThrough, eventsThrough })!
    const times = [delta.lastAt, refundLastAt, eventLastAt].filter((time): time is number => time !== null)
    return { ...delta, lastSeenAt: times.length > 0 ? Math.max(...times) : null }
  }
}
