import { describe, expect, it } from 'vitest'
import { dayNumber } from '../calendar'
import { revenueForecast } from './forecast-facts'
import type { SalesSeries } from './sales-series'

const series = (values: number[]): SalesSeries => {
  const start = dayNumber('2026-01-01')
  return {
    interval: 'day',
    labels: values.map((_, i) => new Date((start + i) * 86_400_000).toISOString().slice(0, 10)),
    starts: values.map((_, i) => start + i),
    revenue: values,
    grossRevenue: values,
    refunds: values.map(() => 0),
    orders: values,
    customers: values,
    averageOrderValue: values.map(() => 1),
  }
}

describe('revenueForecast', () => {
  it('forecasts a weekly pattern by day with intervals, naming the next days', () => {
    const values = Array.from({ length: 70 }, (_, i) => 1000 + 500 * Math.sin((2 * Math.PI * i) / 7) + 3 * i)
    const { forecast, reason } = revenueForecast(series(values), 7, 0.01)
    expect(reason).toBeNull()
    expect(forecast?.points).toHaveLength(7)
    expect(forecast?.points[0]?.period).toBe('2026-03-12')
    expect(forecast?.backtest?.baseline).toBe('seasonal_naive')
  })

  it('keeps to additive methods when a day had no sales (multiplicative seasonality cannot fit a zero)', () => {
    // Multiplicative seasonality wins the backtest here, where the last day is only ever an actual; fitted on the
    // whole history, with its zero, it would throw.
    const values = Array.from({ length: 70 }, (_, i) => (100 + 5 * i) * (1 + 0.6 * Math.sin((2 * Math.PI * i) / 7)))
    values[69] = 0
    const { forecast, reason } = revenueForecast(series(values), 7, 0.01)
    expect(reason).toBeNull()
    expect(forecast?.method).not.toContain('multiplicative')
    for (const point of forecast?.points ?? []) expect(point.lower).toBeGreaterThanOrEqual(0)
  })

  it('gives a reason instead of a forecast for a short history', () => {
    expect(revenueForecast(series([1, 2, 3]), 7, 1)).toEqual({ forecast: null, reason: '3 points of history, two seasons (14) needed (days)' })
  })
})
