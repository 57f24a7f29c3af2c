/**
 * `npm run bench:import`: a retail history imported as a new user would, through `POST /v1/batch` of a real server
 * process: a year of an online wholesaler's invoice lines (the shape of the public Online Retail II file, ~800 000
 * lines, ~38 000 invoices by default), then the first reads an admin opens. Figures are references, with the
 * counts checked against the file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { batchBodies, invoiceEvent, invoicesOf, onlineRetailLines } from '../test/fixtures/online-retail'
import { startServerProcess } from '../test/server-process'

const INVOICES = Number(process.env.BENCH_INVOICES ?? 40_000)
const CONNECTIONS = 4

const dir = mkdtempSync(join(tmpdir(), 'crm-bench-import-'))
const server = await startServerProcess({ CRM_DATABASE: join(dir, 'crm.sqlite') })
let peakRss = 0
const rssTimer = setInterval(() => {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))?.[1] ?? 0)
  peakRss = Math.max(peakRss, kb / 1024)
}, 50)

async function call(path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  const res = await fetch(server.url + path, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', origin: server.url, ...init.headers },
    ...(init.body !== undefined ? { body: init.body } : {}),
  })
  return { status: res.status, body: (await res.json()) as any, cookie: res.headers.get('set-cookie')?.split(';', 1)[0] }
}

const signup = await call('/api/auth/signup', { method: 'POST', body: JSON.stringify({ name: 'Importer', email: 'import@example.com', password: 'correct horse' }) })
const auth = { authorization: `Bearer ${signup.body.apiKeys.secret as string}` }
await call(`/api/apps/${signup.body.app.id as string}`, {
  method: 'PATCH',
  body: JSON.stringify({ currency: 'GBP', timezone: 'Europe/London' }),
  headers: { cookie: signup.cookie! },
})

const lines = onlineRetailLines(7, INVOICES)
const invoices = invoicesOf(lines)
const bodies = batchBodies([...invoices].map(([invoice, invoiceLines]) => invoiceEvent(invoice, invoiceLines)))
const keptLines = [...invoices.values()].reduce((sum, invoiceLines) => sum + invoiceLines.length, 0)
console.log(`${lines.length} lines, ${invoices.size} invoices of known customers (${keptLines} lines), in ${bodies.length} requests`)

const started = performance.now()
let next = 0
let accepted = 0
await Promise.all(
  Array.from({ length: CONNECTIONS }, async () => {
    for (let body = bodies[next++]; body !== undefined; body = bodies[next++]) {
      const res = await call('/v1/batch', { method: 'POST', body, headers: auth })
      if (res.status !== 200 || res.body.rejected.length > 0) throw new Error(`batch refused: ${JSON.stringify(res.body).slice(0, 300)}`)
      accepted += res.body.accepted as number
    }
  }),
)
const seconds = (performance.now() - started) / 1000

/** The time of one read, in ms, and its answer. */
async function timed(path: string) {
  const start = performance.now()
  const res = await call(path, { headers: auth })
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
  return { ms: performance.now() - start, body: res.body }
}
const connection = await timed('/v1/connection')
const customers = await timed('/v1/customers?sort=-revenue&limit=50')
const report = await timed('/v1/reports/sales?from=2010-12-01&to=2011-12-31&interval=month&asOf=2012-01-01T00:00:00Z')
const insights = await timed('/v1/insights?asOf=2011-12-10T00:00:00Z')
const reportAgain = await timed('/v1/reports/sales?from=2010-12-01&to=2011-12-31&interval=month&asOf=2012-01-01T00:00:00Z')
clearInterval(rssTimer)
await server.stop('SIGTERM')
rmSync(dir, { recursive: true, force: true })

const counts = connection.body.counts as { customers: number; purchases: number }
if (accepted !== invoices.size || counts.purchases !== invoices.size || report.body.totals.orders !== invoices.size) {
  throw new Error(`counts differ: accepted ${accepted}, stored ${counts.purchases}, reported ${report.body.totals.orders}, file ${invoices.size}`)
}
console.log(`Machine: 2 cores, Node ${process.version}; ${CONNECTIONS} connections`)
console.table([
  { figure: 'import through POST /v1/batch: invoices/s', measured: (accepted / seconds).toFixed(0), target: '(reference)' },
  { figure: 'import through POST /v1/batch: invoice lines/s', measured: (keptLines / seconds).toFixed(0), target: '(reference)' },
  { figure: 'first GET /v1/customers?sort=-revenue after the import (refreshes the totals), ms', measured: customers.ms.toFixed(0), target: '(reference)' },
  { figure: 'first GET /v1/reports/sales, 13 months (reads every purchase and item), ms', measured: report.ms.toFixed(0), target: '(reference)' },
  { figure: 'first GET /v1/insights (fits the models), ms', measured: insights.ms.toFixed(0), target: '(reference)' },
  { figure: 'GET /v1/reports/sales again, ms', measured: reportAgain.ms.toFixed(0), target: '(reference)' },
  { figure: 'server RSS, peak, MB', measured: peakRss.toFixed(0), target: '(reference)' },
])
