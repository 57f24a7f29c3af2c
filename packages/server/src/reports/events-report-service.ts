import { dateOfDay, type Interval } from '../calendar'
import type { EventLogs } from '../event-log'
import type { AppRow } from '../store'
import { eventFigures } from './event-figures'
import type { EventsReport } from './events-report-schemas'
import { reportRange } from './report-range'

export type EventsReportRequest = {
  /** A date (the report's first day) or a date-time (events from that instant), read in the app's time zone. */
  from?: string | undefined
  /** A date (the report's last day, included) or a date-time (events before that instant). */
  to?: string | undefined
  interval: Interval
  asOf: number
  /** How many of the most frequent events to name. */
  top: number
}

/**
 * Events reports of an app, from its event log, over the same days, weeks and months as the sales report.
 *
 * @example
 * await service.events(app, { interval: 'month', from: '2026-01-01', to: '2026-12-31', asOf: Date.now(), top: 10 })
 * // { from: '2026-01-01', …, series: [{ period: '2026-01', events: { 'Viewed pricing': 120 }, total: 131, partial: false }, …] }
 */
export class EventsReportService {
  constructor(private readonly logs: EventLogs) {}

  async events(app: AppRow, request: EventsReportRequest): Promise<EventsReport> {
    const range = reportRange(request, app.timezone)
    const log = await this.logs.ready(app)
    const figures = eventFigures(log, { ...range, interval: request.interval, timeZone: app.timezone, top: request.top })
    const names = figures.top.map((top) => log.names[top.name] as string)
    return {
      from: dateOfDay(range.fromDay),
      to: dateOfDay(range.toDay),
      interval: request.interval,
      totals: figures.totals,
      // fromEntries defines the keys, so a name such as `__proto__` is a key like any other.
      series: figures.series.map(({ period, counts, total, partial }) => ({
        period,
        events: Object.fromEntries(names.map((name, k) => [name, counts[k] as number])),
        total,
        partial,
      })),
      topEvents: figures.top.map((top, k) => ({ event: names[k] as string, count: top.count, customers: top.customers })),
    }
  }
}
