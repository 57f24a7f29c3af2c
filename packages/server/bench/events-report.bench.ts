/**
 * `npx tsx bench/events-report.bench.ts`: `GET /v1/reports/events` on a seeded database of 1 000 000 custom events
 * over a year (30 names, most of them rare; 100 000 customers) in a non-UTC app, in process, printed beside the
 * reports' ceiling (p50 under 20 ms for a year by month). BENCH_EVENTS and BENCH_CUSTOMERS change the sizes.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../src/config'
import { createCrm } from '../src/crm'
import { createLogger } from '../src/logger'
import type { EventWrite } from '../src/store'

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000)
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000)
const NAMES = Array.from({ length: 30 }, (_, i) => `Event ${String(i).padStart(2, '0')}`)

const dir = mkdtempSync(join(tmpdir(), 'crm-bench-events-'))
const path = join(dir, 'crm.sqlite')
const config = loadConfig({ CRM_DATABASE: path, CRM_AI: 'off', CRM_LOG_LEVEL: 'silent', CRM_SYNCHRONOUS: 'NORMAL' })

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number
}

// A deterministic generator, so two runs time the same data.
let state = 42
const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648)

console.log(`Seeding ${EVENTS} events of ${CUSTOMERS} customers…`)
const seedStarted = performance.now()
let crm = createCrm(config, { logger: createLogger('silent') })
const signup = await crm.app.request('/api/auth/signup', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ name: 'Bench', email: `bench-${Date.now()}@example.com`, password: 'bench-password' }),
})
const { app: created, apiKeys } = (await signup.json()) as { app: { id: string }; apiKeys: { secret: string } }
const appId = crm.stores.apps.findAppByPublicId(created.id)!.id
crm.stores.db.prepare("UPDATE apps SET timezone = 'Europe/Moscow' WHERE id = ?").run(appId)
const start = Date.UTC(2025, 0, 1)
const span = 365 * 86_400_000
let chunk: EventWrite[] = []
for (let i = 0; i < EVENTS; i++) {
  // Times in order, as live traffic comes; names skewed (the first few are most of the events).
  chunk.push({ type: 'event', userId: `user-${Math.floor(random() * CUSTOMERS)}`, name: NAMES[Math.floor(random() ** 2 * NAMES.length)]!, timestamp: start + Math.floor((i / EVENTS) * span) })
  if (chunk.length === 20_000 || i === EVENTS - 1) {
    crm.stores.ingestion.write([{ appId, appCurrency: 'USD', receivedAt: Date.now(), events: chunk }])
    chunk = []
  }
}
crm.stores.db.pragma('wal_checkpoint(TRUNCATE)')
await crm.close()
console.log(`  seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s\n`)

crm = createCrm(config, { logger: createLogger('silent') })
const headers = { authorization: `Bearer ${apiKeys.secret}` }
const get = async (url: string) => {
  const res = await crm.app.request(url, { headers })
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`)
  return res.json() as Promise<{ totals: { events: number } }>
}
const url = '/v1/reports/events?from=2025-01-01&to=2025-12-31&interval=month&asOf=2026-01-01'
let started = performance.now()
const first = await get(url)
console.log(`first report (reads the app's events once per start): ${(performance.now() - started).toFixed(0)} ms, ${first.totals.events} events`)
for (let i = 0; i < 20; i++) await get(url)
const times: number[] = []
for (let i = 0; i < 200; i++) {
  started = performance.now()
  await get(url)
  times.push(performance.now() - started)
}
const p50 = percentile(times, 0.5)
console.log(`${p50 < 20 ? 'ok  ' : 'SLOW'} GET /v1/reports/events, 12 months by month, p50 ${p50.toFixed(2)} ms (< 20 ms), p95 ${percentile(times, 0.95).toFixed(2)} ms`)
const daily: number[] = []
for (let i = 0; i < 50; i++) {
  started = performance.now()
  await get('/v1/reports/events?from=2025-01-01&to=2025-12-31&interval=day&asOf=2026-01-01')
  daily.push(performance.now() - started)
}
console.log(`     GET /v1/reports/events, 365 days by day, p50 ${percentile(daily, 0.5).toFixed(2)} ms`)
await crm.close()
rmSync(dir, { recursive: true, force: true })
