import { describe, expect, it } from 'vitest'
import { ungroundedNumbers } from '../assistant/grounded-numbers'
import type { RecommendationFact, TrendFact } from './insight-facts'
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

const refundRate: TrendFact = {
  id: 'refundRate-month',
  kind: 'trend',
  metric: 'refundRate',
  interval: 'month',
  direction: 'up',
  change: 0.1,
  pValue: 0.0004,
  slope: 0.00917,
  periods: 12,
  period: '2026-09',
  previousPeriod: '2026-08',
  current: 0.121,
  previous: 0.11,
}

const reviewRefunds: RecommendationFact = {
  id: 'review-refunds-mug',
  kind: 'review_refunds',
  priority: 'high',
  expectedImpact: { metric: 'revenue', value: 535.22, basis: '' },
  evidence: [
    { metric: 'refundRate', value: 0.3 },
    { metric: 'shopRefundRate', value: 0.0356 },
    { metric: 'refunds', value: 61 },
    { metric: 'orders', value: 201 },
    { metric: 'pValue', value: 2.1e-25 },
    { metric: 'productsTested', value: 21 },
    { metric: 'refundedRevenue', value: 600 },
    { metric: 'excessRefunds', value: 535.22 },
    { metric: 'days', value: 365 },
    { metric: 'method', value: 'one-sided exact binomial test against the rest of the shop, Benjamini–Hochberg adjusted' },
  ],
  subject: { product: 'Mug', productId: 'mug' },
}

const warm = (count: number, never: number, conversion: boolean): RecommendationFact => ({
  id: 'warm-not-buying',
  kind: 'warm_not_buying',
  priority: 'medium',
  audience: { count, userIds: [] },
  ...(conversion ? { expectedImpact: { metric: 'revenue' as const, value: 70, basis: '' } } : {}),
  evidence: [
    { metric: 'customers', value: count },
    { metric: 'neverBought', value: never },
    { metric: 'minimumEvents', value: 3 },
    { metric: 'windowDays', value: 30 },
    { metric: 'daysWithoutPurchase', value: 60 },
    { metric: 'previousCohort', value: conversion ? 21 : 4 },
    { metric: 'previousCohortBought', value: conversion ? 1 : 0 },
    ...(conversion ? [{ metric: 'conversionRate', value: 0.0476 }, { metric: 'averageOrderValue', value: 40 }] : []),
  ],
  subject: {},
})

describe('texts of refunds and warm customers', () => {
  it('writes a rising refund rate in percentage points, in both languages', () => {
    const en = insightTexts('en', 'USD').trend(refundRate)
    expect(en).toBe('The refund rate is rising by 0.92 percentage points a month (Mann-Kendall, p < 0.001, n = 12). 2026-09: 12.1% of gross revenue refunded, against 11% in 2026-08.')
    const ru = insightTexts('ru', 'RUB').trend(refundRate)
    expect(ru).toBe('Доля возвратов растёт на 0,92 п. п. в месяц (тест Манна–Кендалла, p < 0,001, n = 12). 2026-09: возвращено 12,1\u00a0% валовой выручки против 11\u00a0% в 2026-08.')
    expect(insightTexts('en', 'USD').trend({ ...refundRate, slope: 0.01 })).toContain('by 1 percentage point a month')
    // "p < 0.001" states the bound the texts write tiny p-values with.
    for (const text of [en, ru]) expect(ungroundedNumbers(text, [refundRate, 0.001])).toEqual([])
  })

  it('writes a product refunded far more often, with counts that agree with their words', () => {
    const en = insightTexts('en', 'USD').recommendation(reviewRefunds)
    expect(en.title).toBe('Look into the refunds of “Mug”')
    expect(en.rationale).toBe(
      '“Mug” was refunded 61 times against 201 orders in the last 365 days: 30%, against 3.6% for the rest of the shop (one-sided binomial test, p < 0.001 after Benjamini–Hochberg over 21 products). The refunds above the shop’s rate cost $535.22: check its quality, description and delivery.',
    )
    const ru = insightTexts('ru', 'RUB').recommendation(reviewRefunds)
    expect(ru.title).toBe('Разберитесь с возвратами «Mug»')
    expect(ru.rationale).toMatch(/^«Mug» возвращали 61 раз при 201 заказе за последние 365 дней: 30\s%/)
    expect(ru.rationale).toContain('с поправкой Бенджамини–Хохберга на 21 товар)')
    const fewer = { ...reviewRefunds, evidence: reviewRefunds.evidence.map((item) => (item.metric === 'refunds' ? { ...item, value: 22 } : item.metric === 'productsTested' ? { ...item, value: 5 } : item)) }
    const two = insightTexts('ru', 'RUB').recommendation(fewer)
    expect(two.rationale).toContain('возвращали 22 раза при 201 заказе')
    expect(two.rationale).toContain('на 5 товаров)')
    for (const text of [en.rationale, ru.rationale]) expect(ungroundedNumbers(text, [reviewRefunds, 0.001])).toEqual([])
    expect(ungroundedNumbers(two.rationale, [fewer, 0.001])).toEqual([])
  })

  it('writes the warm customers who are not buying, singular and plural, with or without an estimate', () => {
    const en = insightTexts('en', 'USD').recommendation(warm(7, 5, true))
    expect(en).toEqual({
      title: 'Reach out to warm customers who are not buying',
      rationale:
        '7 customers were active in the last 30 days (at least 3 events each) but have not bought in 60 days; 5 of them have never bought. Of the 21 customers in that situation 30 days earlier, 1 bought within 30 days (4.8%); at an average order of $40.00, the expected impact is $70.00.',
    })
    expect(insightTexts('en', 'USD').recommendation(warm(1, 1, false)).rationale).toBe(
      '1 customer was active in the last 30 days (at least 3 events each) but has not bought in 60 days; 1 of them has never bought. Too few customers were in that situation 30 days earlier (4) to estimate how many will buy.',
    )
    const ru = insightTexts('ru', 'RUB').recommendation(warm(21, 2, true))
    expect(ru.title).toBe('Свяжитесь с активными покупателями, которые не покупают')
    expect(ru.rationale).toMatch(
      /^21 покупатель был активен за последние 30 дней \(не меньше 3 событий у каждого\), но не покупал 60 дней; 2 из них ещё ни разу не покупали\. Из тех, кто был в таком положении 30 дней назад \(21\), за эти 30 дней купил 1 \(4,8\s%\); при среднем чеке 40,00\s₽ ожидаемый эффект 70,00\s₽\.$/,
    )
    expect(insightTexts('ru', 'RUB').recommendation(warm(5, 1, false)).rationale).toBe(
      '5 покупателей были активны за последние 30 дней (не меньше 3 событий у каждого), но не покупали 60 дней; 1 из них ещё ни разу не покупал. 30 дней назад в таком положении было слишком мало покупателей (4), чтобы оценить, сколько из них купит.',
    )
    for (const fact of [warm(7, 5, true), warm(21, 2, true), warm(5, 1, false)]) {
      for (const lang of ['en', 'ru'] as const) expect(ungroundedNumbers(insightTexts(lang, 'USD').recommendation(fact).rationale, fact)).toEqual([])
    }
  })
})

