import { describe, expect, it } from 'vitest'
import { ungroundedNumbers } from '../assistant/grounded-numbers'
import type { TrendFact } from './insight-facts'
import { insightTexts } from './insight-texts'

const trend: TrendFact = {
  id: 'revenue-month',
  kind: 'trend',
  metric: 'revenue',
  interval: 'month',
  direction: 'up',
  change: 0.125,
  pValue: 0.0123,
  slope: 1234.5,
  periods: 24,
  period: '2026-09',
  previousPeriod: '2026-08',
  current: 20250,
  previous: 18000,
}

describe('insight texts', () => {
  it('writes a trend in English and Russian from the fact’s numbers only', () => {
    const en = insightTexts('en', 'USD').trend(trend)
    expect(en).toBe('Revenue is rising by $1,234.50 a month (Mann-Kendall, p = 0.012, n = 24). 2026-09: $20,250.00, 12.5% against 2026-08.')
    const ru = insightTexts('ru', 'RUB').trend(trend)
    expect(ru).toMatch(/^Выручка: рост на 1\s234,50\s₽ в месяц \(тест Манна–Кендалла, p = 0,012, n = 24\)/)
    // Every number a template writes is one of the facts (the same check the model's answers must pass).
    expect(ungroundedNumbers(en, trend)).toEqual([])
    expect(ungroundedNumbers(ru, trend)).toEqual([])
  })

  it('names segments in both languages', () => {
    expect(insightTexts('en', 'USD').segmentName('cant-lose')).toBe('Can’t lose them')
    expect(insightTexts('ru', 'USD').segmentName('champions')).toBe('Чемпионы')
  })
})
