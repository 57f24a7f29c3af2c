import { describe, expect, it } from 'vitest'
import { createStoreApp } from '../../test/fixtures/store-app'
import { writeRefunds } from '../../test/fixtures/store-refunds'
import { dateOfDay } from '../calendar'
import { PurchaseLedger } from './purchase-ledger'

describe('PurchaseLedger', () => {
  it('loads purchases sorted by time, with local days, items and currencies', () => {
    const { stores, app, purchase } = createStoreApp({ timezone: 'Europe/Moscow' })
    purchase(
      { orderId: 'o2', userId: 'b', amount: '5.00', timestamp: '2026-01-02T10:00:00Z' },
      { orderId: 'o1', userId: 'a', amount: '10.00', timestamp: '2026-01-01T22:30:00Z', items: [{ productId: 'p1', name: 'Tea', quantity: 2, price: '5.00' }] },
      { orderId: 'o3', userId: 'a', amount: '7.00', currency: 'EUR', timestamp: '2026-01-03T10:00:00Z' },
    )
    const ledger = new PurchaseLedger(app.id)
    expect(ledger.refresh(stores.ledger, app.timezone)).toBe(true)
    expect(ledger.size).toBe(3)
    expect([...ledger.amount]).toEqual([1000, 500, 700])
    // 22:30 UTC on the 1st is already the 2nd in Moscow.
    expect([...ledger.day].map(dateOfDay)).toEqual(['2026-01-02', '2026-01-02', '2026-01-03'])
    expect(ledger.currencies[ledger.currency[2]!]).toBe('EUR')
    expect(ledger.products.map((product) => product.key)).toEqual(['p1', 'Thing'])
    expect([...ledger.itemRevenue.subarray(ledger.itemStart[0]!, ledger.itemStart[1]!)]).toEqual([1000])
    expect(ledger.userIds[ledger.customer[0]!]).toBe('a')
    expect(ledger.refresh(stores.ledger, app.timezone)).toBe(false)
  })

  it('catches up from its watermark, merging purchases older than what it holds', () => {
    const { stores, app, purchase } = createStoreApp()
    purchase({ orderId: 'o1', userId: 'a', amount: 1, timestamp: '2026-01-05T10:00:00Z' })
    const ledger = new PurchaseLedger(app.id)
    ledger.refresh(stores.ledger, app.timezone)
    purchase(
      { orderId: 'o2', userId: 'b', amount: 2, timestamp: '2026-01-01T10:00:00Z' },
      { orderId: 'o3', userId: 'a', amount: 3, timestamp: '2026-01-09T10:00:00Z' },
    )
    const version = ledger.version
    expect(ledger.refresh(stores.ledger, app.timezone)).toBe(true)
    expect(ledger.version).toBe(version + 1)
    expect([...ledger.amount]).toEqual([200, 100, 300])
    expect([...ledger.day].map(dateOfDay)).toEqual(['2026-01-01', '2026-01-05', '2026-01-09'])
    const a = ledger.userIds.indexOf('a')
    expect(ledger.firstOrderAt[a]).toBe(Date.parse('2026-01-05T10:00:00Z'))
    expect(ledger.secondOrderAt[a]).toBe(Date.parse('2026-01-09T10:00:00Z'))
    expect(ledger.secondOrderAt[ledger.userIds.indexOf('b')]).toBe(Number.POSITIVE_INFINITY)
    expect(ledger.countUntil(Date.parse('2026-01-05T10:00:00Z'))).toBe(2)
    expect(ledger.firstIndexOfDay(ledger.day[2]!)).toBe(2)
  })

  it('sorts a catch-up that arrives out of time order, and appends one that comes after what it holds', () => {
    const { stores, app, purchase } = createStoreApp()
    purchase({ orderId: 'o1', userId: 'a', amount: 1, timestamp: '2026-01-05T10:00:00Z' })
    const ledger = new PurchaseLedger(app.id)
    ledger.refresh(stores.ledger, app.timezone)
    const held = ledger.ts
    purchase(
      { orderId: 'o2', userId: 'b', amount: 2, timestamp: '2026-01-09T10:00:00Z' },
      { orderId: 'o3', userId: 'c', amount: 3, timestamp: '2026-01-07T10:00:00Z' },
    )
    expect(ledger.refresh(stores.ledger, app.timezone)).toBe(true)
    expect([...ledger.amount]).toEqual([100, 300, 200])
    expect([...ledger.firstOrder]).toEqual([1, 1, 1])
    expect([...held]).toEqual([Date.parse('2026-01-05T10:00:00Z')]) // a view handed out earlier is left as it was
    purchase({ orderId: 'o4', userId: 'a', amount: 4, timestamp: '2026-01-10T10:00:00Z' })
    ledger.refresh(stores.ledger, app.timezone)
    expect([...ledger.amount]).toEqual([100, 300, 200, 400])
    expect([...ledger.firstOrder]).toEqual([1, 1, 1, 0])
    expect(ledger.secondOrderAt[ledger.userIds.indexOf('a')]).toBe(Date.parse('2026-01-10T10:00:00Z'))
    expect([...ledger.itemRevenue]).toEqual([100, 300, 200, 400])
  })

  it('recomputes local days when the app changes time zone', () => {
    const { stores, app, purchase } = createStoreApp()
    purchase({ orderId: 'o1', userId: 'a', amount: 1, timestamp: '2026-01-01T22:00:00Z' })
    const ledger = new PurchaseLedger(app.id)
    ledger.refresh(stores.ledger, 'UTC')
    expect(dateOfDay(ledger.day[0]!)).toBe('2026-01-01')
    expect(ledger.refresh(stores.ledger, 'Asia/Tokyo')).toBe(true)
    expect(dateOfDay(ledger.day[0]!)).toBe('2026-01-02')
  })
})

