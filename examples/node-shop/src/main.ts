// The shop: an HTTP API that reports customers and orders to the CRM through crm-sdk.
import { createClient } from 'crm-sdk'
import { createShopServer, type CustomerTraits, type OrderProperties } from './shop-server'

const apiKey = process.env.CRM_API_KEY
if (!apiKey) {
  console.error('Set CRM_API_KEY to a key of your CRM app (see README.md).')
  process.exit(1)
}
const host = process.env.CRM_HOST ?? 'http://127.0.0.1:3000'
const port = Number(process.env.PORT ?? 4000)

const crm = createClient<CustomerTraits, OrderProperties>({ apiKey, host })
crm.on('error', (error) => console.warn(`[crm] ${error.code}: ${error.message}`))
crm.on('drop', (drop) => console.warn(`[crm] dropped ${drop.messageIds.length} event(s): ${drop.reason}`))
crm.on('retry', (retry) => console.warn(`[crm] retry ${retry.attempt} in ${Math.round(retry.delay)} ms (${retry.reason})`))

const server = createShopServer(crm).listen(port, '127.0.0.1', () => {
  console.log(`Shop on http://127.0.0.1:${port}, reporting to ${host}`)
})

// Deliver what is still queued before the process ends.
const stop = async () => {
  server.close()
  const result = await crm.shutdown({ timeout: 10_000 })
  console.log(`CRM delivery at exit: ${JSON.stringify(result)}`)
  process.exit(result.pending || result.dropped ? 1 : 0)
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
