import { describe, expect, it } from 'vitest'
import type { ForecastFact } from './insight-facts'
import { forecastPeak, type RecommendationInputs } from './recommendation-facts'

const forecast = (interval: ForecastFact['interval'], values: number[], lastActual: number, recentTotal: number): ForecastFact => ({
  metric: 'revenue',
  interval,
  method: 'holt-winters-additive',
  points: values.map((value, i) => ({ period: interval === 'day' ? `2026-10-0${i + 1}` : `2026-1${i}`, value, lower: value * 0.8, upper: value * 1.2 })),
  backtest: { mase: 0.8, baselineMase: 1, baseline: 'seasonal_naive' },
  beatsBaseline: true,
  level: 0.95,
  lastActual: { period: '2026-09', value: lastActual },
  recentTotal,
})

const inputs = (fact: ForecastFact) => ({ forecast: fact }) as unknown as RecommendationInputs

describe('forecastPeak', () => {
  it('flags a month 15 % above the last one, with the gain as its impact', () => {
    const peak = forecastPeak(inputs(forecast('month', [100, 130, 90], 110, 300)))
    expect(peak?.subject.period).toBe('2026-11')
    expect(peak?.expectedImpact?.value).toBe(20)
    expect(peak?.evidence).toContainEqual({ metric: 'change', value: 0.1818 })
    expect(forecastPeak(inputs(forecast('month', [100, 120, 90], 110, 300)))).toBeNull()
  })

  it('compares days as a whole horizon, since single days swing with the weekday', () => {
    expect(forecastPeak(inputs(forecast('day', [10, 50, 10], 10, 65)))).toBeNull()
    const busy = forecastPeak(inputs(forecast('day', [30, 30, 30], 30, 60)))
    expect(busy?.expectedImpact?.value).toBe(30)
    expect(busy?.subject).toMatchObject({ period: '2026-10-01 – 2026-10-03', lastPeriod: '2026-09-28 – 2026-09-30' })
  })
})
