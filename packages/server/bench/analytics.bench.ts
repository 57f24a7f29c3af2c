// Speed of the analytics engine on generated data of the sizes the product promises.
// Run: npx tsx bench/analytics.bench.ts (from packages/server)
import {
  associationRules,
  fitBgNbd,
  forecastSeries,
  type PurchaseDay,
  summarisePurchases,
} from '../src/analytics'
import { readSeriesFixture } from '../test/fixtures/read-fixture'
import { betaFrom, gammaFrom, normalFrom, seededRandom } from '../test/fixtures/seeded-random'

function time<T>(run: () => T): { result: T; milliseconds: number } {
  const start = performance.now()
  const result = run()
  return { result, milliseconds: performance.now() - start }
}

function report(name: string, milliseconds: number, ceiling: number, detail = ''): boolean {
  const ok = milliseconds < ceiling
  console.log(`${ok ? 'ok  ' : 'SLOW'} ${name.padEnd(52)} ${milliseconds.toFixed(0).padStart(6)} ms  (ceiling ${ceiling} ms)${detail ? `  ${detail}` : ''}`)
  return ok
}

/** 100 000 customers from a BG/NBD process (CDNOW-like parameters), first purchases over a year, two years observed. */
function simulatePurchases(customers: number): PurchaseDay[] {
  const random = seededRandom(2026)
  const purchases: PurchaseDay[] = []
  for (let c = 0; c < customers; c++) {
    const customerId = `c${c}`
    const weeklyRate = gammaFrom(random, 0.243) / 4.414
    const dropout = betaFrom(random, 0.793, 2.426)
    let day = Math.floor(random() * 365)
    purchases.push({ customerId, day })
    // BG/NBD: purchases follow a Poisson process; after each repeat purchase the customer leaves with probability p.
    for (;;) {
      day += (-Math.log(1 - random()) / weeklyRate) * 7
      if (!(day < 730)) break
      purchases.push({ customerId, day: Math.floor(day) })
      if (random() < dropout) break
    }
  }
  return purchases
}

/** One million baskets over 2 000 products with Zipf-like popularity and 20 planted pairs. */
function simulateBaskets(count: number): number[][] {
  const random = seededRandom(7)
  const products = 2000
  const cumulative = new Float64Array(products)
  let total = 0
  for (let i = 0; i < products; i++) {
    total += 1 / (i + 1) ** 0.9
    cumulative[i] = total
  }
  const pick = (): number => {
    const target = random() * total
    let low = 0
    let high = products - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if ((cumulative[middle] as number) < target) low = middle + 1
      else high = middle
    }
    return low
  }
  return Array.from({ length: count }, () => {
    const basket = Array.from({ length: 1 + Math.floor(random() * random() * 6) }, pick)
    if (random() < 0.02) {
      const pair = Math.floor(random() * 20)
      basket.push(100 + 2 * pair, 101 + 2 * pair)
    }
    return basket
  })
}

let allOk = true

const purchases = simulatePurchases(100_000)
const histories = time(() => summarisePurchases(purchases, { endDay: 729 }))
console.log(`${purchases.length} purchases of 100 000 customers summarised in ${histories.milliseconds.toFixed(0)} ms`)
for (let run = 1; run <= 3; run++) {
  const fit = time(() => fitBgNbd(histories.result))
  const detail =
    fit.result.status === 'fitted'
      ? Object.entries(fit.result.parameters).map(([name, value]) => `${name}=${value.toFixed(3)}`).join(' ')
      : fit.result.reason
  allOk = report(`BG/NBD fit, 100 000 customers (run ${run})`, fit.milliseconds, 1000, detail) && allOk
}

const baskets = simulateBaskets(1_000_000)
for (let run = 1; run <= 2; run++) {
  const rules = time(() => associationRules(baskets, { minSupport: 0.0005 }))
  const top = rules.result.rules[0]
  const detail = top ? `${rules.result.rules.length} rules, top ${top.antecedent}→${top.consequent} lift ${top.lift.toFixed(1)}` : 'no rules'
  allOk = report(`association rules, 1 000 000 baskets (run ${run})`, rules.milliseconds, 1000, detail) && allOk
}

const random = seededRandom(3)
const weekday = [1.3, 1.1, 1, 1, 1.2, 0.7, 0.5]
const daily = Array.from({ length: 730 }, (_, t) => (1000 + t) * (weekday[t % 7] as number) + 40 * normalFrom(random))
const series: [string, number[], number, number][] = [
  ['wineind, monthly, 176 points, 12 ahead', readSeriesFixture('wineind_monthly.csv', 'bottles'), 12, 12],
  ['AirPassengers, monthly, 144 points, 12 ahead', readSeriesFixture('airpassengers_monthly.csv', 'passengers'), 12, 12],
  ['daily revenue, 730 points, weekly season, 28 ahead', daily, 7, 28],
]
for (const [name, values, period, horizon] of series) {
  const selection = time(() => forecastSeries(values, period, horizon))
  const detail = selection.result.forecast ? selection.result.forecast.method : selection.result.reason
  allOk = report(`forecast selection: ${name}`, selection.milliseconds, 500, detail ?? '') && allOk
}

if (!allOk) process.exitCode = 1
