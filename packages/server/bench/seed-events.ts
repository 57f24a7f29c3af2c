import { loadConfig } from '../src/config'
import { createCrm } from '../src/crm'
import { normalizeCustomEvent } from '../src/ingestion/normalize-custom-event'
import { createLogger } from '../src/logger'
import type { EventWrite } from '../src/store'
import { seededRandom } from '../test/fixtures/seeded-random'

const DAY_MS = 86_400_000
const NAMES = ['Viewed product', 'Viewed pricing', 'Added to cart', 'Opened support ticket', 'Signed in', 'Read newsletter', 'Used coupon']

/**
 * Adds `events` custom events to the customers `user-0 … user-{customers-1}` of the last app of a seeded database,
 * spread over the two years before `end` (denser towards it, as an app that grows), seven names. Written through the
 * ingestion store in large transactions, as the other seeds are.
 *
 * @example
 * await seedEvents(path, 100_000, 1_000_000, Date.UTC(2026, 0, 1))
 */
export async function seedEvents(path: string, customers: number, events: number, end: number): Promise<number> {
  const crm = createCrm(loadConfig({ CRM_DATABASE: path, CRM_SYNCHRONOUS: 'NORMAL', CRM_AI: 'off' }), { logger: createLogger('silent') })
  const appId = (crm.stores.db.prepare('SELECT id FROM apps ORDER BY id DESC LIMIT 1').get() as { id: number }).id
  const random = seededRandom(23)
  const now = Date.now()
  let chunk: EventWrite[] = []
  const flush = () => {
    crm.stores.ingestion.write([{ appId, appCurrency: 'USD', receivedAt: now, events: chunk }])
    chunk = []
  }
  for (let i = 0; i < events; i++) {
    // sqrt of a uniform: more events in the recent months.
    const age = (1 - Math.sqrt(random())) * 730 * DAY_MS
    const result = normalizeCustomEvent(
      { userId: `user-${Math.floor(random() * customers)}`, event: NAMES[i % NAMES.length]!, timestamp: new Date(end - age).toISOString(), properties: { n: i % 100 } },
      now,
    )
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    chunk.push(result.event)
    if (chunk.length === 20_000) flush()
  }
  if (chunk.length) flush()
  crm.stores.totals.refresh()
  crm.stores.db.exec('ANALYZE')
  await crm.close()
  return events
}
