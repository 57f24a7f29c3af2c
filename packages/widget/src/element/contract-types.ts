// Response shapes of the server's "Reports and insights" endpoints (CONTRACT.md), as far as the widget reads them, in
// the form an embed token reads them (the server's `EmbedSalesReport`, `EmbedInsights`, `EmbedRecommendation`): no
// customer's name, email, phone or userId, since the token sits in a public page.

export interface SalesTotals {
  /** Net: grossRevenue − refunds. */
  revenue: number
  grossRevenue: number
  refunds: number
  orders: number
  customers: number
  newCustomers: number
  averageOrderValue: number
  repeatCustomerRate: number
  /** refunds / grossRevenue; null without gross revenue. */
  refundRate: number | null
}

export interface SalesPeriod {
  period: string
  /** Net: grossRevenue − refunds, refunds on their own dates. */
  revenue: number
  grossRevenue: number
  refunds: number
  orders: number
  customers: number
  newCustomers: number
  /** The period is not over in the report (`to` or `asOf` cuts it short). */
  partial: boolean
}

export interface SalesReport {
  currency: string
  from: string
  to: string
  interval: 'day' | 'week' | 'month'
  totals: SalesTotals
  series: SalesPeriod[]
  topProducts: { product: string; revenue: number; orders: number; quantity: number }[]
  /** The best customers by revenue, anonymous. */
  topCustomers: { rank: number; revenue: number; orders: number }[]
  otherCurrencies: { currency: string; revenue: number; grossRevenue: number; refunds: number; orders: number }[]
}

export interface Trend {
  id: string
  metric: string
  direction: 'up' | 'down' | 'flat'
  change: number
  pValue: number
  period: string
  description: string
}

export interface ForecastPoint {
  period: string
  value: number
  lower: number
  upper: number
}

export interface Forecast {
  metric: 'revenue'
  interval: 'day' | 'week' | 'month'
  method: string
  points: ForecastPoint[]
  backtest: { mase: number; baselineMase: number; baseline: 'seasonal_naive' } | null
}

export interface Recommendation {
  id: string
  kind: string
  title: string
  rationale: string
  priority: string | number
  /** How many customers, never which. */
  audience?: { count: number }
}

export interface Insights {
  generatedAt: string
  asOf: string
  currency: string
  ai: { status: 'ok' | 'unavailable' | 'disabled'; model?: string }
  summary: string
  trends: Trend[]
  forecast: Forecast | null
  forecastReason?: string
  reason?: string
  segments: unknown[]
  recommendations: Recommendation[]
}
