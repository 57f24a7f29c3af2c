import { barChart, lineChart } from '@crm/widget/charts'
import type { SalesReport } from '../../../reports/schemas'
import { toCsv } from '../csv'
import { download, h, table } from '../dom'
import { compact, money, num } from '../format'
import { t } from '../i18n'
import { card, facts, loadInto } from './async-section'
import { chartHolder } from './chart-holder'
import { rangeForm } from './range-form'
import type { ViewContext } from './view-context'

/**
 * Sales report: date range and interval, net revenue (gross and refunds beside it) and orders charts, totals, top
 * products and customers, and the series as CSV. A period the range's end cuts short is drawn dashed, with a note.
 *
 * @example
 * main.append(reportsView(context))
 */
export function reportsView(context: ViewContext): HTMLElement {
  const { form, from, to, interval, exportSlot } = rangeForm()
  const results = h('div', {})

  const load = () => {
    exportSlot.replaceChildren()
    return loadInto(
      results,
      () => context.api.get<SalesReport>('/v1/reports/sales', { from: from.value, to: to.value, interval: interval.value }),
      (report) => render(report),
    )
  }
  const render = (report: SalesReport) => {
    const cash = (value: number) => money(value, report.currency)
    const exportButton = h('button', { type: 'button', class: 'secondary' }, t('exportCsv'))
    exportSlot.replaceChildren(exportButton)
    exportButton.addEventListener('click', () =>
      download(
        `sales-${from.value}-${to.value}.csv`,
        'text/csv',
        toCsv([
          ['period', 'revenue', 'grossRevenue', 'refunds', 'orders', 'customers', 'newCustomers', 'partial'],
          ...report.series.map((row) => [row.period, row.revenue, row.grossRevenue, row.refunds, row.orders, row.customers, row.newCustomers, String(row.partial)]),
        ]),
      ),
    )
    const totals = facts([
      [t('netRevenue'), cash(report.totals.revenue)],
      [t('salesGross'), cash(report.totals.grossRevenue)],
      [t('salesRefunds'), cash(report.totals.refunds)],
      [t('salesRefundRate'), report.totals.refundRate === null ? '—' : num(report.totals.refundRate, 1, true)],
      [t('orders'), String(report.totals.orders)],
      [t('customers'), String(report.totals.customers)],
      [t('newCustomers'), String(report.totals.newCustomers)],
      [t('averageOrder'), report.totals.averageOrderValue === null ? '—' : cash(report.totals.averageOrderValue)],
      [t('repeatRate'), num(report.totals.repeatCustomerRate, 1, true)],
    ])
    if (report.series.length === 0) return [card(t('totals'), totals), h('p', { class: 'muted' }, t('noData'))]
    const revenueSeries = {
      name: t('netRevenue'),
      variant: 'area' as const,
      points: report.series.map((row) => ({ label: row.period, value: row.revenue, partial: row.partial })),
    }
    const orderBars = report.series.map((row) => ({ label: row.period, value: row.orders }))
    const partial = report.series.filter((row) => row.partial).map((row) => row.period)
    return [
      card(t('totals'), totals),
      h(
        'div',
        { class: 'grid wide' },
        card(
          t('revenueChart'),
          chartHolder((size) => lineChart({ ...size, title: t('revenueChart'), formatValue: compact, series: [revenueSeries], partialLabel: t('salesSoFar') })),
          partial.length > 0 ? h('p', { class: 'muted', 'data-testid': 'partial-note' }, t('salesPartialNote', { periods: partial.join(', ') })) : null,
        ),
        card(t('ordersChart'), chartHolder((size) => barChart({ ...size, title: t('ordersChart'), name: t('orders'), formatValue: compact, bars: orderBars }))),
      ),
      h(
        'div',
        { class: 'grid' },
        card(t('topProducts'), h('div', { class: 'scroll' }, table([t('product'), t('revenue'), t('orders'), t('quantity')], report.topProducts.map((p) => [p.product, cash(p.revenue), String(p.orders), String(p.quantity)]), t('topProducts')))),
        card(
          t('topCustomers'),
          h(
            'div',
            { class: 'scroll' },
            table(
              [t('name'), t('revenue'), t('orders')],
              report.topCustomers.map((c) => [h('a', { href: `#/customers/${encodeURIComponent(c.userId)}` }, c.name ?? c.userId), cash(c.revenue), String(c.orders)]),
              t('topCustomers'),
            ),
          ),
        ),
      ),
      report.otherCurrencies.length > 0
        ? card(
            t('otherCurrencies'),
            facts(
              report.otherCurrencies.map((o): [string, string] => [
                o.currency,
                o.refunds > 0
                  ? `${money(o.revenue, o.currency)} (${money(o.grossRevenue, o.currency)} − ${money(o.refunds, o.currency)}) · ${o.orders}`
                  : `${money(o.revenue, o.currency)} · ${o.orders}`,
              ]),
            ),
          )
        : null,
    ].filter((node): node is HTMLElement => node !== null)
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void load()
  })
  void load()
  return h('div', {}, h('h1', { tabindex: '-1' }, t('navReports')), form, results)
}
