import { afterEach, describe, expect, it, vi } from 'vitest'
import { createStoreApp, type PurchaseInput } from '../../test/fixtures/store-app'
import { seededRandom } from '../../test/fixtures/seeded-random'
import { type RefundInput, writeRefunds } from '../../test/fixtures/store-refunds'
import { InsightNarrator, LanguageModel } from '../assistant'
import { IngestionService, InThreadWriter } from '../ingestion'
import { Ledgers } from '../ledger'
import { createLogger } from '../logger'
import type { EventWrite, Stores } from '../store'
import { InsightsService } from './insights-service'

/** 150 customers, most of them back a few times over a year: enough for the customer model to fit. */
function shopPurchases(): PurchaseInput[] {
  const purchases: PurchaseInput[] = []
  for (let c = 0; c < 150; c++) {
    const visits = 1 + ((c * 7) % 5)
    for (let v = 0; v < visits; v++) {
      const day = (c * 3 + v * (20 + (c % 30))) % 360
      purchases.push({ orderId: `o-${c}-${v}`, userId: `c${c}`, amount: 10 + ((c + v) % 40), timestamp: new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString() })
    }
  }
  return purchases
}

function insightsService(stores: Stores, ledgers: Ledgers): InsightsService {
  return new InsightsService({
    ledgers,
    ledgerStore: stores.ledger,
    insightInputs: stores.insightInputs,
    apps: stores.apps,
    ingestion: new IngestionService(new InThreadWriter(stores.ingestion, stores.totals)),
    narrator: new InsightNarrator(new LanguageModel({ enabled: false, host: 'http://127.0.0.1:9', model: 'none' })),
    logger: createLogger('silent'),
  })
}

const services: InsightsService[] = []
afterEach(() => {
  for (const service of services.splice(0)) service.close()
})

describe('InsightsService predictions', () => {
  it('fits a large app’s model from the store without reading its ledger: none meanwhile, then the ledger’s own', async () => {
    const { stores, app, purchase } = createStoreApp()
    purchase(...shopPurchases())
    const customer = stores.customers.findCustomer(app.id, 'c12')!
    const options = { asOf: Date.UTC(2026, 0, 1), horizonDays: 90 }

    const ledgers = new Ledgers(stores.ledger, { syncLoadLimit: 10 })
    const fromStore = insightsService(stores, ledgers)
    services.push(fromStore)
    expect(await fromStore.predictions(app, customer, options)).toBeNull()
    const predicted = await vi.waitFor(async () => (await fromStore.predictions(app, customer, options)) ?? Promise.reject(new Error('not yet')), { timeout: 20_000, interval: 20 })
    expect(predicted).toMatchObject({ model: expect.stringMatching(/^bg-nbd/), horizonDays: 90 })
    expect(ledgers.peek(app)).toBeUndefined()

    const loaded = new Ledgers(stores.ledger)
    await loaded.ready(app)
    const fromLedger = insightsService(stores, loaded)
    services.push(fromLedger)
    expect(await fromLedger.predictions(app, customer, options)).toEqual(predicted)
  })
})

