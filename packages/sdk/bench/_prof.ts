import { createClient } from '../src'
const client = createClient({ apiKey: 'crm_pk_bench', host: 'http://127.0.0.1:9', flushAt: 1000, flushInterval: 1e9, maxQueueEvents: 1e7, maxQueueBytes: 1e10 })
client.on('error', () => {})
const ps = Array.from({ length: 200_000 }, (_, i) => ({ orderId: `order-${i}`, userId: `user-${i % 1000}`, amount: 42.5, currency: 'USD', product: 'Ceramic teapot', properties: { channel: 'web' } }))
for (let r = 0; r < 3; r++) {
  const t = process.hrtime.bigint()
  for (const p of ps) client.trackPurchase(p)
  console.log(Number(process.hrtime.bigint() - t) / ps.length, 'ns')
}
process.exit(0)
