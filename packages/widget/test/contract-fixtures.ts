import type { Forecast, Insights, Recommendation, SalesReport } from '../src/element/contract-types'

/** Texts that would run script if any part of the widget parsed data as HTML. */
export const hostileText = '<img src=x onerror=alert(1)>'
export const hostileProduct = '</script><script>alert(1)</script>'

const months = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']
const revenue = [8200, 7400, 9100, 9900, 11200, 10800, 12400, 13100, 12000, 14300, 15800, 16950.5]
const refunds = [200, 150, 300, 0, 250, 100, 400, 350, 200, 500, 450, 120]

export const salesReport: SalesReport = {
  currency: 'USD',
  from: '2025-12-01',
  to: '2026-11-21',
  interval: 'month',
  totals: {
    revenue: 141150.5,
    grossRevenue: 144170.5,
    refunds: 3020,
    orders: 1873,
    customers: 642,
    newCustomers: 211,
    averageOrderValue: 75.36,
    repeatCustomerRate: 0.38,
    refundRate: 3020 / 144170.5,
  },
  // Net revenue per month; the last month is cut short by `to` (the 21st).
  series: months.map((period, index) => ({
    period,
    revenue: revenue[index] ?? 0,
    grossRevenue: (revenue[index] ?? 0) + (refunds[index] ?? 0),
    refunds: refunds[index] ?? 0,
    orders: 150 + index * 3,
    customers: 60 + index,
    newCustomers: 15,
    partial: index === months.length - 1,
  })),
  topProducts: [
    { product: hostileProduct, revenue: 24100, orders: 310, quantity: 402 },
    { product: 'Ceramic mug', revenue: 18050, orders: 290, quantity: 350 },
    { product: 'Linen apron', revenue: 9020.25, orders: 120, quantity: 121 },
  ],
  // As an embed token reads them: anonymous, by rank.
  topCustomers: [
    { rank: 1, revenue: 4210, orders: 31 },
    { rank: 2, revenue: 3980, orders: 22 },
    { rank: 3, revenue: 2500, orders: 12 },
  ],
  otherCurrencies: [{ currency: 'EUR', revenue: 1200, grossRevenue: 1250, refunds: 50, orders: 9 }],
}

export const forecast: Forecast = {
  metric: 'revenue',
  interval: 'month',
  method: 'ets',
  points: [
    { period: '2026-12', value: 17400, lower: 15100, upper: 19800 },
    { period: '2027-01', value: 16100, lower: 13200, upper: 19300 },
    { period: '2027-02', value: 17900, lower: 14100, upper: 21900 },
  ],
  backtest: { mase: 0.82, baselineMase: 1.05, baseline: 'seasonal_naive' },
}

export const recommendations: Recommendation[] = [
  {
    id: 'r1',
    kind: 'winback',
    title: `Win back lapsed buyers of ${hostileProduct}`,
    rationale: `1204 customers bought before and have not ordered in 90 days; ${hostileText} was their favourite.`,
    priority: 'high',
    audience: { count: 1204 },
  },
  { id: 'r2', kind: 'upsell', title: 'Offer aprons to mug buyers', rationale: 'Mug buyers add an apron 3 times more often than others.', priority: 'medium', audience: { count: 1 } },
]

export const insights: Insights = {
  generatedAt: '2026-11-21T07:00:00Z',
  asOf: '2026-11-21T07:00:00Z',
  currency: 'USD',
  ai: { status: 'unavailable' },
  summary: `Revenue grew 12.4% month over month; the best seller is ${hostileProduct}.`,
  trends: [
    { id: 't1', metric: 'revenue', direction: 'up', change: 0.124, pValue: 0.01, period: 'month', description: 'Revenue is up 12.4% on the previous month.' },
    { id: 't2', metric: 'orders', direction: 'down', change: -0.05, pValue: 0.04, period: 'month', description: 'Orders fell 5% among new customers.' },
    { id: 't3', metric: 'aov', direction: 'flat', change: 0, pValue: 0.6, period: 'month', description: 'Average order value held at $75.36.' },
  ],
  forecast,
  segments: [],
  recommendations,
}

/** Answers for a brand-new app with no purchases. */
export const emptyResponses = {
  insights: { ...insights, summary: '', trends: [], forecast: null, recommendations: [] } satisfies Insights,
  salesReport: {
    ...salesReport,
    totals: { revenue: 0, grossRevenue: 0, refunds: 0, orders: 0, customers: 0, newCustomers: 0, averageOrderValue: 0, repeatCustomerRate: 0, refundRate: null },
    series: salesReport.series.map((period) => ({ ...period, revenue: 0, grossRevenue: 0, refunds: 0, orders: 0, customers: 0, newCustomers: 0 })),
    topProducts: [],
    topCustomers: [],
    otherCurrencies: [],
  } satisfies SalesReport,
  forecast: { forecast: null, reason: 'Needs at least 6 months of history; this app has 1.' },
  recommendations: { data: [] as Recommendation[] },
}
