// `npm run bench`: the queueing cost of trackPurchase() and the browser bundle's weight, against their targets.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { cpus, loadavg } from 'node:os'
import { createClient, type PurchaseInput } from '../src'
import { BROWSER_BUDGET_BYTES, measureBrowserBundle } from '../scripts/browser-bundle-size'

const TARGET_CALLS_PER_SECOND = 1_000_000
// One round fills the default queue (10 000 events); the queue is delivered between rounds.
const ROUND = 10_000
const ROUNDS = 40

// A local server that accepts every batch, so delivery between rounds is real but cheap.
const server = createServer((request, response) => {
  request.resume()
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end('{"accepted":0,"duplicates":0,"rejected":[]}')
  })
})
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const { port } = server.address() as AddressInfo

const client = createClient({
  apiKey: 'crm_pk_bench',
  host: `http://127.0.0.1:${port}`,
  flushAt: 1000,
})

// The app builds its objects anyway; only the SDK call is timed.
const purchases: PurchaseInput[] = Array.from({ length: ROUND }, (_, index) => ({
  orderId: `order-${index}`,
  userId: `user-${index % 1000}`,
  amount: 42.5,
  currency: 'USD',
  product: 'Ceramic teapot',
  properties: { channel: 'web' },
}))

const perCall: number[] = []
const perEvent: number[] = []
for (let round = 0; round < ROUNDS + 1; round++) {
  const started = process.hrtime.bigint()
  for (const purchase of purchases) client.trackPurchase(purchase)
  const called = process.hrtime.bigint()
  // stats() serializes the staged events at once, as the end of the tick would: the whole cost per event.
  client.stats()
  const serialized = process.hrtime.bigint()
  await client.flush({ timeout: 60_000 })
  // The first round warms up the JIT.
  if (round > 0) {
    perCall.push(Number(called - started) / ROUND)
    perEvent.push(Number(serialized - started) / ROUND)
  }
}
const stats = client.stats()
await client.shutdown()
server.close()

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const callNs = median(perCall)
const callsPerSecond = 1e9 / callNs
console.log(`trackPurchase: ${callNs.toFixed(0)} ns per call (median of ${ROUNDS} rounds of ${ROUND}), ${Math.round(callsPerSecond).toLocaleString('en')} calls/s; target >= ${TARGET_CALLS_PER_SECOND.toLocaleString('en')} calls/s: ${callsPerSecond >= TARGET_CALLS_PER_SECOND ? 'met' : 'NOT met'}`)
console.log(`  with its serialization at the end of the tick: ${median(perEvent).toFixed(0)} ns per event (${Math.round(1e9 / median(perEvent)).toLocaleString('en')} events/s)`)
console.log(`  delivered ${stats.sent.toLocaleString('en')} events in ${stats.requests} requests, ${stats.dropped} dropped`)

console.log(`  Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the end of the run`)

const { minified, gzipped } = await measureBrowserBundle()
console.log(`browser ESM bundle (ofetch included): ${minified} B minified, ${gzipped} B gzipped; budget ${BROWSER_BUDGET_BYTES} B (8 KiB): ${gzipped <= BROWSER_BUDGET_BYTES ? 'met' : 'NOT met'}`)
