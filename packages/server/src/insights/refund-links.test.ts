import { describe, expect, it } from 'vitest'
import { createStoreApp } from '../../test/fixtures/store-app'
import { writeRefunds } from '../../test/fixtures/store-refunds'
import { PurchaseLedger } from '../ledger'
import type { RefundLinkRow } from '../store'
import { itemRefunded, keptAmount, linkRefunds, refundLinkSource, orderRefunds } from './refund-links'

const tea = { productId: 'tea', name: 'Tea', quantity: 2, price: '5.00' }
const mug = { productId: 'mug', name: 'Mug', quantity: 1, price: '10.00' }

function shopWithRefunds() {
  const shop = createStoreApp()
  shop.purchase(
    { orderId: 'o1', userId: 'a', amount: '20.00', timestamp: '2026-01-01T10:00:00Z', items: [tea, mug] },
    // Twins: same customer, instant and amount.
    { orderId: 'o2', userId: 'b', amount: '10.00', timestamp: '2026-01-02T10:00:00Z', items: [tea] },
    { orderId: 'o3', userId: 'b', amount: '10.00', timestamp: '2026-01-02T10:00:00Z', items: [mug] },
    { orderId: 'o4', userId: 'c', amount: '20.00', timestamp: '2026-01-03T10:00:00Z', items: [tea, mug] },
  )
  writeRefunds(
    shop,
    // o1: the mug back (named), then the rest in two refunds without items: refunded in full by 2026-02-10.
    { refundId: 'r1', userId: 'a', orderId: 'o1', amount: '10.00', timestamp: '2026-01-05T10:00:00Z', items: [mug] },
    { refundId: 'r2', userId: 'a', orderId: 'o1', amount: '4.00', timestamp: '2026-02-01T10:00:00Z' },
    { refundId: 'r3', userId: 'a', orderId: 'o1', amount: '6.00', timestamp: '2026-02-10T10:00:00Z' },
    // o3 back whole without items; o2, its twin, kept.
    { refundId: 'r4', userId: 'b', orderId: 'o3', amount: '10.00', timestamp: '2026-01-06T10:00:00Z' },
    // o4: one tea of two back.
    { refundId: 'r5', userId: 'c', orderId: 'o4', amount: '5.00', timestamp: '2026-01-07T10:00:00Z', items: [{ ...tea, quantity: 1 }] },
    // No order.
    { refundId: 'r6', userId: 'c', amount: '3.00', timestamp: '2026-01-08T10:00:00Z' },
  )
  const ledger = new PurchaseLedger(shop.app.id)
  ledger.refresh(shop.stores.ledger, 'UTC')
  const store = shop.stores.insightInputs
  const links = linkRefunds(ledger, refundLinkSource(store, shop.app.id))
  return { ledger, links, store, shop }
}

