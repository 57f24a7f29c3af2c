import { lineChart } from '../../charts'
import type { SalesReport } from '../contract-types'
import { htmlNode } from '../html-node'
import { keyFigures, rankedList } from './key-figures'
import { reportRange } from './report-range'
import { defineView } from './view'

/**
 * `view="revenue"`: the last 12 months of net revenue as a chart (the month still running dashed, not as a drop), the
 * totals with gross revenue and refunds beside the net, top products and (anonymous) customers.
 */
export const revenueView = defineView<SalesReport>({
  load: ({ request, lang, asOf }) =>
    request<SalesReport>('v1/reports/sales', { interval: 'month', ...reportRange(12, asOf), asOf, lang }),

  render(report, { messages, format, chartWidth }) {
    if (report.totals.orders === 0 && report.series.every((period) => period.revenue === 0 && period.refunds === 0)) return null
    const money = (value: number) => format.money(value, report.currency)
    const chart = lineChart({
      width: chartWidth,
      height: chartWidth < 480 ? 200 : 240,
      title: messages.titles.revenue,
      series: [
        {
          name: messages.history,
          variant: 'area',
          points: report.series.map((period) => ({ label: period.period, value: period.revenue, partial: period.partial })),
        },
      ],
      partialLabel: messages.partialPoint,
      formatValue: (value) => format.moneyCompact(value, report.currency),
      formatLabel: (period) => format.period(period, report.interval),
    })
    const { totals } = report
    // The rate goes with the label, so the figure stays one short amount like its neighbours.
    const refundsLabel = totals.refundRate === null ? messages.totals.refunds : `${messages.totals.refunds} · ${format.percent(totals.refundRate)}`
    const partial = report.series.at(-1)?.partial ? report.series.at(-1) : undefined
    return htmlNode(
      'div',
      'crm-view',
      keyFigures([
        [messages.totals.revenue, money(totals.revenue)],
        [messages.totals.grossRevenue, money(totals.grossRevenue)],
        [refundsLabel, money(totals.refunds)],
        [messages.totals.orders, format.number(totals.orders)],
        [messages.totals.customers, format.number(totals.customers)],
        [messages.totals.averageOrderValue, money(totals.averageOrderValue)],
      ]),
      htmlNode('div', 'crm-chart-box', chart),
      partial && htmlNode('p', 'crm-note crm-partial-note', messages.partialPeriod(format.period(partial.period, report.interval))),
      htmlNode(
        'div',
        'crm-columns',
        report.topProducts.length > 0 &&
          rankedList(messages.topProducts, report.topProducts.slice(0, 5).map((row) => [row.product, money(row.revenue)])),
        report.topCustomers.length > 0 &&
          rankedList(
            messages.topCustomers,
            report.topCustomers.slice(0, 5).map((row) => [messages.customerRank(format.number(row.rank)), money(row.revenue)]),
          ),
      ),
      report.otherCurrencies.length > 0 &&
        htmlNode(
          'p',
          'crm-note',
          `${messages.otherCurrencies}: ${report.otherCurrencies.map((other) => format.money(other.revenue, other.currency)).join(', ')}`,
        ),
    )
  },
})
