import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { LogFields, Logger } from '../logger'
import { type AppRow, createStores, type EventBatchWrite, type EventWrite, openDatabase, type RefundWrite, type Stores } from '../store'
import type { BatchCommit } from './commit-group'
import { type EventWriter, InThreadWriter } from './event-writer'
import { WriterThread } from './writer-thread'

type Shop = { path: string; stores: Stores; app: AppRow }

class CountingWriter implements EventWriter {
  writes = 0
  refreshes = 0
  closes = 0
  constructor(private readonly inner: EventWriter) {}

  write(batches: readonly EventBatchWrite[]): Promise<BatchCommit[]> {
    this.writes += 1
    return this.inner.write(batches)
  }

  refreshTotals(): Promise<number> {
    this.refreshes += 1
    return this.inner.refreshTotals()
  }

  close(): Promise<void> {
    this.closes += 1
    return this.inner.close()
  }
}

function recordingLogger(): Logger & { warnings: string[]; errors: string[] } {
  const warnings: string[] = []
  const errors: string[] = []
  const ignore = (_message: string, _fields?: LogFields) => {}
  return { warnings, errors, debug: ignore, info: ignore, warn: (message) => warnings.push(message), error: (message) => errors.push(message) }
}

const dirs: string[] = []
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function createShop(): Shop {
  const dir = mkdtempSync(join(tmpdir(), 'crm-writer-'))
  dirs.push(dir)
  const path = join(dir, 'crm.sqlite')
  const stores = createStores(openDatabase(path, { synchronous: 'NORMAL' }))
  cleanups.push(() => {
    if (stores.db.open) stores.db.close()
  })
  stores.accounts.insertUser({ id: 'u1', name: 'Ada', email: 'ada@example.com', passwordHash: 'x', createdAt: 0 })
  const app = stores.apps.insertApp({ publicId: 'app_test', ownerId: 'u1', name: 'Shop', currency: 'USD', timezone: 'UTC', language: 'en', createdAt: 0 })
  return { path, stores, app }
}

function startWriter(shop: Shop, logger: Logger, workerUrl?: URL): { writer: WriterThread; fallback: CountingWriter } {
  const fallback = new CountingWriter(new InThreadWriter(shop.stores.ingestion, shop.stores.totals))
  const writer = new WriterThread({ path: shop.path, synchronous: 'NORMAL', checkpointInCommits: false }, fallback, logger, workerUrl)
  cleanups.push(() => writer.close())
  return { writer, fallback }
}

function purchase(orderId: string, userId: string, amount: number): EventWrite {
  return {
    type: 'purchase',
    orderId,
    userId,
    messageId: `m-${orderId}`,
    amount,
    currency: 'USD',
    timestamp: Date.parse('2026-01-01T00:00:00Z') + amount,
    timestampGiven: true,
    items: '[]',
  }
}

function batch(shop: Shop, ...events: EventWrite[]): EventBatchWrite {
  return { appId: shop.app.id, appCurrency: shop.app.currency, receivedAt: Date.now(), events }
}

function counts({ stores }: Shop): { customers: number; purchases: number } {
  return stores.db
    .prepare<[], { customers: number; purchases: number }>(
      'SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM purchases) AS purchases',
    )
    .get()!
}

/** The revenue stored in the customer's row (without what a read of one customer adds from new purchases). */
function storedRevenue({ stores }: Shop, userId: string): number {
  return stores.db.prepare<[string], { revenue: number }>('SELECT revenue FROM customers WHERE user_id = ?').get(userId)!.revenue
}

