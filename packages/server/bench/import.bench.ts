/**
 * `npm run bench:import`: retail histories imported as a new user would, through `POST /v1/batch` of a real server
 * process: a year of an online wholesaler's invoice lines (the shape of the public Online Retail II file, ~800 000
 * lines, ~38 000 invoices by default), then the first reads an admin opens; and, when `../shared/data` is there, the
 * whole CDNOW master file (69 659 purchases), whose counts and revenue must equal the file's to the cent. Figures
 * are references; a count or sum that differs from the file fails the run.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cdnowPurchaseEvent, centsOf, readCdnowMaster } from '../test/fixtures/cdnow'
import { batchBodies, invoiceEvent, invoicesOf, onlineRetailLines } from '../test/fixtures/online-retail'
import { signUp, startServerProcess } from '../test/server-process'
import { sampleRss } from './rss-sampler'

const INVOICES = Number(process.env.BENCH_INVOICES ?? 40_000)
const CONNECTIONS = 4
const CDNOW_MASTER = new URL('../../../../shared/data/cdnow/CDNOW_master.txt', import.meta.url)

const dir = mkdtempSync(join(tmpdir(), 'crm-bench-import-'))
const server = await startServerProcess({ CRM_DATABASE: join(dir, 'crm.sqlite') })
const rss = sampleRss(server.child.pid!, 50)

async function call(path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  const res = await fetch(server.url + path, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', origin: server.url, ...init.headers },
    ...(init.body !== undefined ? { body: init.body } : {}),
  })
  return { status: res.status, body: (await res.json()) as any }
}

/** Signs up and returns the first app's id, the session cookie and the secret key's header. */
async function signupAs(email: string) {
  const { appId, cookie, secret } = await signUp(server.url, email)
  return { appId, cookie, auth: { authorization: `Bearer ${secret}` } }
}

/** Sends the bodies over `CONNECTIONS` connections; returns how many events were accepted, and the seconds taken. */
async function sendAll(bodies: readonly string[], auth: Record<string, string>): Promise<{ accepted: number; seconds: number }> {
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
  return { accepted, seconds: (performance.now() - started) / 1000 }
}

const signup = await signupAs('import@example.com')
const auth = signup.auth
await call(`/api/apps/${signup.appId}`, {
  method: 'PATCH',
  body: JSON.stringify({ currency: 'GBP', timezone: 'Europe/London' }),
  headers: { cookie: signup.cookie },
})

const lines = onlineRetailLines(7, INVOICES)
const invoices = invoicesOf(lines)
const bodies = batchBodies([...invoices].map(([invoice, invoiceLines]) => invoiceEvent(invoice, invoiceLines)))
const keptLines = [...invoices.values()].reduce((sum, invoiceLines) => sum + invoiceLines.length, 0)
console.log(`${lines.length} lines, ${invoices.size} invoices of known customers (${keptLines} lines), in ${bodies.length} requests`)

const { accepted, seconds } = await sendAll(bodies, auth)
rss.phase('import')

/** The time of one read, in ms, and its answer. */
async function timed(path: string, headers = auth) {
  const start = performance.now()
  const res = await call(path, { headers })
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
  return { ms: performance.now() - start, body: res.body }
}
const connection = await timed('/v1/connection')
const customers = await timed('/v1/customers?sort=-revenue&limit=50')
rss.phase('first customer list')
const report = await timed('/v1/reports/sales?from=2010-12-01&to=2011-12-31&interval=month&asOf=2012-01-01T00:00:00Z')
rss.phase('first sales report')
const insights = await timed('/v1/insights?asOf=2011-12-10T00:00:00Z')
rss.phase('first insights')
const reportAgain = await timed('/v1/reports/sales?from=2010-12-01&to=2011-12-31&interval=month&asOf=2012-01-01T00:00:00Z')
const retailRss = rss.peak

// The CDNOW master file, one purchase a line; its totals summed in cents here, from the file.
const cdnow = existsSync(CDNOW_MASTER) ? await importCdnowMaster() : undefined
async function importCdnowMaster() {
  const purchases = readCdnowMaster(CDNOW_MASTER)
  const file = {
    customers: new Set(purchases.map((purchase) => purchase.customerId)).size,
    purchases: purchases.length,
    cents: purchases.reduce((sum, purchase) => sum + centsOf(purchase), 0),
  }
  const account = await signupAs('cdnow@example.com')
  const sent = await sendAll(batchBodies(purchases.map(cdnowPurchaseEvent)), account.auth)
  const counts = (await timed('/v1/connection', account.auth)).body.counts as { customers: number; purchases: number }
  const report = await timed('/v1/reports/sales?from=1997-01-01&to=1998-06-30&interval=month&asOf=1998-07-01T00:00:00Z', account.auth)
  const stored = { customers: counts.customers, purchases: counts.purchases, cents: Math.round((report.body.totals.revenue as number) * 100) }
  if (JSON.stringify(stored) !== JSON.stringify(file)) throw new Error(`CDNOW differs from its file: ${JSON.stringify({ stored, file })}`)
  return { ...file, perSecond: sent.accepted / sent.seconds }
}
rss.stop()
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
  { figure: 'server RSS, peak over the import and the first reads, MB', measured: retailRss.toFixed(0), target: '< 300, as in bench:ingest' },
  ...(cdnow
    ? [
        { figure: 'CDNOW master through POST /v1/batch: purchases/s', measured: cdnow.perSecond.toFixed(0), target: '(reference)' },
        {
          figure: 'CDNOW master: customers, purchases, revenue as stored and reported',
          measured: `${cdnow.customers}, ${cdnow.purchases}, $${(cdnow.cents / 100).toFixed(2)}`,
          target: 'the file’s, to the cent',
        },
      ]
    : []),
])
if (!cdnow) console.log(`(${CDNOW_MASTER.pathname} not found: the CDNOW master import was skipped)`)
