/**
 * `npm run bench:ingest`: the ingestion and customer-base figures of issue 2, measured against a real server
 * process on a seeded database (100 000 customers, 1 000 000 purchases), each printed beside its ceiling.
 */
import { randomUUID } from 'node:crypto'
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { Database } from '../src/store/sqlite-driver'
import { startServerProcess } from '../test/server-process'
import { sampleRss } from './rss-sampler'
import { seedDatabase } from './seed'

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000)
const PURCHASES = Number(process.env.BENCH_PURCHASES ?? 1_000_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)

const dir = mkdtempSync(join(tmpdir(), 'crm-bench-'))
const path = join(dir, 'crm.sqlite')
const results: { figure: string; measured: string; target: string; ok: boolean }[] = []
const report = (figure: string, value: number, unit: string, target: number, atLeast: boolean) =>
  results.push({ figure, measured: `${value.toFixed(unit === 'ms' ? 2 : 0)} ${unit}`, target: `${atLeast ? '≥' : '<'} ${target} ${unit}`, ok: atLeast ? value >= target : value < target })

console.log(`Seeding ${CUSTOMERS} customers and ${PURCHASES} purchases…`)
const seeded = await seedDatabase(path, CUSTOMERS, PURCHASES)
console.log(`  seeded in ${seeded.seconds.toFixed(1)} s`)

const rawCopy = join(dir, 'raw.sqlite')
copyFileSync(path, rawCopy)

const server = await startServerProcess({ CRM_DATABASE: path, CRM_LOG_LEVEL: 'info' })
const rss = sampleRss(server.child.pid!, 100)

let sequence = 0
const purchaseEvent = (n: number, customer = n % CUSTOMERS, orderId = `bench-${n}`) =>
  `{"type":"purchase","messageId":"bm-${n}","orderId":"${orderId}","userId":"user-${customer}","amount":"${(n % 90) + 9}.99","currency":"USD","timestamp":"2026-01-01T10:00:00Z","items":[{"productId":"sku-${n % 10}","name":"Bench product ${n % 10}","price":"${(n % 90) + 9}.99"}]}`
const batchBody = () => `{"batch":[${Array.from({ length: 100 }, () => purchaseEvent(sequence++)).join(',')}]}`
// Consecutive events 48 271 customers apart (a prime stride, so every customer in turn): as a real store's traffic.
const scatteredBatchBody = () =>
  `{"batch":[${Array.from({ length: 100 }, () => purchaseEvent(sequence, (sequence++ * 48_271) % CUSTOMERS)).join(',')}]}`
// Order ids as random as a UUID v4 (many stores and payment systems make them so), customers in order.
const randomOrderIdsBatchBody = () =>
  `{"batch":[${Array.from({ length: 100 }, () => purchaseEvent(sequence++, undefined, `bench-${randomUUID()}`)).join(',')}]}`

// The mix of issue 19: per 100 events, 60 purchases, 25 custom events, 10 user updates and 5 refunds (half of an
// earlier purchase of the same customer, by 1.00, half of the customer alone).
let refunded = 0
const mixedEvent = (slot: number): string => {
  const n = sequence++
  const customer = n % CUSTOMERS
  if (slot < 60) return purchaseEvent(n)
  if (slot < 85) {
    return `{"type":"event","messageId":"bm-${n}","userId":"user-${customer}","event":"Viewed page ${n % 7}","timestamp":"2026-01-01T10:00:00Z","properties":{"path":"/p/${n % 50}"}}`
  }
  if (slot < 95) return `{"type":"user","messageId":"bm-${n}","userId":"user-${customer}","traits":{"visits":${n % 100}}}`
  // Purchase k (from the first batch load) went to user-(k % CUSTOMERS); each is refunded once.
  const k = refunded++
  return slot % 2 === 0
    ? `{"type":"refund","messageId":"bm-${n}","refundId":"r-${n}","orderId":"bench-${k}","userId":"user-${k % CUSTOMERS}","amount":"1.00","currency":"USD","timestamp":"2026-01-02T10:00:00Z"}`
    : `{"type":"refund","messageId":"bm-${n}","refundId":"r-${n}","userId":"user-${customer}","amount":"2.50","currency":"USD","timestamp":"2026-01-02T10:00:00Z","reason":"goodwill"}`
}
const mixedBatchBody = () => `{"batch":[${Array.from({ length: 100 }, (_, slot) => mixedEvent(slot)).join(',')}]}`

/** CPU seconds used so far by the server process (all its threads) and by the whole machine, from /proc (Linux). */
function cpuTimes(): { server: number; machineIdle: number; machineTotal: number } | undefined {
  try {
    const ticks = 100
    const stat = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const machine = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
    return {
      server: (Number(fields[11]) + Number(fields[12])) / ticks,
      machineIdle: (machine[3]! + machine[4]!) / ticks,
      machineTotal: machine.reduce((sum, value) => sum + value, 0) / ticks,
    }
  } catch {
    return undefined
  }
}

async function load(options: autocannon.Options) {
  return autocannon({ duration: SECONDS, connections: 16, ...options })
}

