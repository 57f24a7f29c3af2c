import { type Interval, dateOfDay, dayNumber, localDay, nextPeriodStart, periodStart } from '../calendar'
import { ApiError } from '../http/api-error'
import type { Ledgers } from '../ledger'
import { toMajorUnits } from '../money'
import type { AppRow, LedgerStore } from '../store'
import { salesFigures } from './sales-report'
import type { SalesReport } from './schemas'

export type SalesReportRequest = { from?: string | undefined; to?: string | undefined; interval: Interval; asOf: number }

// About ten years of days: a longer range is a mistake, and its series would be a very large answer.
const MAX_RANGE_DAYS = 3700

/**
 * Sales reports of an app, from its purchase ledger.
 *
 * @example
 * reports.sales(app, { interval: 'month', from: '2026-01-01', to: '2026-12-31', asOf: Date.now() })
 */
export class ReportsService {
  constructor(
    private readonly ledgers: Ledgers,
    private readonly store: LedgerStore,
  ) {}

  async sales(app: AppRow, request: SalesReportRequest): Promise<SalesReport> {
    const toDay = request.to ? dayNumber(request.to) : localDay(request.asOf, app.timezone)
    const fromDay = request.from ? dayNumber(request.from) : defaultFromDay(toDay, request.interval)
    if (fromDay > toDay) throw new ApiError(400, 'validation_failed', '`from` must not be after `to`.', [{ path: 'from', message: 'must not be after `to`' }])
    if (toDay - fromDay > MAX_RANGE_DAYS) {
      throw new ApiError(400, 'validation_failed', `The range may span at most ${MAX_RANGE_DAYS} days.`, [{ path: 'from', message: 'range too long' }])
    }
    const ledger = await this.ledgers.ready(app)
    const figures = salesFigures(ledger, { fromDay, toDay, interval: request.interval, asOf: request.asOf, currency: app.currency })
    const money = (minor: number) => toMajorUnits(Math.round(minor), app.currency)
    const names = this.store.customerNames(figures.topCustomers.map(({ customer }) => ledger.customerRowIds[customer] as number))
    const { totals } = figures
    return {
      currency: app.currency,
      from: dateOfDay(fromDay),
      to: dateOfDay(toDay),
      interval: request.interval,
      totals: {
        revenue: money(totals.revenue),
        orders: totals.orders,
        customers: totals.customers,
        newCustomers: totals.newCustomers,
        averageOrderValue: totals.orders > 0 ? money(totals.revenue / totals.orders) : 0,
        repeatCustomerRate: totals.customers > 0 ? Math.round((totals.repeatCustomers / totals.customers) * 10_000) / 10_000 : 0,
      },
      series: figures.series.map(({ start: _start, revenue, ...period }) => ({ ...period, revenue: money(revenue) })),
      topProducts: figures.topProducts.map(({ product, revenue, ...rest }) => ({
        product: ledger.products[product]?.name ?? '',
        productId: ledger.products[product]?.key ?? '',
        revenue: money(revenue),
        ...rest,
      })),
      topCustomers: figures.topCustomers.map(({ customer, revenue, orders }) => ({
        userId: ledger.userIds[customer] as string,
        name: names.get(ledger.customerRowIds[customer] as number) ?? null,
        revenue: money(revenue),
        orders,
      })),
      otherCurrencies: figures.otherCurrencies.map(({ currency, revenue, orders }) => ({
        currency,
        revenue: toMajorUnits(Math.round(revenue), currency),
        orders,
      })),
    }
  }
}

function defaultFromDay(toDay: number, interval: Interval): number {
  if (interval === 'day') return toDay - 29
  return nextPeriodStart(periodStart(toDay, interval), interval, -11)
}
