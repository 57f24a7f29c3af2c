import { loadConfig } from '../src/config'
import { createCrm } from '../src/crm'
import { normalizeRefund } from '../src/ingestion/normalize-refund'
import { createLogger } from '../src/logger'
import type { EventWrite } from '../src/store'
import { seededRandom } from '../test/fixtures/seeded-random'

const DAY_MS = 86_400_000

/**
 * Adds about `refunds` refunds to the last app of a database seeded with purchases: seven in ten of an order (half
 * of them the whole order, half a part, with no items, so reports spread them over the order's items), dated up to
 * 60 days after it, and three in ten of a customer alone (a goodwill credit). Written through the ingestion store,
 * which checks each against its order, as live refunds are.
 *
 * @example
 * await seedRefunds(path, 100_000) // after seedCustomerPurchases(path, …)
 */
export async function seedRefunds(path: string, refunds: number): Promise<number> {
  const crm = createCrm(loadConfig({ CRM_DATABASE: path, CRM_SYNCHRONOUS: 'NORMAL', CRM_AI: 'off' }), { logger: createLogger('silent') })
  const appId = (crm.stores.db.prepare('SELECT id FROM apps ORDER BY id DESC LIMIT 1').get() as { id: number }).id
  const purchases = crm.stores.db.prepare<[number], { count: number }>('SELECT count(*) AS count FROM purchases WHERE app_id = ?').get(appId)?.count ?? 0
  // Every k-th order: spread over the whole history without reading it all into memory.
  const step = Math.max(1, Math.floor(purchases / Math.ceil(refunds * 0.7)))
  const orders = crm.stores.db
    .prepare<[number, number], { orderId: string; userId: string; amount: number; ts: number }>(
      `SELECT p.order_id AS orderId, c.user_id AS userId, p.amount, p.ts FROM purchases p JOIN customers c ON c.id = p.customer_id
       WHERE p.app_id = ? AND p.id % ? = 0`,
    )
    .all(appId, step)
  const random = seededRandom(19)
  const now = Date.now()
  let chunk: EventWrite[] = []
  let written = 0
  const add = (body: Record<string, unknown>) => {
    const result = normalizeRefund(body, now)
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    chunk.push(result.event)
    written++
    if (chunk.length === 20_000) flush()
  }
  const flush = () => {
    crm.stores.ingestion.write([{ appId, appCurrency: 'USD', receivedAt: now, events: chunk }])
    chunk = []
  }
  for (const order of orders) {
    if (written >= refunds) break
    const cents = random() < 0.5 ? order.amount : Math.max(1, Math.floor(order.amount * random()))
    const timestamp = new Date(Math.min(now, order.ts + random() * 60 * DAY_MS)).toISOString()
    add({ refundId: `sim-r${written}`, userId: order.userId, orderId: order.orderId, amount: (cents / 100).toFixed(2), currency: 'USD', timestamp })
    if (written < refunds && random() < 0.43) {
      add({ refundId: `sim-r${written}`, userId: order.userId, amount: '5.00', currency: 'USD', timestamp, reason: 'goodwill' })
    }
  }
  if (chunk.length) flush()
  crm.stores.db.exec('ANALYZE')
  await crm.close()
  return written
}
