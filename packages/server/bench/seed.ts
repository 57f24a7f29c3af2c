import { loadConfig } from '../src/config'
import { createCrm } from '../src/crm'
import { normalizePurchase, normalizeUser } from '../src/ingestion'
import { createLogger } from '../src/logger'
import type { EventWrite } from '../src/store'

export type SeededDatabase = { secret: string; publishable: string; customers: number; purchases: number; seconds: number }

const PRODUCTS = ['Espresso beans', 'Filter beans', 'Grinder', 'Kettle', 'Mug', 'Scale', 'Dripper', 'Paper filters', 'Tamper', 'Milk jug']

/**
 * Creates an account and seeds its app with `customers` customers and `purchases` purchases over two years,
 * through the same validation and store code as ingestion (in large transactions, without HTTP).
 */
export async function seedDatabase(path: string, customers: number, purchases: number): Promise<SeededDatabase> {
  const started = performance.now()
  const crm = createCrm(loadConfig({ CRM_DATABASE: path, CRM_SYNCHRONOUS: 'NORMAL' }), { logger: createLogger('silent') })
  const res = await crm.app.request('/api/auth/signup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench', email: `bench-${Date.now()}@example.com`, password: 'bench-password' }),
  })
  const signup = (await res.json()) as { apiKeys: { secret: string; publishable: string } }
  const appId = (crm.stores.db.prepare('SELECT id FROM apps ORDER BY id DESC LIMIT 1').get() as { id: number }).id
  const start = Date.UTC(2024, 0, 1)
  const span = 2 * 365 * 86_400_000
  const write = (events: EventWrite[]) => crm.stores.ingestion.write([{ appId, appCurrency: 'USD', receivedAt: Date.now(), events }])
  let chunk: EventWrite[] = []
  const push = (result: ReturnType<typeof normalizeUser>) => {
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    chunk.push(result.event)
    if (chunk.length === 20_000) {
      write(chunk)
      chunk = []
    }
  }
  for (let i = 0; i < customers; i++) {
    push(normalizeUser({ userId: `user-${i}`, name: `Customer ${i}`, email: `customer${i}@example.com`, createdAt: new Date(start + ((i * 7919) % span)).toISOString() }))
  }
  for (let i = 0; i < purchases; i++) {
    const price = ((i * 37) % 9000) / 100 + 5
    push(
      normalizePurchase(
        {
          orderId: `seed-${i}`,
          userId: `user-${(i * 48271) % customers}`,
          amount: price.toFixed(2),
          currency: 'USD',
          timestamp: new Date(start + ((i * 104729) % span)).toISOString(),
          items: [{ productId: `sku-${i % PRODUCTS.length}`, name: PRODUCTS[i % PRODUCTS.length]!, price: price.toFixed(2) }],
        },
        Date.now(),
      ),
    )
  }
  if (chunk.length) write(chunk)
  crm.stores.db.pragma('wal_checkpoint(TRUNCATE)')
  crm.stores.totals.refresh()
  crm.stores.db.exec('ANALYZE')
  await crm.close()
  return { ...signup.apiKeys, customers, purchases, seconds: (performance.now() - started) / 1000 }
}