describe('refund links', () => {
  it('finds each refund’s order in the ledger, twins included, and none for a refund of no order', () => {
    const { ledger, links } = shopWithRefunds()
    // Purchases in time order: o1, o2, o3, o4; refunds in time order: r1, r4, r5, r6, r2, r3.
    expect([...links.order]).toEqual([0, 2, 3, -1, 0, 0])
    expect(ledger.itemProduct[ledger.itemStart[2] as number]).toBe(ledger.products.findIndex((product) => product.key === 'mug'))
  })

  it('sums what refunds took off each order as of an instant, and says which items came back whole', () => {
    const { ledger, links } = shopWithRefunds()
    const early = orderRefunds(ledger, links, Date.parse('2026-01-31T00:00:00Z'))
    expect(early.refunded).toEqual(new Map([[0, 1000], [2, 1000], [3, 500]]))
    expect(early.unlinked).toEqual([3])
    expect(keptAmount(ledger, early, 0)).toBe(1000)
    expect(keptAmount(ledger, early, 1)).toBe(1000)
    expect(keptAmount(ledger, early, 2)).toBe(0)
    const itemsOf = (purchase: number, given: typeof early) =>
      Array.from({ length: (ledger.itemStart[purchase + 1] as number) - (ledger.itemStart[purchase] as number) }, (_, at) =>
        itemRefunded(ledger, given, purchase, (ledger.itemStart[purchase] as number) + at),
      )
    expect(itemsOf(0, early)).toEqual([false, true]) // tea kept, mug back
    expect(itemsOf(2, early)).toEqual([true]) // the whole order back
    expect(itemsOf(3, early)).toEqual([false, false]) // one tea of two back: tea still bought
    const late = orderRefunds(ledger, links, Date.parse('2026-03-01T00:00:00Z'))
    expect(keptAmount(ledger, late, 0)).toBe(0)
    expect(itemsOf(0, late)).toEqual([true, true])
    // Without links, every refund is of no known order.
    expect(orderRefunds(ledger, undefined, Date.parse('2026-03-01T00:00:00Z')).unlinked).toEqual([0, 1, 2, 3, 4, 5])
  })

  it('links only the refunds read since when the earlier links still hold, and all again when they do not', () => {
    const { ledger, links, shop } = shopWithRefunds()
    const source = refundLinkSource(shop.stores.insightInputs, shop.app.id)
    let read = 0
    const counting = { ...source, refundLinks: (afterId: number, maxRefundId: number) => source.refundLinks(afterId, maxRefundId).map((row) => (read++, row)) }
    // Appended: a later order and a refund of it, a refund of an earlier order.
    shop.purchase({ orderId: 'o5', userId: 'd', amount: '8.00', timestamp: '2026-03-01T10:00:00Z', items: [mug] })
    writeRefunds(
      shop,
      { refundId: 'r7', userId: 'd', orderId: 'o5', amount: '8.00', timestamp: '2026-03-02T10:00:00Z' },
      { refundId: 'r8', userId: 'b', orderId: 'o2', amount: '1.00', timestamp: '2026-03-03T10:00:00Z' },
    )
    ledger.refresh(shop.stores.ledger, 'UTC')
    const updated = linkRefunds(ledger, counting, links)
    expect(read).toBe(2)
    expect([...updated.order]).toEqual([0, 2, 3, -1, 0, 0, 4, 1])
    expect(updated).toEqual(linkRefunds(ledger, source))
    // Back-dated: an order before all others moves every purchase index, so everything is linked again.
    shop.purchase({ orderId: 'o0', userId: 'a', amount: '1.00', timestamp: '2025-12-01T10:00:00Z' })
    ledger.refresh(shop.stores.ledger, 'UTC')
    read = 0
    const relinked = linkRefunds(ledger, counting, updated)
    expect(read).toBe(7)
    expect([...relinked.order]).toEqual([1, 3, 4, -1, 1, 1, 5, 2])
  })

  it('tries again, at the next update, a refund whose order the ledger did not hold yet', () => {
    const shop = createStoreApp()
    shop.purchase({ orderId: 'o1', userId: 'a', amount: '20.00', timestamp: '2026-01-01T10:00:00Z' })
    writeRefunds(shop, { refundId: 'r1', userId: 'a', amount: '5.00', timestamp: '2026-01-05T10:00:00Z' })
    const ledger = new PurchaseLedger(shop.app.id)
    ledger.refresh(shop.stores.ledger, 'UTC')
    const a = shop.stores.customers.findCustomer(shop.app.id, 'a')!.id
    // As if r1 were of an order written after the ledger read its purchases.
    const row: RefundLinkRow = [Date.parse('2026-01-05T10:00:00Z'), a, 500, 999, Date.parse('2026-01-03T10:00:00Z'), 900, 1]
    const first = linkRefunds(ledger, { refundLinks: () => [row], twinRank: () => 0 })
    expect([...first.order]).toEqual([-1])
    expect(first.pending).toEqual([row])
    shop.purchase({ orderId: 'o2', userId: 'a', amount: '9.00', timestamp: '2026-01-03T10:00:00Z' })
    ledger.refresh(shop.stores.ledger, 'UTC')
    const next = linkRefunds(ledger, { refundLinks: () => [], twinRank: () => 0 }, first)
    expect([...next.order]).toEqual([1])
    expect(next.pending).toEqual([])
  })
})
