import { lineChart } from '@crm/widget/charts'
import { toCsv } from '../csv'
import { download, h, table } from '../dom'
import { compact, money, num } from '../format'
import { t, type MessageKey } from '../i18n'
import { card, loadInto } from './async-section'
import { chartHolder } from './chart-holder'
import type { ViewContext } from './view-context'

type Trend = { id: string; metric: string; direction: 'up' | 'down' | 'flat'; change: number; pValue: number; description: string }
type ForecastPoint = { period: string; value: number; lower: number; upper: number }
type Forecast = {
  metric: string
  interval: string
  method: string
  points: ForecastPoint[]
  backtest: { mase: number; baselineMase: number; baseline: string } | null
  description?: string
}
type Recommendation = {
  id: string
  kind: string
  title: string
  rationale: string
  priority: string
  audience?: { count: number; userIds: string[] }
  evidence?: { metric: string; value: number | string }[]
}
type Segment = { segment: string; name: string; customers: number; revenue: number; customerShare: number; revenueShare: number }
type Insights = {
  asOf: string
  currency: string
  ai: { status: string; model?: string; reason?: string }
  summary: string
  trends: Trend[]
  forecast: Forecast | null
  forecastReason?: string | null
  segments: Segment[]
  recommendations: Recommendation[]
}
type History = { series: { period: string; revenue: number }[] }

const ARROWS = { up: '▲', down: '▼', flat: '■' } as const

/**
 * Insights: the summary, trends, the revenue forecast with its interval band and backtest, segments, and
 * recommendations whose audience downloads as CSV.
 *
 * @example
 * main.append(insightsView(context))
 */
export function insightsView(context: ViewContext): HTMLElement {
  const results = h('div', {})
  void loadInto(
    results,
    async () => {
      const insights = await context.api.get<Insights>('/v1/insights')
      const history = insights.forecast
        ? await context.api
            .get<History>('/v1/reports/sales', { interval: insights.forecast.interval, to: insights.asOf.slice(0, 10), from: historyStart(insights.asOf, insights.forecast.interval) })
            .catch(() => ({ series: [] }))
        : { series: [] }
      return { insights, history }
    },
    ({ insights, history }) => [
      h('p', { class: 'muted ai-status' }, t('aiStatus', { status: [insights.ai.status, insights.ai.model, insights.ai.reason].filter(Boolean).join(' · ') })),
      card(t('summary'), h('p', { class: 'summary' }, insights.summary)),
      card(
        t('trends'),
        insights.trends.length === 0
          ? nothingYet()
          : h(
              'ul',
              { class: 'trends' },
              insights.trends.map((trend) =>
                h('li', { class: trend.direction }, h('span', { 'aria-hidden': 'true' }, ARROWS[trend.direction] ?? ''), ' ', trend.description),
              ),
            ),
      ),
      card(t('forecast'), forecastSection(insights, history)),
      card(t('segments'), insights.segments.length === 0 ? nothingYet() : segmentsTable(insights)),
      card(
        t('recommendations'),
        insights.recommendations.length === 0 ? nothingYet() : h('ol', { class: 'recommendations' }, insights.recommendations.map(recommendationItem)),
      ),
    ],
  )
  return h('div', {}, h('h1', { tabindex: '-1' }, t('navInsights')), results)
}

function historyStart(asOf: string, interval: string): string {
  const days = interval === 'day' ? 90 : interval === 'week' ? 7 * 52 : 730
  return new Date(Date.parse(asOf) - days * 86_400_000).toISOString().slice(0, 10)
}

function forecastSection(insights: Insights, history: History): Node {
  const forecast = insights.forecast
  if (!forecast) return h('p', { class: 'muted' }, t('noForecast', { reason: insights.forecastReason ?? '—' }))
  const actual = { name: t('actual'), variant: 'area' as const, points: history.series.map((row) => ({ label: row.period, value: row.revenue })) }
  const predicted = {
    name: t('forecast'),
    variant: 'forecast' as const,
    points: forecast.points.map((point) => ({ label: point.period, value: point.value, lower: point.lower, upper: point.upper })),
  }
  const chart = chartHolder((size) => lineChart({ ...size, title: t('forecastChart'), formatValue: compact, series: [actual, predicted] }))
  return h(
    'div',
    {},
    chart,
    forecast.description ? h('p', {}, forecast.description) : null,
    h('p', { class: 'muted' }, forecast.method),
    forecast.backtest ? h('p', {}, t('backtest', { mase: num(forecast.backtest.mase), baseline: num(forecast.backtest.baselineMase) })) : null,
  )
}

function segmentsTable(insights: Insights): Node {
  return h(
    'div',
    { class: 'scroll' },
    table(
      [t('segment'), t('customers'), t('revenue'), t('revenueShare')],
      insights.segments.map((segment) => [segment.name, String(segment.customers), money(segment.revenue, insights.currency), num(segment.revenueShare, 1, true)]),
      t('segments'),
    ),
  )
}

function recommendationItem(recommendation: Recommendation): HTMLElement {
  const audience = recommendation.audience
  const button = audience
    ? h('button', { type: 'button', class: 'secondary' }, t('downloadAudience'))
    : null
  button?.addEventListener('click', () =>
    download(`audience-${recommendation.id}.csv`, 'text/csv', toCsv([['userId'], ...(audience?.userIds ?? []).map((id) => [id])])),
  )
  return h(
    'li',
    {},
    h('h3', {}, recommendation.title),
    h('p', {}, recommendation.rationale),
    h('p', { class: `muted priority-${recommendation.priority}` }, t('priority', { value: priorityText(recommendation.priority) })),
    recommendation.evidence && recommendation.evidence.length > 0
      ? h('p', { class: 'muted evidence' }, recommendation.evidence.map((item) => `${item.metric}: ${typeof item.value === 'number' ? num(item.value) : item.value}`).join(' · '))
      : null,
    audience ? h('p', {}, t('audience', { count: audience.count }), ' ', button) : null,
  )
}

function priorityText(priority: string): string {
  const key = `priority_${priority}`
  return ['priority_high', 'priority_medium', 'priority_low'].includes(key) ? t(key as MessageKey) : priority
}

function nothingYet(): HTMLElement {
  return h('p', { class: 'muted' }, t('nothingYet'))
}