const headers = { authorization: `Bearer ${seeded.secret}`, 'content-type': 'application/json' }
/** `POST /v1/batch` from 16 connections, each request's body from `body`. */
const batchLoad = (body: () => string, duration = SECONDS) =>
  load({ url: `${server.url}/v1/batch`, method: 'POST', headers, duration, requests: [{ setupRequest: (request) => ({ ...request, body: body() }) }] })

/** A batch load measured as a reference, with no target: its events/s and p99 in the results. */
async function referenceBatchLoad(name: string, figure: string, body: () => string): Promise<void> {
  const result = await batchLoad(body)
  rss.phase(name)
  results.push({
    figure,
    measured: `${((result.requests.total * 100) / SECONDS).toFixed(0)} events/s (${result.latency.p99} ms)`,
    target: '(reference)',
    ok: result.non2xx === 0 && result.errors === 0,
  })
}

// 0. Warm-up: the batch load for a few seconds, not measured, then the totals refresh it leaves behind, so that the
// figures are those of a server that has run a while (its code compiled by the JIT), as benchmarks of servers are.
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2)
if (WARMUP_SECONDS > 0) {
  await batchLoad(batchBody, WARMUP_SECONDS)
  await timedGets(() => '/v1/customers?limit=1', 1)
  rss.phase('warm-up')
}

// 1. POST /v1/batch, 100 purchases a request, 16 connections
const cpuBefore = cpuTimes()
const batch = await batchLoad(batchBody)
const eventsPerSecond = (batch.requests.total * 100) / SECONDS
const batchEventsSent = batch.requests.total * 100
rss.phase('batch load')
report('POST /v1/batch (100 events/request, 16 connections): events/s', eventsPerSecond, 'events/s', 100_000, true)
report('POST /v1/batch p99 latency', batch.latency.p99, 'ms', 50, false)
console.log(`  batch latency: p50 ${batch.latency.p50} ms, p90 ${batch.latency.p90} ms, p99 ${batch.latency.p99} ms, max ${batch.latency.max} ms`)
const cpuAfter = cpuTimes()
if (cpuBefore && cpuAfter) {
  // The same code measures 90 000 to 103 000 events/s from run to run on this machine: the CPU time each event
  // takes moves with it, so these say whether a slow run was slow code or a slow machine.
  const serverMicros = ((cpuAfter.server - cpuBefore.server) * 1e6) / batchEventsSent
  const busy = 1 - (cpuAfter.machineIdle - cpuBefore.machineIdle) / (cpuAfter.machineTotal - cpuBefore.machineTotal)
  console.log(`  batch CPU: ${serverMicros.toFixed(1)} µs of server CPU per event (all threads); machine ${(busy * 100).toFixed(0)} % busy`)
}
if (batch.non2xx > 0 || batch.errors > 0) console.log(`  ! ${batch.non2xx} non-2xx, ${batch.errors} errors`)

// The batch load leaves ~10 s of purchases whose customer totals are not yet refreshed (1.5–1.8 s of the writer's
// time, done at the latest 10 s after the first of them). A list of customers refreshes them first: one here lets
// the next load start from a settled server instead of measuring the batch load's refresh.
const settle = await timedGets(() => '/v1/customers?limit=1', 1)
console.log(`  totals refresh after the batch load: ${settle.p50.toFixed(0)} ms`)

// 1b. The same load with the mix of event types a real app sends (issue 19): at least 0.9 of the purchases-only figure.
const mixed = await batchLoad(mixedBatchBody)
const mixedPerSecond = (mixed.requests.total * 100) / SECONDS
rss.phase('mixed batch load')
results.push({
  figure: 'POST /v1/batch, mixed (60 % purchases, 25 % events, 10 % users, 5 % refunds): events/s, ÷ purchases only',
  measured: `${mixedPerSecond.toFixed(0)} events/s, ${(mixedPerSecond / eventsPerSecond).toFixed(2)} (p99 ${mixed.latency.p99} ms)`,
  target: '≥ 0.9 of purchases only',
  ok: mixedPerSecond >= 0.9 * eventsPerSecond && mixed.non2xx === 0 && mixed.errors === 0,
})
if (mixed.non2xx > 0 || mixed.errors > 0) console.log(`  ! mixed: ${mixed.non2xx} non-2xx, ${mixed.errors} errors`)
const settleMixed = await timedGets(() => '/v1/customers?limit=1', 1)
console.log(`  totals refresh after the mixed load: ${settleMixed.p50.toFixed(0)} ms`)

// 2. POST /v1/purchases, one event a request
const single = await load({
  url: `${server.url}/v1/purchases`,
  method: 'POST',
  headers,
  requests: [{ setupRequest: (request) => ({ ...request, body: purchaseEvent(sequence++).replace('"type":"purchase",', '') }) }],
})
rss.phase('single-purchase load')
report('POST /v1/purchases (1 event/request, 16 connections): requests/s', single.requests.average, 'req/s', 5_000, true)
report('POST /v1/purchases p99 latency', single.latency.p99, 'ms', 20, false)
if (single.non2xx > 0 || single.errors > 0) console.log(`  ! ${single.non2xx} non-2xx, ${single.errors} errors`)

