import type { Interval } from '../calendar'
import { dateOfDay } from '../calendar'
import type { Ledgers } from '../ledger'
import { toMajorUnits } from '../money'
import type { AppRow, LedgerStore } from '../store'
import { reportRange } from './report-range'
import { salesFigures } from './sales-report'
import type { SalesReport } from './schemas'

export type SalesReportRequest = {
  /** A date (the report's first day) or a date-time (purchases from that instant), read in the app's time zone. */
  from?: string | undefined
  /** A date (the report's last day, included) or a date-time (purchases before that instant). */
  to?: string | undefined
  interval: Interval
  asOf: number
}

/**
 * Sales reports of an app, from its purchase ledger (purchases and refunds): revenue net of refunds, with the
 * gross and the refunds beside it.
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
    const range = reportRange(request, app.timezone)
    const ledger = await this.ledgers.ready(app)
    const figures = salesFigures(ledger, { ...range, interval: request.interval, currency: app.currency })
    const { fromDay, toDay } = range
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
        grossRevenue: money(totals.grossRevenue),
        refunds: money(totals.refunds),
        orders: totals.orders,
        customers: totals.customers,
        newCustomers: totals.newCustomers,
        averageOrderValue: totals.orders > 0 ? money(totals.revenue / totals.orders) : 0,
        repeatCustomerRate: totals.customers > 0 ? Math.round((totals.repeatCustomers / totals.customers) * 10_000) / 10_000 : 0,
        // Unrounded, from the exact sums: a client rounds as it shows it, and a check against raw data compares equal.
        refundRate: totals.grossRevenue > 0 ? totals.refunds / totals.grossRevenue : null,
      },
      series: figures.series.map(({ period, revenue, grossRevenue, refunds, orders, customers, newCustomers, partial }) => ({
        period,
        revenue: money(revenue),
        grossRevenue: money(grossRevenue),
        refunds: money(refunds),
        orders,
        customers,
        newCustomers,
        partial,
      })),
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
      otherCurrencies: figures.otherCurrencies.map(({ currency, revenue, grossRevenue, refunds, orders }) => ({
        currency,
        revenue: toMajorUnits(Math.round(revenue), currency),
        grossRevenue: toMajorUnits(Math.round(grossRevenue), currency),
        refunds: toMajorUnits(Math.round(refunds), currency),
        orders,
      })),
    }
  }
}
