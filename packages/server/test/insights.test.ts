import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { syntheticShop } from '../scripts/synthetic-shop'
import { loadEvents } from './fixtures/load-events'
import { type Account, startTestServer, type TestServer } from './harness'

let server: TestServer
let shop: Account
const ASOF = '2026-10-01T00:00:00Z'
const CUSTOMERS = 800

beforeAll(async () => {
  server = await startTestServer()
  shop = await server.signup('Shop')
  await loadEvents(server, shop.secret, syntheticShop({ customers: CUSTOMERS, start: new Date('2024-10-01T00:00:00Z'), days: 730 }))
}, 120_000)

afterAll(() => server.close())

describe('GET /v1/insights', () => {
  it('finds the growth, the forecast, the segments and the product pairs of the synthetic shop', async () => {
    const res = await server.call('GET', `/v1/insights?asOf=${ASOF}`, { key: shop.secret })
    expect(res.status).toBe(200)
    const insights = res.body
    expect(insights.ai).toEqual({ status: 'disabled' })
    expect(insights.asOf).toBe('2026-10-01T00:00:00.000Z')
    expect(insights.summary).toMatch(/^Revenue in 2026-09: \$/)

    const revenue = insights.trends.find((trend: { id: string }) => trend.id === 'revenue-month')
    expect(revenue).toMatchObject({ kind: 'trend', metric: 'revenue', direction: 'up', period: '2026-09', interval: 'month' })
    expect(revenue.pValue).toBeLessThan(0.01)
    expect(revenue.slope).toBeGreaterThan(0)
    expect(revenue.description).toContain('Mann-Kendall')

    const products = insights.trends.filter((trend: { kind: string }) => trend.kind === 'product')
    expect(products.find((trend: { productId: string }) => trend.productId === 'cold-brew')?.direction).toBe('up')
    expect(products.find((trend: { productId: string }) => trend.productId === 'decaf-beans')?.direction).toBe('down')

    // 24 months are too few to backtest monthly methods, so the default forecast is by day (weekly pattern).
    expect(insights.forecast).toMatchObject({ metric: 'revenue', interval: 'day' })
    expect(insights.forecast.points).toHaveLength(14)
    expect(insights.forecast.points[0].period).toBe('2026-10-01')
    for (const point of insights.forecast.points) {
      expect(point.lower).toBeLessThanOrEqual(point.value)
      expect(point.upper).toBeGreaterThanOrEqual(point.value)
    }
    expect(insights.forecast.backtest.baseline).toBe('seasonal_naive')

    const affinity = /^(dripper|paper-filters|kettle|scale|grinder|espresso-beans|milk-jug|mug)$/
    expect(insights.productPairs.length).toBeGreaterThan(0)
    expect(insights.productPairs[0].productId).toMatch(affinity)
    expect(insights.productPairs[0].otherProductId).toMatch(affinity)
    expect(insights.productPairs[0].lift).toBeGreaterThan(2)

    const segmentCustomers = insights.segments.reduce((sum: number, segment: { customers: number }) => sum + segment.customers, 0)
    expect(segmentCustomers).toBe(CUSTOMERS)
    expect(insights.segments.find((segment: { segment: string }) => segment.segment === 'champions')?.name).toBe('Champions')

    expect(insights.customerModel.status).toBe('fitted')

    const kinds = insights.recommendations.map((recommendation: { kind: string }) => recommendation.kind)
    expect(kinds).toContain('cross_sell')
    const pairs = insights.recommendations
      .filter((recommendation: { kind: string }) => recommendation.kind === 'cross_sell')
      .map((recommendation: { id: string }) => recommendation.id)
    expect(pairs.some((id: string) => /dripper.*paper-filters|paper-filters.*dripper|kettle.*scale|scale.*kettle|grinder.*espresso|espresso.*grinder|milk-jug.*mug|mug.*milk-jug/.test(id))).toBe(true)
    for (const recommendation of insights.recommendations) {
      expect(['high', 'medium', 'low']).toContain(recommendation.priority)
      expect(recommendation.evidence.length).toBeGreaterThan(0)
      if (recommendation.audience) {
        expect(recommendation.audience.count).toBeGreaterThan(0)
        expect(recommendation.audience.userIds).toHaveLength(Math.min(recommendation.audience.count, 1000))
      }
    }
  })

  it('writes the same facts in Russian', async () => {
    const res = await server.call('GET', `/v1/insights?asOf=${ASOF}&lang=ru`, { key: shop.secret })
    expect(res.body.summary).toMatch(/^Выручка за 2026-09/)
    expect(res.body.trends[0].description).toMatch(/[а-я]/)
    expect(res.body.recommendations[0].title).toMatch(/[а-я]/)
  })

  it('serves the parts alone, and a forecast by another interval', async () => {
    const trends = await server.call('GET', `/v1/insights/trends?asOf=${ASOF}`, { key: shop.secret })
    expect(trends.body.data.length).toBeGreaterThan(4)
    const recommendations = await server.call('GET', `/v1/insights/recommendations?asOf=${ASOF}`, { key: shop.secret })
    expect(recommendations.body.data.length).toBeGreaterThan(0)
    const monthly = await server.call('GET', `/v1/insights/forecast?asOf=${ASOF}&interval=month`, { key: shop.secret })
    expect(monthly.body.forecast.points.map((point: { period: string }) => point.period)).toEqual(['2026-10', '2026-11', '2026-12'])
    const daily = await server.call('GET', `/v1/insights/forecast?asOf=${ASOF}&interval=day&horizon=7`, { key: shop.secret })
    expect(daily.status).toBe(200)
    expect(daily.body.forecast.points).toHaveLength(7)
    expect(daily.body.forecast.points[0].period).toBe('2026-10-01')
    expect(daily.body.forecast.backtest.baseline).toBe('seasonal_naive')
    expect(typeof daily.body.forecast.beatsBaseline).toBe('boolean')
  })

  it('says why there is no forecast for a young shop', async () => {
    const young = await server.signup('Young')
    await loadEvents(server, young.secret, syntheticShop({ customers: 30, start: new Date('2026-09-01T00:00:00Z'), days: 25 }))
    const res = await server.call('GET', `/v1/insights/forecast?asOf=${ASOF}&interval=month`, { key: young.secret })
    expect(res.body.forecast).toBeNull()
    expect(res.body.reason).toMatch(/two seasons \(24\) needed/)
    const insights = await server.call('GET', `/v1/insights?asOf=${ASOF}`, { key: young.secret })
    expect(insights.body.customerModel).toMatchObject({ status: 'insufficient-data' })
  })

  it('gives customers predictions from the fitted model', async () => {
    const res = await server.call('GET', `/v1/customers/cust-00001?asOf=${ASOF}&horizonDays=90`, { key: shop.secret })
    expect(res.status).toBe(200)
    const { predictions } = res.body
    expect(predictions.model).toMatch(/^bg-nbd/)
    expect(predictions.horizonDays).toBe(90)
    expect(predictions.probabilityActive).toBeGreaterThan(0)
    expect(predictions.probabilityActive).toBeLessThanOrEqual(1)
    expect(predictions.expectedPurchases).toBeGreaterThanOrEqual(0)
    const longer = await server.call('GET', `/v1/customers/cust-00001?asOf=${ASOF}&horizonDays=365`, { key: shop.secret })
    expect(longer.body.predictions.expectedPurchases).toBeGreaterThanOrEqual(predictions.expectedPurchases)
  })

  it('recomputes the live insights in the background after new data', async () => {
    const first = await server.call('GET', '/v1/insights', { key: shop.secret })
    expect(first.status).toBe(200)
    const created = await server.call('POST', '/v1/purchases', {
      key: shop.secret,
      body: { orderId: 'late-order', userId: 'cust-00002', amount: '10.00', currency: 'USD', product: 'Mug' },
    })
    expect(created.status).toBe(201)
    let generatedAt = first.body.generatedAt
    for (let attempt = 0; attempt < 50 && generatedAt === first.body.generatedAt; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      generatedAt = (await server.call('GET', '/v1/insights', { key: shop.secret })).body.generatedAt
    }
    expect(generatedAt > first.body.generatedAt).toBe(true)
  })

  it('documents every report, insight and assistant route in /openapi.json', async () => {
    const { body } = await server.call('GET', '/openapi.json')
    for (const path of ['/v1/reports/sales', '/v1/insights', '/v1/insights/trends', '/v1/insights/forecast', '/v1/insights/recommendations']) {
      expect(body.paths[path]?.get?.responses?.['200']).toBeDefined()
    }
    expect(body.paths['/v1/assistant/ask']?.post?.responses?.['503']).toBeDefined()
    expect(body.components.schemas.Predictions.properties.lowConfidence).toBeDefined()
  })

  it('is closed to a publishable key', async () => {
    expect((await server.call('GET', '/v1/insights', { key: shop.publishable })).status).toBe(403)
    expect((await server.call('GET', '/v1/insights/forecast', { key: shop.publishable })).status).toBe(403)
  })
})
