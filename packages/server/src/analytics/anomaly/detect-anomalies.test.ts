import { describe, expect, it } from 'vitest'
import { normalFrom, seededRandom } from '../../../test/fixtures/seeded-random'
import { detectAnomalies } from './detect-anomalies'

describe('detectAnomalies', () => {
  it('finds an injected spike and drop, not the weekly pattern', () => {
    const random = seededRandom(2)
    const weekday = [1.4, 1.1, 1, 1, 1.2, 0.6, 0.4]
    const daily = Array.from({ length: 120 }, (_, t) => 1000 * (weekday[t % 7] as number) + 2 * t + 30 * normalFrom(random))
    daily[40] = (daily[40] as number) + 600
    daily[85] = (daily[85] as number) - 500
    const { anomalies, scores } = detectAnomalies(daily, { period: 7 })
    expect(scores).toHaveLength(120)
    expect(anomalies.map(({ index, direction }) => [index, direction])).toEqual([
      [40, 'spike'],
      [85, 'drop'],
    ])
    expect(anomalies[0]?.expected).toBeLessThan(anomalies[0]?.value ?? 0)
  })
})
