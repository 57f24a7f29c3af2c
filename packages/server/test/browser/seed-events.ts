import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const HOSTILE_NAME = '<img src=x onerror=alert(1)>'
export const HOSTILE_PRODUCT = '</script><script>alert(1)</script>'

type Sender = { trackUser(user: Record<string, unknown>): unknown; trackPurchase(purchase: Record<string, unknown>): unknown; shutdown(): Promise<unknown> }

const sdkEntry = fileURLToPath(new URL('../../../sdk/dist/index.js', import.meta.url))

/**
 * A year of purchases by a dozen customers (the best one named with markup, buying a product named with markup), sent with the
 * real SDK when it is built, else as plain `/v1/batch` requests.
 *
 * @example
 * const via = await sendEvents(server.url, account.publishable) // 'sdk' | 'fetch'
 */
export async function sendEvents(host: string, apiKey: string): Promise<'sdk' | 'fetch'> {
  const users = [
    { userId: 'ada', name: 'Ada Lovelace', email: 'ada@example.com' },
    { userId: 'hostile', name: HOSTILE_NAME, email: 'x@example.com' },
    ...Array.from({ length: 10 }, (_, i) => ({ userId: `u${i}`, name: `Customer ${i}`, email: `u${i}@example.com` })),
  ]
  const products = ['Tea', 'Coffee', 'Mug', HOSTILE_PRODUCT]
  const purchases: Record<string, unknown>[] = []
  const day = 86_400_000
  const start = Date.now() - 360 * day
  users.forEach((user, u) => {
    for (let k = 0; k < 3 + (u % 4); k++) {
      const at = start + ((u * 37 + k * 71) % 355) * day
      purchases.push({
        orderId: `o-${user.userId}-${k}`,
        userId: user.userId,
        amount: 10 + ((u * 7 + k * 13) % 40) + (user.userId === 'hostile' ? 100 : 0),
        currency: 'USD',
        timestamp: new Date(at).toISOString(),
        product: user.userId === 'hostile' ? HOSTILE_PRODUCT : products[(u + k) % products.length],
      })
    }
  })

  if (existsSync(sdkEntry)) {
    const { createClient } = (await import(sdkEntry)) as { createClient(options: { apiKey: string; host: string }): Sender }
    const crm = createClient({ apiKey, host })
    for (const user of users) crm.trackUser(user)
    for (const purchase of purchases) crm.trackPurchase(purchase)
    await crm.shutdown()
    return 'sdk'
  }
  const batch = [...users.map((user) => ({ type: 'user', ...user })), ...purchases.map((purchase) => ({ type: 'purchase', ...purchase }))]
  const res = await fetch(`${host}/v1/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ batch }),
  })
  if (!res.ok) throw new Error(`batch failed: ${res.status}`)
  return 'fetch'
}