describe('WriterThread', () => {
  it('commits on its own connection what the main connection then reads, deduplicating resent messages', async () => {
    const shop = createShop()
    const logger = recordingLogger()
    const { writer, fallback } = startWriter(shop, logger)

    const commits = await writer.write([batch(shop, purchase('o1', 'a', 100), purchase('o2', 'b', 300)), batch(shop, purchase('o3', 'a', 50))])
    expect(commits).toEqual([{ outcomes: ['created', 'created'] }, { outcomes: ['created'] }])
    expect(counts(shop)).toEqual({ customers: 2, purchases: 3 })
    expect(shop.stores.apps.findAppById(shop.app.id)).toMatchObject({ customersCount: 2, purchasesCount: 3 })

    expect(await writer.write([batch(shop, purchase('o2', 'b', 300), purchase('o4', 'c', 10))])).toEqual([
      { outcomes: ['duplicate', 'created'] },
    ])
    expect(counts(shop)).toEqual({ customers: 3, purchases: 4 })
    expect(fallback.writes).toBe(0)
    expect(logger.warnings).toEqual([])
    expect(logger.errors).toEqual([])
  })

  it('writes refunds and events on the worker, and brings back the refund checks’ outcomes', async () => {
    const shop = createShop()
    const { writer, fallback } = startWriter(shop, recordingLogger())
    const refund = (refundId: string, amount: number, orderId?: string): RefundWrite => ({
      type: 'refund',
      refundId,
      userId: 'a',
      messageId: `m-${refundId}`,
      amount,
      currency: 'USD',
      ...(orderId !== undefined ? { orderId } : {}),
      timestamp: Date.parse('2026-01-02T00:00:00Z'),
      timestampGiven: true,
      reason: 'Broken',
    })
    const event: EventWrite = { type: 'event', userId: 'new', messageId: 'm-e', name: 'Viewed pricing', timestamp: 1, properties: '{"plan":"pro"}' }
    // Two refunds of one order sent together in one group: only the first fits in what is left of it.
    const commits = await writer.write([
      batch(shop, purchase('o1', 'a', 100), refund('r1', 60, 'o1'), event),
      batch(shop, refund('r2', 41, 'o1'), refund('r3', 1, 'nope'), { ...refund('r4', 1, 'o1'), currency: 'EUR' }, refund('r5', 40, 'o1'), refund('r6', 5)),
    ])
    expect(commits).toEqual([
      { outcomes: ['created', 'created', 'created'] },
      { outcomes: ['over_refund', 'order_not_found', 'currency_mismatch', 'created', 'created'] },
    ])
    expect(await writer.write([batch(shop, refund('r1', 60, 'o1'), event)])).toEqual([{ outcomes: ['duplicate', 'duplicate'] }])
    expect(shop.stores.apps.findAppById(shop.app.id)).toMatchObject({ customersCount: 2, purchasesCount: 1, refundsCount: 3, eventsCount: 1 })
    expect(shop.stores.db.prepare('SELECT message_id FROM messages ORDER BY message_id').pluck().all()).toEqual(['m-e', 'm-o1', 'm-r1', 'm-r5', 'm-r6'])
    expect(fallback.writes).toBe(0)
  })

  it('refuses alone a batch that cannot cross to the worker intact, and writes the others of its group', async () => {
    const shop = createShop()
    const { writer } = startWriter(shop, recordingLogger())
    // Validation never lets a control character into an id; if one got through, it would split a field in two.
    const broken = { ...purchase('o1', 'a', 100), orderId: 'o\u00011' }
    const commits = await writer.write([batch(shop, purchase('o0', 'a', 1)), batch(shop, broken), batch(shop, purchase('o2', 'b', 2))])
    expect(commits).toEqual([
      { outcomes: ['created'] },
      { error: 'A batch sent to the writer thread was malformed.' },
      { outcomes: ['created'] },
    ])
    expect(counts(shop)).toEqual({ customers: 2, purchases: 2 })
  })

  it('settles a write from takeReplies() alone, while the event loop never turns', async () => {
    const shop = createShop()
    const { writer } = startWriter(shop, recordingLogger())
    await writer.write([batch(shop, purchase('o0', 'a', 1))])

    let settled = false
    const written = writer.write([batch(shop, purchase('o1', 'a', 100))]).then((commits) => {
      settled = true
      return commits
    })
    // Only microtasks run here: without takeReplies() the answer would wait in the port until the deadline.
    const deadline = Date.now() + 5000
    while (!settled && Date.now() < deadline) {
      writer.takeReplies()
      await Promise.resolve()
    }
    expect(settled).toBe(true)
    expect(await written).toEqual([{ outcomes: ['created'] }])
  })

  it('refreshes the customers’ totals on the writer connection', async () => {
    const shop = createShop()
    const { writer, fallback } = startWriter(shop, recordingLogger())
    await writer.write([batch(shop, purchase('o1', 'a', 100), purchase('o2', 'b', 300), purchase('o3', 'a', 250))])
    expect(shop.stores.totals.pending()).toBe(3)
    expect(storedRevenue(shop, 'a')).toBe(0)

    expect(await writer.refreshTotals()).toBe(2)
    expect(fallback.refreshes).toBe(0)
    expect(shop.stores.totals.pending()).toBe(0)
    expect(storedRevenue(shop, 'a')).toBe(350)
    expect(storedRevenue(shop, 'b')).toBe(300)
    expect(await writer.refreshTotals()).toBe(0)
  })

  it('refreshes in two parts, so that a commit handed over during the first goes in before the second', async () => {
    const shop = createShop()
    const { writer } = startWriter(shop, recordingLogger())
    await writer.write([batch(shop, purchase('o1', 'a', 100))])
    const refreshed = writer.refreshTotals()
    const written = writer.write([batch(shop, purchase('o2', 'a', 50))])
    expect(await written).toEqual([{ outcomes: ['created'] }])
    expect(await refreshed).toBe(1)
    // The totals part ran before the write, the customer_purchases part after it.
    expect(storedRevenue(shop, 'a')).toBe(100)
    expect(shop.stores.db.prepare('SELECT count(*) FROM customer_purchases').pluck().get()).toBe(2)
    expect(shop.stores.totals.pending()).toBe(1)
    expect(await writer.refreshTotals()).toBe(1)
    expect(storedRevenue(shop, 'a')).toBe(150)
  })

  it('writes through the fallback, warning once, when the worker cannot start', async () => {
    const shop = createShop()
    const logger = recordingLogger()
    const { writer, fallback } = startWriter(shop, logger, new URL('./no-such-worker.js', import.meta.url))

    // Sent before the worker has failed: held for it, then redone in the fallback.
    const first = await writer.write([batch(shop, purchase('o1', 'a', 100))])
    const second = await writer.write([batch(shop, purchase('o1', 'a', 100), purchase('o2', 'b', 200))])
    expect(first).toEqual([{ outcomes: ['created'] }])
    expect(second).toEqual([{ outcomes: ['duplicate', 'created'] }])
    expect(await writer.refreshTotals()).toBe(2)
    expect(fallback).toMatchObject({ writes: 2, refreshes: 1 })
    expect(counts(shop)).toEqual({ customers: 2, purchases: 2 })
    expect(logger.warnings).toEqual(['writer thread unavailable, writing on the main thread'])
    expect(logger.errors).toEqual([])
  })

  it('closes: the worker lets go of the file, and later writes go to the fallback instead of hanging', async () => {
    const shop = createShop()
    const logger = recordingLogger()
    const { writer, fallback } = startWriter(shop, logger)
    await writer.write([batch(shop, purchase('o1', 'a', 100))])
    expect(fallback.writes).toBe(0)

    await writer.close()
    expect(fallback.closes).toBe(1)
    await writer.close()
    expect(fallback.closes).toBe(1)

    expect(await writer.write([batch(shop, purchase('o2', 'b', 200))])).toEqual([{ outcomes: ['created'] }])
    expect(fallback.writes).toBe(1)
    expect(counts(shop)).toEqual({ customers: 2, purchases: 2 })

    // SQLite removes the WAL file when its last connection closes: the worker's connection is gone.
    shop.stores.db.close()
    expect(existsSync(`${shop.path}-wal`)).toBe(false)
    expect(logger.warnings).toEqual([])
    expect(logger.errors).toEqual([])
  })
})
