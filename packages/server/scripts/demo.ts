/**
 * `npm run demo`: creates a demo account on a running server (CRM_URL, default http://127.0.0.1:3000) and loads a
 * synthetic coffee shop into it through the ingestion API: two years (and two months) up to today, a few thousand customers, with
 * growth, a yearly peak, busy weekends, churn and products bought together. Then prints how to log in.
 */
import { syntheticShop } from './synthetic-shop'

const base = (process.env.CRM_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '')
const customers = Number(process.env.DEMO_CUSTOMERS ?? 3000)
const password = 'demo-password'
const DAY_MS = 86_400_000

async function call(method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(base + path, {
    method,
    // The admin API accepts cookie-less sign-ups only from its own origin.
    headers: { 'content-type': 'application/json', origin: base, ...headers },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: await res.json().catch(() => null) }
}

try {
  await fetch(`${base}/openapi.json`)
} catch {
  console.error(`No CRM server answers at ${base}. Start one first (\`npm start\` at the repository root), or set CRM_URL.`)
  process.exit(1)
}

let email = 'demo@example.com'
let signup = await call('POST', '/api/auth/signup', { name: 'Demo', email, password })
if (signup.status === 409) {
  email = `demo+${Date.now()}@example.com`
  signup = await call('POST', '/api/auth/signup', { name: 'Demo', email, password })
}
if (signup.status !== 201) {
  console.error(`Sign-up failed: ${signup.status} ${JSON.stringify(signup.body)}`)
  process.exit(1)
}
const secret: string = signup.body.apiKeys.secret

const today = Math.floor(Date.now() / DAY_MS) * DAY_MS
// Two years and two months: two whole years of months, and two more for the forecast's backtest to stand on.
const days = 790
const events = syntheticShop({ customers, start: new Date(today - days * DAY_MS), days, seed: Date.now() % 100_000 })
  .filter((event) => event.type === 'user' || Date.parse(event.timestamp) <= Date.now())
const purchases = events.filter((event) => event.type === 'purchase').length
console.log(`Loading ${customers} customers and ${purchases} purchases through ${base}/v1/batch…`)
const started = performance.now()
for (let at = 0; at < events.length; at += 500) {
  const res = await call('POST', '/v1/batch', { batch: events.slice(at, at + 500) }, { authorization: `Bearer ${secret}` })
  if (res.status !== 200 || res.body.rejected.length > 0) {
    console.error(`A batch failed: ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`)
    process.exit(1)
  }
  process.stdout.write(`\r  ${Math.min(at + 500, events.length)} / ${events.length} events`)
}
console.log(`\n  done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
console.log(`Open ${base}/ and log in:`)
console.log(`  email     ${email}`)
console.log(`  password  ${password}`)
console.log(`Secret API key (shown once): ${secret}`)
console.log(`Try: curl -H "Authorization: Bearer ${secret}" ${base}/v1/insights`)
