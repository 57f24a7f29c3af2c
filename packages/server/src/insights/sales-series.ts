import { type Interval, localDay, nextPeriodStart, periodStart } from '../calendar'
import type { PurchaseLedger } from '../ledger'
import { salesFigures } from '../reports'

/** Figures of the complete periods before the one `asOf` falls in, oldest first; money in minor units. */
export type SalesSeries = {
  interval: Interval
  labels: string[]
  starts: number[]
  /** Net: what was sold in the period less what was given back in it (a refund counts on its own date). */
  revenue: number[]
  grossRevenue: number[]
  refunds: number[]
  orders: number[]
  customers: number[]
  averageOrderValue: number[]
}

/**
 * The complete days, weeks or months of sales, from the first purchase (or the last `maxPeriods`) to the period
 * before the one `asOf` is in: a period still running would look like a drop. Revenue is net of refunds, as the
 * sales report counts it, so trends and forecasts are of what the shop kept; the average order value is net
 * revenue over orders.
 *
 * @example
 * salesSeries(ledger, 'month', Date.now(), 'USD', 24).revenue // net revenue of the last 24 complete months
 */
export function salesSeries(ledger: PurchaseLedger, interval: Interval, asOf: number, currency: string, maxPeriods = Number.POSITIVE_INFINITY): SalesSeries {
  const currentStart = periodStart(localDay(asOf, ledger.timeZone), interval)
  const empty: SalesSeries = { interval, labels: [], starts: [], revenue: [], grossRevenue: [], refunds: [], orders: [], customers: [], averageOrderValue: [] }
  if (ledger.size === 0 || (ledger.day[0] as number) >= currentStart) return empty
  // The first period is counted only if sales started in its first tenth: a shop that opened mid-month did not have
  // a bad month.
  const firstDay = ledger.day[0] as number
  const firstStart = periodStart(firstDay, interval)
  const firstEnd = nextPeriodStart(firstStart, interval)
  let fromDay = firstDay - firstStart <= 0.1 * (firstEnd - firstStart) ? firstStart : firstEnd
  if (fromDay >= currentStart) return empty
  if (Number.isFinite(maxPeriods)) fromDay = Math.max(fromDay, nextPeriodStart(currentStart, interval, -maxPeriods))
  const { series } = salesFigures(ledger, { fromDay, toDay: currentStart - 1, interval, asOf, currency, top: 1 })
  return {
    interval,
    labels: series.map((period) => period.period),
    starts: series.map((period) => period.start),
    revenue: series.map((period) => period.revenue),
    grossRevenue: series.map((period) => period.grossRevenue),
    refunds: series.map((period) => period.refunds),
    orders: series.map((period) => period.orders),
    customers: series.map((period) => period.customers),
    averageOrderValue: series.map((period) => (period.orders > 0 ? period.revenue / period.orders : 0)),
  }
}
