import { afterEach, describe, expect, it, vi } from 'vitest'
import { createStoreApp, type PurchaseInput } from '../../test/fixtures/store-app'
import { InsightNarrator, LanguageModel } from '../assistant'
import { IngestionService, InThreadWriter } from '../ingestion'
import { Ledgers } from '../ledger'
import { createLogger } from '../logger'
import type { Stores } from '../store'
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
