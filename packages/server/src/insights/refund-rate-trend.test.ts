import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../test/fixtures/seeded-random'
import { refundRateTrend } from './refund-rate-trend'
import type { SalesSeries } from './sales-series'

const MONTHS = 12
const ORDERS = 400

/**
 * A year of a shop’s months: 400 orders a month of 20–80 (minor units × 100), each refunded in full with the month's
 * probability, on the same month.
 */
function shop(rateOf: (month: number) => number, seed: number): SalesSeries {
  const random = seededRandom(seed)
  const grossRevenue: number[] = []
  const refunds: number[] = []
  for (let month = 0; month < MONTHS; month++) {
    let gross = 0
    let refunded = 0
    for (let order = 0; order < ORDERS; order++) {
      const amount = Math.round(2000 + 6000 * random())
      gross += amount
      if (random() < rateOf(month)) refunded += amount
    }
    grossRevenue.push(gross)
    refunds.push(refunded)
  }
  const labels = Array.from({ length: MONTHS }, (_, month) => `2026-${String(month + 1).padStart(2, '0')}`)
  const revenue = grossRevenue.map((gross, i) => gross - (refunds[i] as number))
  return { interval: 'month', labels, starts: labels.map((_, i) => i * 31), revenue, grossRevenue, refunds, orders: labels.map(() => ORDERS), customers: labels.map(() => ORDERS), averageOrderValue: revenue.map((value) => value / ORDERS) }
}

const rising = (month: number) => 0.02 + (0.06 * month) / (MONTHS - 1)
const flat = () => 0.05

describe('refundRateTrend', () => {
  it('finds a refund rate rising from 2 % to 8 % over a year, with its slope and the last two months', () => {
    const series = shop(rising, 1)
    const fact = refundRateTrend(series)
    expect(fact).toMatchObject({ id: 'refundRate-month', kind: 'trend', metric: 'refundRate', direction: 'up', periods: 12, period: '2026-12', previousPeriod: '2026-11' })
    expect(fact!.pValue).toBeLessThan(0.05)
    // Sen's slope near the true 6 / 11 percentage points a month.
    expect(fact!.slope).toBeGreaterThan(0.004)
    expect(fact!.slope).toBeLessThan(0.007)
    expect(fact!.current).toBeCloseTo((series.refunds[11] as number) / (series.grossRevenue[11] as number), 4)
    expect(fact!.previous).toBeCloseTo((series.refunds[10] as number) / (series.grossRevenue[10] as number), 4)
  })

  it('finds no rise in a flat rate with noise', () => {
    expect(refundRateTrend(shop(flat, 1))).toBeNull()
  })

  it('errs on a flat rate in at most 5 % of shops, and finds the rising one in at least 95 %', () => {
    // A rise is reported at two-sided 5 %: about 2.5 % of flat shops (25 of 1000, standard deviation 5).
    const seeds = Array.from({ length: 1000 }, (_, i) => i + 100)
    const falseAlarms = seeds.filter((seed) => refundRateTrend(shop(flat, seed)) !== null).length
    const found = seeds.filter((seed) => refundRateTrend(shop(rising, seed)) !== null).length
    expect(falseAlarms).toBeLessThanOrEqual(50)
    expect(found).toBeGreaterThanOrEqual(950)
  })

  it('needs six months with sales, and a rise of a percentage point at least', () => {
    const series = shop(rising, 2)
    const young = { ...series, grossRevenue: series.grossRevenue.map((gross, i) => (i < 7 ? 0 : gross)) }
    expect(refundRateTrend(young)).toBeNull()
    // Rising steadily but by a tenth of a point in a year: significant, not material.
    const slow = { ...series, refunds: series.grossRevenue.map((gross, i) => gross * (0.03 + 0.0001 * i)) }
    expect(refundRateTrend(slow)).toBeNull()
    expect(refundRateTrend({ ...series, refunds: series.refunds.map(() => 0) })).toBeNull()
  })
})