describe('PurchaseLedger.load', () => {
  it('reads page by page in time order, and a refresh takes what was written meanwhile', async () => {
    const { stores, app, purchase } = createStoreApp()
    purchase(
      { orderId: 'o1', userId: 'a', amount: 1, timestamp: '2026-01-05T10:00:00Z' },
      { orderId: 'o2', userId: 'b', amount: 2, timestamp: '2026-01-01T10:00:00Z' },
      { orderId: 'o3', userId: 'c', amount: 3, timestamp: '2026-01-03T10:00:00Z' },
      { orderId: 'o4', userId: 'a', amount: 4, timestamp: '2026-01-03T10:00:00Z' },
    )
    const ledger = new PurchaseLedger(app.id)
    let pauses = 0
    const loading = ledger.load(stores.ledger, 'UTC', async () => {
      // Written while the load pauses between pages: older than what the load has read, and by a new customer.
      if (pauses++ === 0) purchase({ orderId: 'late', userId: 'd', amount: 9, timestamp: '2025-12-31T10:00:00Z' })
    }, 2)
    expect(ledger.loaded).toBe(false)
    await loading
    expect(pauses).toBe(2)
    expect(ledger.loaded).toBe(true)
    expect([...ledger.amount]).toEqual([200, 300, 400, 100])
    expect(ledger.refresh(stores.ledger, 'UTC')).toBe(true)
    expect([...ledger.amount]).toEqual([900, 200, 300, 400, 100])
    expect(ledger.userIds[ledger.customer[0]!]).toBe('d')
    expect(ledger.refresh(stores.ledger, 'UTC')).toBe(false)
  })
})

