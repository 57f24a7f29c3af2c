// Plays customers and orders against the running shop (npm start), then asks it how delivery went.
import { CATALOG } from './catalog'

const shop = process.env.SHOP_URL ?? `http://127.0.0.1:${process.env.PORT ?? 4000}`
const customers = Number(process.env.CUSTOMERS ?? 25)

const post = async (path: string, body: unknown) => {
  const response = await fetch(`${shop}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`)
  return response.json() as Promise<Record<string, unknown>>
}

let orders = 0
for (let index = 1; index <= customers; index++) {
  const userId = `shop-customer-${index}`
  await post('/customers', { userId, name: `Customer ${index}`, email: `customer${index}@example.com`, newsletter: index % 2 === 0 })
  for (let order = 0; order < 1 + (index % 4); order++) {
    const lines = [CATALOG[(index + order) % CATALOG.length]!, CATALOG[(index * 3 + order) % CATALOG.length]!].map((product, line) => ({
      productId: product.id,
      quantity: 1 + ((index + line) % 2),
    }))
    await post('/orders', { userId, lines, ...(order === 0 ? { coupon: 'WELCOME' } : {}) })
    orders++
  }
}
console.log(`Placed ${orders} orders for ${customers} customers.`)
// The SDK sends in the background (every 2 s or 50 events); give it a moment, then show its counters.
await new Promise((resolve) => setTimeout(resolve, 3000))
console.log('Shop CRM counters:', await (await fetch(`${shop}/crm`)).json())