describe('InsightsService on the true history', () => {
  it('fits the same net model from the store and from the ledger when orders were refunded', async () => {
    const { stores, app, purchase } = createStoreApp()
    const purchases = shopPurchases()
    purchase(...purchases)
    // Every fifth order back in full, every seventh halved, and a refund of no order for every eleventh customer.
    const refunds: RefundInput[] = []
    purchases.forEach((order, i) => {
      const amount = Number(order.amount)
      const timestamp = new Date(Date.parse(order.timestamp) + 86_400_000).toISOString()
      if (i % 5 === 0) refunds.push({ refundId: `full-${i}`, userId: order.userId, orderId: order.orderId, amount, timestamp })
      else if (i % 7 === 0) refunds.push({ refundId: `half-${i}`, userId: order.userId, orderId: order.orderId, amount: amount / 2, timestamp })
    })
    for (let c = 0; c < 150; c += 11) refunds.push({ refundId: `goodwill-${c}`, userId: `c${c}`, amount: 3, timestamp: '2025-06-01T00:00:00Z' })
    writeRefunds({ stores, app }, ...refunds)
    const options = { asOf: Date.UTC(2026, 0, 1), horizonDays: 90 }
    const customers = ['c3', 'c12', 'c44', 'c77'].map((userId) => stores.customers.findCustomer(app.id, userId)!)

    const fromStore = insightsService(stores, new Ledgers(stores.ledger, { syncLoadLimit: 10 }))
    services.push(fromStore)
    const loaded = new Ledgers(stores.ledger)
    await loaded.ready(app)
    const fromLedger = insightsService(stores, loaded)
    services.push(fromLedger)
    await vi.waitFor(async () => (await fromStore.predictions(app, customers[0]!, options)) ?? Promise.reject(new Error('not yet')), { timeout: 20_000, interval: 20 })
    for (const customer of customers) {
      const predicted = await fromStore.predictions(app, customer, options)
      expect(predicted).toMatchObject({ model: expect.stringMatching(/^bg-nbd/) })
      expect(await fromLedger.predictions(app, customer, options)).toEqual(predicted)
    }
  })

  it('states a rising refund rate, a product refunded far more often and the warm customers not buying', async () => {
    const { stores, app, purchase } = createStoreApp()
    const random = seededRandom(19)
    const start = Date.UTC(2024, 9, 1)
    const purchases: PurchaseInput[] = []
    const refunds: RefundInput[] = []
    for (let day = 0; day < 730; day++) {
      for (let k = 0; k < 4; k++) {
        const orderId = `o${day}-${k}`
        const userId = `c${Math.floor(random() * 300)}`
        const timestamp = new Date(start + day * 86_400_000 + k * 3_600_000).toISOString()
        const products = [`p${Math.floor(random() * 10)}`, ...(random() < 0.15 ? ['mug'] : [])]
        const items = products.map((productId) => ({ productId, name: productId.toUpperCase(), quantity: 1, price: '10.00' }))
        purchases.push({ orderId, userId, amount: `${products.length * 10}.00`, timestamp, items })
        const back = new Date(Date.parse(timestamp) + 3 * 86_400_000).toISOString()
        // Whole orders come back more and more often (1 % to 10 %), the mug alone at 35 %.
        if (random() < 0.01 + (0.09 * day) / 730) refunds.push({ refundId: `r-${orderId}`, userId, orderId, amount: `${products.length * 10}.00`, timestamp: back })
        else if (products.includes('mug') && random() < 0.35) refunds.push({ refundId: `m-${orderId}`, userId, orderId, amount: '10.00', timestamp: back, items: [items.at(-1)!] })
      }
    }
    purchase(...purchases)
    writeRefunds({ stores, app }, ...refunds)
    const asOf = Date.parse('2026-10-01T00:00:00Z')
    // Ten leads browsing in the last weeks, who never bought.
    const events: EventWrite[] = []
    for (let lead = 0; lead < 10; lead++) for (const days of [2, 9, 16]) events.push({ type: 'event', userId: `lead-${lead}`, name: 'Viewed pricing', timestamp: asOf - days * 86_400_000 })
    stores.ingestion.write([{ appId: app.id, appCurrency: 'USD', receivedAt: asOf, events }])

    const service = insightsService(stores, new Ledgers(stores.ledger))
    services.push(service)
    const insights = await service.insights(app, { asOf, narrate: false, lang: 'en' })
    const refundRate = insights.trends.find((trend) => trend.id === 'refundRate-month')
    expect(refundRate).toMatchObject({ metric: 'refundRate', direction: 'up', periods: 24 })
    expect(refundRate?.description).toMatch(/^The refund rate is rising by /)
    const mug = insights.recommendations.find((recommendation) => recommendation.kind === 'review_refunds')
    expect(mug?.id).toBe('review-refunds-mug')
    expect(insights.recommendations.filter((recommendation) => recommendation.kind === 'review_refunds')).toHaveLength(1)
    const warm = insights.recommendations.find((recommendation) => recommendation.kind === 'warm_not_buying')
    expect(warm?.audience?.count).toBe(10)
    expect(warm?.audience?.userIds.every((userId) => userId.startsWith('lead-'))).toBe(true)
    const ru = await service.insights(app, { asOf, narrate: false, lang: 'ru' })
    expect(ru.recommendations.find((recommendation) => recommendation.kind === 'warm_not_buying')?.rationale).toMatch(/^10 покупателей были активны/)
  })
})
