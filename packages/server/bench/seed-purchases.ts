import { shopBasket } from '../scripts/synthetic-shop'
import { loadConfig } from '../src/config'
import { createCrm } from '../src/crm'
import { normalizePurchase } from '../src/ingestion'
import { createLogger } from '../src/logger'
import type { EventWrite } from '../src/store'
import { betaFrom, gammaFrom, seededRandom } from '../test/fixtures/seeded-random'

const DAY_MS = 86_400_000

/**
 * Adds up to `purchases` purchases to the customers `user-0 … user-{customers-1}` of a database made by
 * `seedDatabase`, the way customers behave (BG/NBD: each buys at their own Gamma-distributed rate and leaves after
 * a purchase with a Beta-distributed probability; first purchases over the first 18 months of two years), with the
 * synthetic shop's baskets. Written through the ingestion store in large transactions, as `seedDatabase` does.
 */
export async function seedCustomerPurchases(path: string, customers: number, purchases: number, start = Date.UTC(2024, 0, 1)): Promise<number> {
  const crm = createCrm(loadConfig({ CRM_DATABASE: path, CRM_SYNCHRONOUS: 'NORMAL', CRM_AI: 'off' }), { logger: createLogger('silent') })
  const appId = (crm.stores.db.prepare('SELECT id FROM apps ORDER BY id DESC LIMIT 1').get() as { id: number }).id
  const random = seededRandom(2026)
  const days = 730
  let chunk: EventWrite[] = []
  let written = 0
  const flush = () => {
    crm.stores.ingestion.write([{ appId, appCurrency: 'USD', receivedAt: Date.now(), events: chunk }])
    chunk = []
  }
  for (let pass = 0; written < purchases && pass < 5; pass++) {
    for (let c = 0; c < customers && written < purchases; c++) {
      const dailyRate = gammaFrom(random, 1.5) / 30
      const dropout = betaFrom(random, 1, 9)
      let day = random() * 548
      for (;;) {
        const items = shopBasket(random, day / days)
        const amount = items.reduce((sum, item) => sum + Number(item.price) * item.quantity, 0)
        const result = normalizePurchase(
          { orderId: `sim-${written}`, userId: `user-${c}`, amount: amount.toFixed(2), currency: 'USD', timestamp: new Date(start + day * DAY_MS).toISOString(), items },
          Date.now(),
        )
        if (!result.ok) throw new Error(JSON.stringify(result.issues))
        chunk.push(result.event)
        written++
        if (chunk.length === 20_000) flush()
        if (written >= purchases || random() < dropout) break
        day += -Math.log(1 - random()) / dailyRate
        if (day >= days) break
      }
    }
  }
  if (chunk.length) flush()
  crm.stores.totals.refresh()
  crm.stores.db.exec('ANALYZE')
  await crm.close()
  return written
}
