/**
 * `npm run bench:insights`: the insights figures of issue 4 on a seeded database (100 000 customers, 1 000 000
 * purchases over two years, 100 000 refunds), in process, without the language model; each printed beside its ceiling.
 * The account and customers come from `seedDatabase`; the purchases are simulated the way customers behave (rates,
 * churn, baskets with affinities), since statistics on uniformly scattered purchases measure a degenerate case.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { loadConfig } from '../src/config'
import { createCrm } from '../src/crm'
import { computeInsightFacts } from '../src/insights/compute-insight-facts'
import { linkRefunds, refundLinkSource } from '../src/insights/refund-links'
import { customerHistories } from '../src/insights/customer-histories'
import { fitBgNbd } from '../src/analytics'
import { fitCustomerModel, historyOf } from '../src/insights/customer-model'
import { localDay } from '../src/calendar'
import { createLogger } from '../src/logger'
import { seedDatabase } from './seed'
import { seedCustomerPurchases } from './seed-purchases'
import { seedEvents } from './seed-events'
import { seedRefunds } from './seed-refunds'

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000)
const PURCHASES = Number(process.env.BENCH_PURCHASES ?? 1_000_000)
const REFUNDS = Number(process.env.BENCH_REFUNDS ?? 100_000)
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000)
const AS_OF = '2026-01-01T00:00:00Z'

const dir = mkdtempSync(join(tmpdir(), 'crm-bench-insights-'))
const path = join(dir, 'crm.sqlite')
let failures = 0

function report(figure: string, milliseconds: number, ceiling: number | null, detail = ''): void {
  const ok = ceiling === null || milliseconds < ceiling
  if (!ok) failures++
  const target = ceiling === null ? '(no ceiling)' : `< ${ceiling} ms`
  console.log(`${ceiling === null ? '    ' : ok ? 'ok  ' : 'SLOW'} ${figure.padEnd(60)} ${milliseconds.toFixed(2).padStart(9)} ms  ${target}${detail ? `  ${detail}` : ''}`)
}

function time<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now()
  const result = run()
  return { result, ms: performance.now() - started }
}

async function timeAsync<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now()
  const result = await run()
  return { result, ms: performance.now() - started }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number
}

console.log(`Seeding ${CUSTOMERS} customers, ${PURCHASES} purchases, ${REFUNDS} refunds and ${EVENTS} events…`)
const seedStarted = performance.now()
const seeded = await seedDatabase(path, CUSTOMERS, 0)
const written = await seedCustomerPurchases(path, CUSTOMERS, PURCHASES)
const refunded = REFUNDS > 0 ? await seedRefunds(path, REFUNDS) : 0
const tracked = EVENTS > 0 ? await seedEvents(path, CUSTOMERS, EVENTS, Date.parse(AS_OF)) : 0
console.log(`  seeded ${written} purchases, ${refunded} refunds and ${tracked} events in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s\n`)

const crm = createCrm(loadConfig({ CRM_DATABASE: path, CRM_AI: 'off', CRM_LOG_LEVEL: 'silent' }), { logger: createLogger('silent') })
const app = crm.stores.apps.findAppById((crm.stores.db.prepare('SELECT id FROM apps ORDER BY id DESC LIMIT 1').get() as { id: number }).id)!
const headers = { authorization: `Bearer ${seeded.secret}` }
const get = async (url: string) => {
  const res = await crm.app.request(url, { headers })
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`)
  return res.json()
}

// The ledger loads once per app (at the first report or insight after a start); after that it catches up from its
// watermark, which costs one indexed query when nothing is new.
let longestPause = 0
let lastTick = performance.now()
const ticker = setInterval(() => {
  longestPause = Math.max(longestPause, performance.now() - lastTick)
  lastTick = performance.now()
}, 1)
const load = await timeAsync(() => crm.analytics.ledgers.ready(app))
clearInterval(ticker)
report(
  'purchase ledger: first load of 1M purchases (once per start)',
  load.ms,
  null,
  `${load.result.size} purchases, ${load.result.refunds.size} refunds; longest event-loop stall ${longestPause.toFixed(0)} ms`,
)
report('purchase ledger: refresh with nothing new', (await timeAsync(() => crm.analytics.ledgers.ready(app))).ms, null)

const reportUrl = `/v1/reports/sales?from=2025-01-01&to=2025-12-31&interval=month&asOf=${AS_OF}`
for (let i = 0; i < 20; i++) await get(reportUrl)
const reportTimes: number[] = []
for (let i = 0; i < 200; i++) reportTimes.push((await timeAsync(() => get(reportUrl))).ms)
report('GET /v1/reports/sales, 12 months by month, p50', percentile(reportTimes, 0.5), 20, `p95 ${percentile(reportTimes, 0.95).toFixed(2)} ms`)

const ledger = await crm.analytics.ledgers.ready(app)
const asOf = Date.parse(AS_OF)
const timings: Record<string, number> = {}
// As the insights service computes them: refunds linked to their orders, and the last 30 days of events.
const all = await timeAsync(async () => {
  const refundLinks = linkRefunds(ledger, refundLinkSource(crm.stores.insightInputs, app.id))
  const activity = crm.stores.insightInputs.recentActivity(app.id, asOf, 30 * 86_400_000)
  return computeInsightFacts(ledger, app.currency, asOf, { timings, refundLinks, activity })
})
report('all insights without the LLM (trends, forecast, BG/NBD, RFM, rules, recs)', all.ms, 3000)
for (const [stage, ms] of Object.entries(timings)) report(`  ${stage}`, ms, null)

const histories = time(() => customerHistories(ledger, asOf, localDay(asOf, app.timezone), app.currency))
const purchaseHistories = Array.from(histories.result.customers, (c) => historyOf(histories.result, c))
const fit = time(() => fitBgNbd(purchaseHistories))
const bgNbd = fit.result
report(
  `BG/NBD fit (${purchaseHistories.length} customers)`,
  fit.ms,
  1000,
  bgNbd.status === 'fitted' ? `r=${bgNbd.parameters.r.toFixed(3)} alpha=${bgNbd.parameters.alpha.toFixed(2)} a=${bgNbd.parameters.a.toFixed(3)} b=${bgNbd.parameters.b.toFixed(3)}` : bgNbd.status,
)
report('  customer histories from the ledger', histories.ms, null)
report('  BG/NBD + Gamma-Gamma together, as the insights fit them', time(() => fitCustomerModel(histories.result, 0.01)).ms, null)

// What ingestion feels during a background recompute: the longest the event loop could not answer, sampled every 10 ms.
const loopDelay = monitorEventLoopDelay({ resolution: 10 })
loopDelay.enable()
const first = await timeAsync(() => get('/v1/insights'))
loopDelay.disable()
report('GET /v1/insights, first (computes, live)', first.ms, null)
report('  longest event-loop stall during that live recompute', loopDelay.max / 1e6, 100, `mean delay ${(loopDelay.mean / 1e6).toFixed(1)} ms`)
const cachedTimes: number[] = []
for (let i = 0; i < 50; i++) cachedTimes.push((await timeAsync(() => get('/v1/insights'))).ms)
report('GET /v1/insights, cached, p50', percentile(cachedTimes, 0.5), 50, `max ${Math.max(...cachedTimes).toFixed(2)} ms`)

const prediction = await timeAsync(() => get('/v1/customers/user-42'))
report('GET /v1/customers/:userId with predictions (live model)', prediction.ms, null)

await crm.close()
rmSync(dir, { recursive: true, force: true })
console.log(failures === 0 ? '\nAll figures within their ceilings.' : `\n${failures} figure(s) over their ceiling.`)
process.exitCode = failures === 0 ? 0 : 1
