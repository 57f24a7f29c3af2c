import { describe, expect, it } from 'vitest'
import type { KeyCaller } from '../http/env'
import type { Insights, RecommendationView } from '../insights/schemas'
import type { SalesReport } from '../reports'
import { EmbedSalesReportSchema } from '../reports/schemas'
import type { AppRow } from '../store'
import { asIs, embedInsights, embedRecommendation, embedRecommendations, embedSalesReport, readableBy } from './embed-forms'

const app = { id: 1, publicId: 'app_x' } as AppRow
const caller = (keyType: KeyCaller['keyType']): KeyCaller => ({ app, keyType, keyId: 'k' })

const report: SalesReport = {
  currency: 'USD',
  from: '2026-01-01',
  to: '2026-03-31',
  interval: 'month',
  totals: {
    revenue: 42.5,
    grossRevenue: 50,
    refunds: 7.5,
    orders: 4,
    customers: 2,
    newCustomers: 2,
    averageOrderValue: 10.63,
    repeatCustomerRate: 1,
    refundRate: 0.15,
  },
  series: [{ period: '2026-01', revenue: 42.5, grossRevenue: 50, refunds: 7.5, orders: 4, customers: 2, newCustomers: 2, partial: true }],
  topProducts: [{ product: 'Tea', productId: 'tea', revenue: 32.5, orders: 4, quantity: 5 }],
  topCustomers: [
    { userId: 'ann@example.com', name: 'Ann Example', revenue: 30, orders: 2 },
    { userId: 'bob', name: null, revenue: 12.5, orders: 2 },
  ],
  otherCurrencies: [{ currency: 'EUR', revenue: 90, grossRevenue: 100, refunds: 10, orders: 1 }],
}

const recommendation: RecommendationView = {
  id: 'win-back',
  kind: 'win_back',
  title: 'Win back valuable customers',
  rationale: '2 customers have probably lapsed.',
  priority: 'high',
  audience: { count: 2, userIds: ['ann@example.com', 'bob'] },
  expectedImpact: { metric: 'revenue', value: 100, basis: 'yearly revenue' },
  evidence: [{ metric: 'customers', value: 2 }],
}

describe('embed forms', () => {
  it('keep the sales report’s figures and make top customers anonymous, by rank', () => {
    const { topCustomers, ...figures } = embedSalesReport(report)
    expect(topCustomers).toEqual([
      { rank: 1, revenue: 30, orders: 2 },
      { rank: 2, revenue: 12.5, orders: 2 },
    ])
    const { topCustomers: _full, ...fullFigures } = report
    expect(figures).toEqual(fullFigures)
  })

  it('keep net revenue, the gross and refunds beside it, the refund rate and partial periods, as EmbedSalesReport says', () => {
    const embedded = embedSalesReport(report)
    expect(embedded.totals).toMatchObject({ revenue: 42.5, grossRevenue: 50, refunds: 7.5, refundRate: 0.15 })
    expect(embedded.series[0]).toMatchObject({ grossRevenue: 50, refunds: 7.5, partial: true })
    expect(EmbedSalesReportSchema.parse(embedded)).toEqual(embedded)
  })

  it('give audiences as counts, and leave a recommendation without one as it is', () => {
    expect(embedRecommendation(recommendation)).toEqual({ ...recommendation, audience: { count: 2 } })
    const { audience: _audience, ...noAudience } = recommendation
    expect(embedRecommendation(noAudience)).toEqual(noAudience)
    expect(embedRecommendations({ data: [recommendation] })).toEqual({ data: [{ ...recommendation, audience: { count: 2 } }] })
    const insights = { summary: 'Revenue in 2026-03: $42.50.', recommendations: [recommendation] } as Insights
    expect(embedInsights(insights)).toEqual({ summary: insights.summary, recommendations: [{ ...recommendation, audience: { count: 2 } }] })
  })

  it('are what an embed token reads; a secret key and the admin page read the answer itself', () => {
    const leaks = (answer: unknown) => /ann@example\.com|Ann Example|"bob"|userId/.test(JSON.stringify(answer))
    expect(leaks(readableBy(caller('embed'), report, embedSalesReport))).toBe(false)
    expect(leaks(readableBy(caller('embed'), { data: [recommendation] }, embedRecommendations))).toBe(false)
    expect(readableBy(caller('secret'), report, embedSalesReport)).toBe(report)
    expect(readableBy(caller('embed'), report, asIs)).toBe(report)
  })
})