describe('audiences of the earlier recommendations, counted with plural rules', () => {
  const winBack = (count: number): RecommendationFact => ({
    id: 'win-back',
    kind: 'win_back',
    priority: 'high',
    audience: { count, userIds: [] },
    expectedImpact: { metric: 'revenue', value: 1200, basis: '' },
    evidence: [{ metric: 'averageProbabilityActive', value: 0.31 }],
    subject: {},
  })
  const crossSell = (count: number, both: number): RecommendationFact => ({
    id: 'cross-sell-a-b',
    kind: 'cross_sell',
    priority: 'medium',
    audience: { count, userIds: [] },
    expectedImpact: { metric: 'revenue', value: 90, basis: '' },
    evidence: [
      { metric: 'confidence', value: 0.4 },
      { metric: 'lift', value: 3.1 },
      { metric: 'basketsWithBoth', value: both },
    ],
    subject: { product: 'Kettle', otherProduct: 'Scale' },
  })

  it('agrees in English', () => {
    const en = insightTexts('en', 'USD')
    expect(en.recommendation(winBack(1)).rationale).toMatch(/^1 customer from the top two revenue quintiles has probably lapsed/)
    expect(en.recommendation(winBack(12)).rationale).toMatch(/^12 customers from the top two revenue quintiles have probably lapsed/)
    expect(en.recommendation(crossSell(1, 1)).rationale).toContain('(lift 3.1, 1 order). 1 buyer of “Kettle” has never bought “Scale”')
    expect(en.recommendation(crossSell(5, 40)).rationale).toContain('(lift 3.1, 40 orders). 5 buyers of “Kettle” have never bought “Scale”')
  })

  it('agrees in Russian', () => {
    const ru = insightTexts('ru', 'RUB')
    expect(ru.recommendation(winBack(21)).rationale).toMatch(/^21 покупатель из двух верхних квинтилей по выручке, скорее всего, ушёл: средняя вероятность, что он ещё активен, 31\s%/)
    expect(ru.recommendation(winBack(3)).rationale).toMatch(/^3 покупателя из двух верхних квинтилей по выручке, скорее всего, ушли/)
    expect(ru.recommendation(winBack(11)).rationale).toMatch(/^11 покупателей из двух/)
    expect(ru.recommendation(crossSell(1, 2)).rationale).toContain('(лифт 3,1, 2 заказа). 1 покупатель «Kettle» ещё не брал «Scale»')
    expect(ru.recommendation(crossSell(7, 25)).rationale).toContain('(лифт 3,1, 25 заказов). 7 покупателей «Kettle» ещё не брали «Scale»')
  })
})
