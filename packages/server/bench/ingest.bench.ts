/**
 * `npm run bench:ingest`: the ingestion and customer-base figures of issue 2, measured against a real server
 * process on a seeded database (100 000 customers, 1 000 000 purchases), each printed beside its ceiling.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import { openDatabase } from '../src/store'
import { startServerProcess } from '../test/server-process'
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

const server = await startServerProcess({ CRM_DATABASE: path, CRM_LOG_LEVEL: 'info' })
let peakRss = 0
const rssTimer = setInterval(() => {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))?.[1] ?? 0)
    peakRss = Math.max(peakRss, kb / 1024)
  } catch {
    // the process is gone
  }
}, 100)

let sequence = 0
const purchaseEvent = (n: number) =>
  `{"type":"purchase","messageId":"bm-${n}","orderId":"bench-${n}","userId":"user-${n % CUSTOMERS}","amount":"${(n % 90) + 9}.99","currency":"USD","timestamp":"2026-01-01T10:00:00Z","items":[{"productId":"sku-${n % 10}","name":"Bench product ${n % 10}","price":"${(n % 90) + 9}.99"}]}`
const batchBody = () => `{"batch":[${Array.from({ length: 100 }, () => purchaseEvent(sequence++)).join(',')}]}`

async function load(options: autocannon.Options) {
  return autocannon({ duration: SECONDS, connections: 16, ...options })
}

// 1. POST /v1/batch, 100 purchases a request, 16 connections
const headers = { authorization: `Bearer ${seeded.secret}`, 'content-type': 'application/json' }
const batch = await load({
  url: `${server.url}/v1/batch`,
  method: 'POST',
  headers,
  requests: [{ setupRequest: (request) => ({ ...request, body: batchBody() }) }],
})
const eventsPerSecond = (batch.requests.total * 100) / SECONDS
report('POST /v1/batch (100 events/request, 16 connections): events/s', eventsPerSecond, 'events/s', 100_000, true)
report('POST /v1/batch p99 latency', batch.latency.p99, 'ms', 50, false)
if (batch.non2xx > 0 || batch.errors > 0) console.log(`  ! ${batch.non2xx} non-2xx, ${batch.errors} errors`)

// 2. POST /v1/purchases, one event a request
const single = await load({
  url: `${server.url}/v1/purchases`,
  method: 'POST',
  headers,
  requests: [{ setupRequest: (request) => ({ ...request, body: purchaseEvent(sequence++).replace('"type":"purchase",', '') }) }],
})
report('POST /v1/purchases (1 event/request, 16 connections): requests/s', single.requests.average, 'req/s', 5_000, true)
report('POST /v1/purchases p99 latency', single.latency.p99, 'ms', 20, false)
if (single.non2xx > 0 || single.errors > 0) console.log(`  ! ${single.non2xx} non-2xx, ${single.errors} errors`)

// 3. Reads: one connection, so the latency is the request's own
const list = await load({ url: `${server.url}/v1/customers?sort=-revenue&limit=50`, headers, connections: 1, duration: 5 })
report('GET /v1/customers?sort=-revenue&limit=50 p50', list.latency.p50, 'ms', 10, false)
let customerIndex = 0
const detail = await load({
  url: `${server.url}/v1/customers/user-1`,
  headers,
  connections: 1,
  duration: 5,
  requests: [{ setupRequest: (request) => ({ ...request, path: `/v1/customers/user-${(customerIndex++ * 7) % CUSTOMERS}` }) }],
})
report('GET /v1/customers/:userId p50', detail.latency.p50, 'ms', 5, false)
if (list.non2xx + detail.non2xx > 0) console.log(`  ! reads: ${list.non2xx + detail.non2xx} non-2xx`)

clearInterval(rssTimer)
report('Server RSS, peak', peakRss, 'MB', 300, false)
await server.stop('SIGTERM')

// 4. Raw better-sqlite3 inserts of the same rows: prepared statement, 500 rows a transaction, same schema and durability
const raw = openDatabase(join(dir, 'raw.sqlite'))
raw.prepare("INSERT INTO users (id, name, email, password_hash, created_at) VALUES ('u', 'n', 'e', 'h', 0)").run()
raw.prepare("INSERT INTO apps (public_id, owner_id, name, currency, timezone, language, created_at) VALUES ('a', 'u', 'n', 'USD', 'UTC', 'en', 0)").run()
raw.prepare("INSERT INTO customers (app_id, user_id, created_at, updated_at) VALUES (1, 'c', 0, 0)").run()
const insert = raw.prepare(
  `INSERT INTO purchases (app_id, order_id, customer_id, amount, currency, ts, items, properties, received_at)
   VALUES (1, ?, 1, ?, 'USD', ?, ?, NULL, ?)`,
)
const insertMany = raw.transaction((from: number) => {
  for (let n = from; n < from + 500; n++) insert.run(`bench-${n}`, 999, Date.now(), `[{"productId":"sku-${n % 10}","name":"Bench product","category":null,"quantity":1,"price":999}]`, Date.now())
})
const rawRows = 200_000
const rawStarted = performance.now()
for (let n = 0; n < rawRows; n += 500) insertMany(n)
const rawPerSecond = rawRows / ((performance.now() - rawStarted) / 1000)
raw.close()
const ratio = eventsPerSecond / rawPerSecond
results.push({ figure: 'raw better-sqlite3 insert, same rows, 500/transaction', measured: `${rawPerSecond.toFixed(0)} rows/s`, target: '(reference)', ok: true })
results.push({ figure: 'ratio: HTTP batch events/s ÷ raw inserts/s', measured: ratio.toFixed(2), target: '≥ 0.35 (aim)', ok: ratio >= 0.35 })

const check = new Database(path, { readonly: true })
const stored = (check.prepare("SELECT count(*) AS n FROM purchases WHERE order_id LIKE 'bench-%'").get() as { n: number }).n
check.close()
console.log(`\nBench events stored: ${stored} (${sequence} generated; the rest were in flight when the load stopped)`)
console.log(`Machine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}\n`)
console.table(results)
rmSync(dir, { recursive: true, force: true })
process.exit(0)
