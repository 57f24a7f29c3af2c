import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LogFields, Logger } from '../logger'
import type { CustomerHistories } from './customer-histories'
import { runInThread, StatisticsThread } from './statistics-thread'

/** A deterministic shop of 2 000 customers: purchase days, first and last day, and revenue in cents. */
function syntheticHistories(): CustomerHistories {
  const count = 2000
  let seed = 7
  const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647
  const firstDay = new Int32Array(count)
  const lastDay = new Int32Array(count)
  const purchaseDays = new Int32Array(count)
  const orders = new Int32Array(count)
  const revenue = new Float64Array(count)
  const firstDayRevenue = new Float64Array(count)
  for (let c = 0; c < count; c++) {
    firstDay[c] = Math.floor(random() * 300)
    purchaseDays[c] = 1 + Math.floor(random() * random() * 8)
    lastDay[c] = purchaseDays[c] === 1 ? firstDay[c]! : firstDay[c]! + 1 + Math.floor(random() * (364 - firstDay[c]!))
    orders[c] = purchaseDays[c]!
    firstDayRevenue[c] = 1000 + Math.floor(random() * 5000)
    revenue[c] = firstDayRevenue[c]! + (purchaseDays[c]! - 1) * (1500 + Math.floor(random() * 4000))
  }
  const customers = Int32Array.from({ length: count }, (_, c) => c)
  return { asOfDay: 365, customerRowIds: customers, customers, firstDay, lastDay, purchaseDays, orders, revenue, firstDayRevenue }
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = []
  const ignore = (_message: string, _fields?: LogFields) => {}
  return { warnings, debug: ignore, info: ignore, error: ignore, warn: (message) => warnings.push(message) }
}

let thread: StatisticsThread | undefined
afterEach(async () => {
  await thread?.close()
  thread = undefined
})

describe('StatisticsThread', () => {
  it('fits the customer model, RFM and product pairs in the worker exactly as in-thread', async () => {
    const logger = recordingLogger()
    thread = new StatisticsThread(logger)
    const histories = syntheticHistories()
    const items = { start: Int32Array.from([40, 42, 45, 46, 48]), product: Int32Array.from([1, 2, 1, 2, 3, 4, 1, 2]) }
    const tasks = [
      { kind: 'customer-model', histories, minorToMajor: 0.01 },
      { kind: 'rfm', histories, minorToMajor: 0.01 },
      { kind: 'basket-rules', items },
    ] as const
    const [model, rfm, rules] = await Promise.all(tasks.map((task) => thread!.run(task)))
    expect(model).toEqual(await runInThread(tasks[0]))
    expect(model).toMatchObject({ bgNbd: { status: 'fitted' }, gammaGamma: { status: 'fitted' } })
    expect(rfm).toEqual(await runInThread(tasks[1]))
    expect(rules).toEqual(await runInThread(tasks[2]))
    expect(rules).toMatchObject({ baskets: 4 })
    expect(logger.warnings).toEqual([])
  })

  it('ends its worker when idle and starts another for the next task', async () => {
    const logger = recordingLogger()
    thread = new StatisticsThread(logger, undefined, 0)
    const task = { kind: 'basket-rules', items: { start: Int32Array.from([0, 2, 4]), product: Int32Array.from([1, 2, 1, 2]) } } as const
    expect(thread.started).toBe(false)
    const first = thread.run(task)
    expect(thread.started).toBe(true)
    expect(await first).toEqual(await runInThread(task))
    await vi.waitFor(() => expect(thread!.started).toBe(false), { timeout: 10_000, interval: 5 })
    const second = thread.run(task)
    expect(thread.started).toBe(true)
    expect(await second).toEqual(await runInThread(task))
    expect(logger.warnings).toEqual([])
  })

  it('computes in-thread, and says so once, when the worker cannot start', async () => {
    const logger = recordingLogger()
    thread = new StatisticsThread(logger, new URL('./no-such-worker.js', import.meta.url))
    const task = { kind: 'basket-rules', items: { start: Int32Array.from([0, 2, 4]), product: Int32Array.from([1, 2, 1, 2]) } } as const
    expect(await thread.run(task)).toEqual(await runInThread(task))
    expect(await thread.run(task)).toEqual(await runInThread(task))
    expect(logger.warnings).toEqual(['insights statistics worker unavailable, computing in-thread'])
  })
})
