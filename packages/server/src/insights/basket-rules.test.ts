import { describe, expect, it } from 'vitest'
import { createStoreApp, type PurchaseInput } from '../../test/fixtures/store-app'
import { type RefundInput, writeRefunds } from '../../test/fixtures/store-refunds'
import { PurchaseLedger } from '../ledger'
import { basketRules, orderItems } from './basket-rules'
import { crossSells, type RecommendationInputs } from './recommendation-facts'
import { linkRefunds, refundLinkSource, orderRefunds } from './refund-links'

const item = (productId: string) => ({ productId, name: productId.toUpperCase(), quantity: 1, price: '10.00' })
const ASOF = Date.parse('2026-03-01T00:00:00Z')

/**
 * 15 orders of {x, y} whose y always came back, 15 of {z, w}; then z alone three times, z with a w given back, and a
 * z given back whole.
 */
function shop() {
  const store = createStoreApp()
  const purchases: PurchaseInput[] = []
  const refunds: RefundInput[] = []
  const order = (orderId: string, userId: string, products: string[], day: number) =>
    purchases.push({ orderId, userId, amount: products.length * 10, timestamp: `2026-01-${String(day).padStart(2, '0')}T10:00:00Z`, items: products.map(item) })
  const giveBack = (orderId: string, userId: string, products: string[]) =>
    refunds.push({ refundId: `r-${orderId}`, userId, orderId, amount: products.length * 10, timestamp: '2026-02-01T10:00:00Z', items: products.map(item) })
  for (let i = 0; i < 15; i++) {
    order(`xy${i}`, `a${i}`, ['x', 'y'], 1 + i)
    giveBack(`xy${i}`, `a${i}`, ['y'])
    order(`zw${i}`, `b${i}`, ['z', 'w'], 1 + i)
  }
  for (const userId of ['p1', 'p2', 'p3']) order(`z-${userId}`, userId, ['z'], 20)
  order('z-p4', 'p4', ['z', 'w'], 21)
  giveBack('z-p4', 'p4', ['w'])
  order('z-p5', 'p5', ['z'], 22)
  giveBack('z-p5', 'p5', ['z'])
  store.purchase(...purchases)
  writeRefunds(store, ...refunds)
  const ledger = new PurchaseLedger(store.app.id)
  ledger.refresh(store.stores.ledger, 'UTC')
  const inputs = store.stores.insightInputs
  const given = orderRefunds(ledger, linkRefunds(ledger, refundLinkSource(inputs, store.app.id)), ASOF)
  const product = (key: string) => ledger.products.findIndex((candidate) => candidate.key === key)
  return { ledger, given, product }
}

const pairsOf = (rules: { antecedent: number; consequent: number }[], name: (product: number) => string) =>
  [...new Set(rules.map((rule) => [name(rule.antecedent), name(rule.consequent)].sort().join('-')))].sort()

describe('baskets without the items given back', () => {
  it('drops items refunded whole, and the baskets of orders refunded whole', () => {
    const { ledger, given, product } = shop()
    const all = orderItems(ledger, ASOF)
    const kept = orderItems(ledger, ASOF, 365, given)
    expect(all.start.length).toBe(kept.start.length)
    // 15 y and one w and one z came back.
    expect(all.product.length - kept.product.length).toBe(17)
    expect(kept.product).not.toContain(product('y'))
    const name = (index: number) => ledger.products[index]?.key ?? ''
    expect(pairsOf(basketRules(ledger, ASOF).rules, name)).toEqual(['w-z', 'x-y'])
    // x and y never stayed together: no rule; baskets emptied by a whole refund are not counted.
    const net = basketRules(ledger, ASOF, 365, given)
    expect(pairsOf(net.rules, name)).toEqual(['w-z'])
    expect(net.baskets).toBe(basketRules(ledger, ASOF).baskets - 1)
  })

  it('offers the second product to who kept the first and never had the second', () => {
    const { ledger, given, product } = shop()
    const rule = { antecedent: product('z'), consequent: product('w'), count: 15, support: 0.4, confidence: 0.75, lift: 2 }
    const inputs = { ledger, rules: [rule], asOf: ASOF, minorToMajor: 0.01, refunds: given } as unknown as RecommendationInputs
    const [offer] = crossSells(inputs)
    // p4 had a w (given back), p5 gave its z back: neither is in the audience.
    expect(offer?.audience?.userIds.sort()).toEqual(['p1', 'p2', 'p3'])
    // The w kept: 15 orders at 10.00; p4's came back.
    expect(offer?.evidence).toContainEqual({ metric: 'averageRevenuePerOrder', value: 10 })
    expect(offer?.expectedImpact?.value).toBe(22.5)
    // Gross, p5's returned z would still make it a buyer of z (p4 never appears: it had a w either way).
    const { refunds: _refunds, ...gross } = inputs
    expect(crossSells(gross as RecommendationInputs)[0]?.audience?.userIds.sort()).toEqual(['p1', 'p2', 'p3', 'p5'])
  })
})
