import { barChart } from '@crm/widget/charts'
import type { EventsReport } from '../../../reports/events-report-schemas'
import { toCsv } from '../csv'
import { download, h, table } from '../dom'
import { compact, num } from '../format'
import { t, tn } from '../i18n'
import { card, loadInto } from './async-section'
import { chartHolder } from './chart-holder'
import { rangeForm } from './range-form'
import type { ViewContext } from './view-context'

/** How many of the top events get a column in the per-period table: more would not fit a phone. */
const PERIOD_COLUMNS = 5

/**
 * Events report: date range and interval, events by period (a bar chart), the top events with how often and by how
 * many customers, and the top few by period (a table, also as CSV).
 *
 * @example
 * main.append(eventsView(context))
 */
export function eventsView(context: ViewContext): HTMLElement {
  const { form, from, to, interval, exportSlot } = rangeForm()
  const results = h('div', {})

  const load = () => {
    exportSlot.replaceChildren()
    return loadInto(
      results,
      () => context.api.get<EventsReport>('/v1/reports/events', { from: from.value, to: to.value, interval: interval.value }),
      (report) => render(report),
    )
  }
  const render = (report: EventsReport): HTMLElement[] => {
    const summary = h('p', { class: 'summary', 'data-testid': 'events-summary' }, `${tn('eventCount', report.totals.events)} ${tn('fromCustomers', report.totals.customers)}`)
    if (report.totals.events === 0) return [card(t('totals'), summary, h('p', { class: 'muted' }, t('noEvents')))]
    const shown = report.topEvents.slice(0, PERIOD_COLUMNS).map((top) => top.event)
    // Own keys only: a name such as `constructor` must not read Object.prototype's.
    const countOf = (events: Record<string, number>, name: string) => (Object.hasOwn(events, name) ? (events[name] as number) : 0)
    const exportButton = h('button', { type: 'button', class: 'secondary' }, t('exportCsv'))
    exportSlot.replaceChildren(exportButton)
    exportButton.addEventListener('click', () =>
      download(
        `events-${from.value}-${to.value}.csv`,
        'text/csv',
        toCsv([['period', ...report.topEvents.map((top) => top.event), 'total', 'partial'], ...report.series.map((row) => [row.period, ...report.topEvents.map((top) => countOf(row.events, top.event)), row.total, row.partial])]),
      ),
    )
    const bars = report.series.map((row) => ({ label: row.period, value: row.total }))
    return [
      card(t('totals'), summary),
      h(
        'div',
        { class: 'grid wide' },
        card(t('eventsChart'), chartHolder((size) => barChart({ ...size, title: t('eventsChart'), name: t('navEvents'), formatValue: compact, bars }))),
        card(
          t('topEvents'),
          h('div', { class: 'scroll' }, table([t('event'), t('times'), t('customers')], report.topEvents.map((top) => [top.event, num(top.count, 0), num(top.customers, 0)]), t('topEvents'))),
        ),
      ),
      card(
        t('eventsByPeriod'),
        h(
          'div',
          { class: 'scroll' },
          table(
            [t('period'), ...shown, t('total')],
            report.series.map((row) => [
              row.partial ? h('span', { title: t('partialPeriod', { period: row.period }) }, t('partialPeriod', { period: row.period })) : row.period,
              ...shown.map((name) => num(countOf(row.events, name), 0)),
              num(row.total, 0),
            ]),
            t('eventsByPeriod'),
          ),
        ),
      ),
    ]
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void load()
  })
  void load()
  return h('div', {}, h('h1', { tabindex: '-1' }, t('navEvents')), form, results)
}