describe('PurchaseLedger.refunds', () => {
  it('reads refunds on their own dates with what they take off products, and catches up from their watermark', async () => {
    const shop = createStoreApp({ timezone: 'Europe/Moscow' })
    shop.purchase(
      { orderId: 'o1', userId: 'a', amount: '30.00', timestamp: '2026-01-10T10:00:00Z', items: [{ productId: 'tea', name: 'Tea', quantity: 4, price: '5.00' }, { productId: 'cup', name: 'Cup', quantity: 1, price: '10.00' }] },
    )
    writeRefunds(shop, { refundId: 'r1', userId: 'a', orderId: 'o1', amount: '15.00', timestamp: '2026-03-01T10:00:00Z' })
    const ledger = new PurchaseLedger(shop.app.id)
    await ledger.load(shop.stores.ledger, shop.app.timezone, async () => {})
    const { refunds } = ledger
    expect(refunds.size).toBe(1)
    expect([...refunds.amount]).toEqual([1500])
    expect(dateOfDay(refunds.day[0]!)).toBe('2026-03-01')
    // Half the order back: half of each item's revenue, no quantity.
    expect([...refunds.itemRevenue]).toEqual([1000, 500])
    expect([...refunds.itemQuantity]).toEqual([0, 0])
    expect(ledger.refresh(shop.stores.ledger, shop.app.timezone)).toBe(false)

    // A refund of a customer the ledger has not seen, in another currency, with items: a catch-up takes it in order.
    writeRefunds(shop, { refundId: 'r2', userId: 'new', amount: '4.00', currency: 'EUR', timestamp: '2026-02-01T10:00:00Z', items: [{ name: 'Mug', quantity: 2, price: '2.00' }] })
    const version = ledger.version
    expect(ledger.refresh(shop.stores.ledger, shop.app.timezone)).toBe(true)
    expect(ledger.version).toBe(version + 1)
    expect([...refunds.amount]).toEqual([400, 1500])
    expect(ledger.userIds[refunds.customer[0]!]).toBe('new')
    expect(ledger.currencies[refunds.currency[0]!]).toBe('EUR')
    expect(ledger.products[refunds.itemProduct[0]!]).toEqual({ key: 'Mug', name: 'Mug' })
    expect([...refunds.itemQuantity.subarray(0, 1)]).toEqual([2])
    expect(ledger.firstOrderAt.length).toBe(ledger.customerCount)
    expect(ledger.refresh(shop.stores.ledger, shop.app.timezone)).toBe(false)

    // A new time zone moves the refunds' days too.
    expect(ledger.refresh(shop.stores.ledger, 'Pacific/Kiritimati')).toBe(true)
    expect(dateOfDay(refunds.day[1]!)).toBe('2026-03-02')
    writeRefunds(shop, { refundId: 'r3', userId: 'a', amount: '1.00', timestamp: '2026-01-01T05:00:00Z' })
    expect(ledger.refresh(shop.stores.ledger, 'UTC')).toBe(true)
    expect([...refunds.day].map(dateOfDay)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01'])
  })
})

describe('PurchaseLedger.load with refunds', () => {
  it('reads refunds page by page after the purchases, and a refresh takes one written meanwhile by its id', async () => {
    const shop = createStoreApp()
    shop.purchase({ orderId: 'o1', userId: 'a', amount: 10, timestamp: '2026-01-05T10:00:00Z' })
    writeRefunds(
      shop,
      { refundId: 'r1', userId: 'a', orderId: 'o1', amount: 1, timestamp: '2026-01-09T10:00:00Z' },
      { refundId: 'r2', userId: 'b', amount: 2, timestamp: '2026-01-07T10:00:00Z' },
      { refundId: 'r3', userId: 'a', amount: 3, timestamp: '2026-01-08T10:00:00Z' },
    )
    const ledger = new PurchaseLedger(shop.app.id)
    let pauses = 0
    await ledger.load(shop.stores.ledger, 'UTC', async () => {
      // Older than every refund read so far, by a customer the ledger has not read.
      if (pauses++ === 1) writeRefunds(shop, { refundId: 'late', userId: 'c', amount: 4, timestamp: '2026-01-01T10:00:00Z' })
    }, 1)
    expect(pauses).toBe(4) // one purchase page, then three refund pages
    expect([...ledger.refunds.amount]).toEqual([200, 300, 100])
    expect(ledger.refresh(shop.stores.ledger, 'UTC')).toBe(true)
    expect([...ledger.refunds.amount]).toEqual([400, 200, 300, 100])
    expect(ledger.userIds[ledger.refunds.customer[0]!]).toBe('c')
    expect(ledger.refresh(shop.stores.ledger, 'UTC')).toBe(false)
  })
})
