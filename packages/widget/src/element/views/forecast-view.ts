import { lineChart, type LinePoint } from '../../charts'
import { RequestError } from '../api-request'
import type { Forecast, SalesReport } from '../contract-types'
import { htmlNode } from '../html-node'
import { reportRange } from './report-range'
import { defineView } from './view'

/** The forecast endpoint answers with the forecast, or with `forecast: null` and a `reason`. */
type ForecastResponse = Forecast | { forecast: Forecast | null; reason?: string } | null

export interface ForecastData {
  forecast: Forecast | null
  reason?: string
  history: SalesReport | null
}

const HISTORY_MONTHS = { month: 12, week: 4, day: 2 } as const

/**
 * Reads both answers the contract allows: the bare forecast object, or a wrapper with the reason it
 * is missing.
 *
 * @example
 * readForecast({ forecast: null, reason: 'Only 3 months of history' }) // { forecast: null, reason: '…' }
 */
export function readForecast(body: ForecastResponse): { forecast: Forecast | null; reason?: string } {
  if (body && 'points' in body) return { forecast: body }
  if (body && 'forecast' in body) return body.reason ? { forecast: body.forecast, reason: body.reason } : { forecast: body.forecast }
  return { forecast: null }
}

/** `view="forecast"`: recent revenue, the forecast with its interval band, and its backtest. */
export const forecastView = defineView<ForecastData>({
  async load({ request, lang, asOf }) {
    const { forecast, reason } = readForecast(await request<ForecastResponse>('v1/insights/forecast', { asOf, lang }))
    if (!forecast) return reason ? { forecast, reason, history: null } : { forecast, history: null }
    const history = await request<SalesReport>('v1/reports/sales', {
      interval: forecast.interval,
      ...reportRange(HISTORY_MONTHS[forecast.interval] ?? 12, asOf),
      asOf,
      lang,
    }).catch((error: unknown) => {
      // The forecast stands on its own; only an expired token must still reach the widget.
      if (error instanceof RequestError) return null
      throw error
    })
    return { forecast, history }
  },

  render({ forecast, reason, history }, { messages, format, chartWidth }) {
    if (!forecast || forecast.points.length === 0) {
      return htmlNode('div', 'crm-view crm-empty', htmlNode('p', '', reason || messages.noForecast))
    }
    const currency = history?.currency
    const historyPoints: LinePoint[] = (history?.series ?? []).map((period) => ({ label: period.period, value: period.revenue, partial: period.partial }))
    const lastHistory = historyPoints.at(-1)
    const forecastPoints: LinePoint[] = forecast.points.map((point) => ({
      label: point.period,
      value: point.value,
      lower: point.lower,
      upper: point.upper,
    }))
    // Start the dashed forecast at the last actual value so the two lines join.
    if (lastHistory && !forecastPoints.some((point) => point.label === lastHistory.label)) {
      forecastPoints.unshift({ ...lastHistory, lower: lastHistory.value, upper: lastHistory.value })
    }
    const money = (value: number) => (currency ? format.moneyCompact(value, currency) : format.number(value))
    const chart = lineChart({
      width: chartWidth,
      height: chartWidth < 480 ? 200 : 240,
      title: messages.titles.forecast,
      series: [
        ...(historyPoints.length > 0 ? [{ name: messages.history, variant: 'area' as const, points: historyPoints }] : []),
        { name: messages.forecast, variant: 'forecast', points: forecastPoints },
      ],
      formatValue: money,
      formatLabel: (period) => format.period(period, forecast.interval),
      partialLabel: messages.partialPoint,
    })
    const { backtest } = forecast
    return htmlNode(
      'div',
      'crm-view',
      htmlNode('div', 'crm-chart-box', chart),
      htmlNode(
        'ul',
        'crm-legend',
        historyPoints.length > 0 && htmlNode('li', 'crm-legend-history', messages.history),
        htmlNode('li', 'crm-legend-forecast', messages.forecast),
        htmlNode('li', 'crm-legend-band', messages.interval),
      ),
      backtest &&
        htmlNode(
          'p',
          'crm-backtest',
          messages.backtest(format.number(backtest.mase), format.number(backtest.baselineMase)),
        ),
    )
  },
})