// 3. Reads: one request at a time, so the latency is the request's own (timed in µs, not autocannon's whole ms)
async function timedGets(paths: () => string, count: number): Promise<{ p50: number; p99: number; failures: number }> {
  const times: number[] = []
  let failures = 0
  for (let i = 0; i < count; i++) {
    const started = performance.now()
    const res = await fetch(server.url + paths(), { headers: { authorization: `Bearer ${seeded.secret}` } })
    await res.arrayBuffer()
    times.push(performance.now() - started)
    if (res.status !== 200) failures += 1
  }
  times.sort((x, y) => x - y)
  return { p50: times[Math.floor(count * 0.5)]!, p99: times[Math.floor(count * 0.99)]!, failures }
}
const list = await timedGets(() => '/v1/customers?sort=-revenue&limit=50', 500)
report('GET /v1/customers?sort=-revenue&limit=50 p50', list.p50, 'ms', 10, false)
let customerIndex = 0
const detail = await timedGets(() => `/v1/customers/user-${(customerIndex++ * 7919) % CUSTOMERS}`, 1000)
report('GET /v1/customers/:userId p50', detail.p50, 'ms', 5, false)
if (list.failures + detail.failures > 0) console.log(`  ! reads: ${list.failures + detail.failures} failures`)
rss.phase('reads')

// 4. The batches again with each event for another customer, far from the last, as a real store's traffic comes: the
// figure above sends customers in order, so each commit's writes share pages. A reference, with no target.
await referenceBatchLoad('batch load, customers scattered', 'POST /v1/batch, customers scattered as in real traffic: events/s (p99)', scatteredBatchBody)

// 5. The batches again with random order ids: each lands on a random page of the index that makes them unique (as
// customers did on the by-customer index), and each commit writes those pages back. A reference, with no target.
await referenceBatchLoad('batch load, random order ids', 'POST /v1/batch, order ids random (UUID v4): events/s (p99)', randomOrderIdsBatchBody)
rss.stop()
report('Server RSS, peak', rss.peak, 'MB', 300, false)
await server.stop('SIGTERM')

// 6. Raw better-sqlite3 inserts of the same rows (the purchases the batch run sent: same customers, same columns),
// into the same seeded database (a copy of the file as it was before the load), prepared, 500 rows a transaction.
const raw = new Database(rawCopy)
raw.pragma('journal_mode = WAL')
raw.pragma('synchronous = FULL')
raw.pragma('cache_size = -65536')
raw.pragma('wal_autocheckpoint = 16384')
const appRowId = (raw.prepare('SELECT id FROM apps ORDER BY id DESC LIMIT 1').get() as { id: number }).id
const customerRowIds = new Map((raw.prepare('SELECT user_id AS u, id FROM customers WHERE app_id = ?').all(appRowId) as { u: string; id: number }[]).map((row) => [row.u, row.id]))
const insert = raw.prepare(
  `INSERT INTO purchases (app_id, order_id, customer_id, amount, currency, ts, items, properties, received_at)
   VALUES (?, ?, ?, ?, 'USD', ?, ?, NULL, ?)`,
)
const rawRows = Math.min(batchEventsSent, 300_000)
const timestamp = Date.parse('2026-01-01T10:00:00Z')
const insertMany = raw.transaction((from: number) => {
  for (let n = from; n < Math.min(from + 500, rawRows); n++) {
    const cents = ((n % 90) + 9) * 100 + 99
    insert.run(appRowId, `raw-${n}`, customerRowIds.get(`user-${n % CUSTOMERS}`)!, cents, timestamp, `[{"productId":"sku-${n % 10}","name":"Bench product ${n % 10}","category":null,"quantity":1,"price":${cents}}]`, Date.now())
  }
})
const rawStarted = performance.now()
for (let n = 0; n < rawRows; n += 500) insertMany(n)
const rawPerSecond = rawRows / ((performance.now() - rawStarted) / 1000)
raw.close()
const ratio = eventsPerSecond / rawPerSecond
results.push({ figure: 'raw better-sqlite3 insert, same rows into the same seeded file, 500/transaction', measured: `${rawPerSecond.toFixed(0)} rows/s`, target: '(reference)', ok: true })
results.push({ figure: 'ratio: HTTP batch events/s ÷ raw inserts/s', measured: ratio.toFixed(2), target: '≥ 0.35 (aim)', ok: ratio >= 0.35 })

const check = new Database(path, { readonly: true })
const stored = (check.prepare("SELECT count(*) AS n FROM purchases WHERE order_id LIKE 'bench-%'").get() as { n: number }).n
check.close()
console.log(`\nBench events stored: ${stored} (${sequence} generated; the rest were in flight when the load stopped)`)
console.log(`Machine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}\n`)
console.table(results)
rmSync(dir, { recursive: true, force: true })
process.exit(0)
