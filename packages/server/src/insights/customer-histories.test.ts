import { describe, expect, it } from 'vitest'
import { createStoreApp } from '../../test/fixtures/store-app'
import { dayNumber } from '../calendar'
import { PurchaseLedger } from '../ledger'
import { customerHistories } from './customer-histories'
import { historyOf, predictCustomer, fitCustomerModel } from './customer-model'

describe('customer histories and the customer model', () => {
  it('merges purchases of one day, keeps repeat spend apart and stops at asOf', () => {
    const { stores, app, purchase } = createStoreApp()
    purchase(
      { orderId: 'o1', userId: 'a', amount: 10, timestamp: '2026-01-01T09:00:00Z' },
      { orderId: 'o2', userId: 'a', amount: 5, timestamp: '2026-01-01T18:00:00Z' },
      { orderId: 'o3', userId: 'a', amount: 30, timestamp: '2026-01-15T10:00:00Z' },
      { orderId: 'o4', userId: 'a', amount: 7, currency: 'EUR', timestamp: '2026-01-22T10:00:00Z' },
      { orderId: 'o5', userId: 'b', amount: 20, timestamp: '2026-01-29T10:00:00Z' },
      { orderId: 'o6', userId: 'a', amount: 99, timestamp: '2026-03-01T10:00:00Z' },
    )
    const ledger = new PurchaseLedger(app.id)
    ledger.refresh(stores.ledger, 'UTC')
    const asOf = Date.parse('2026-02-01T00:00:00Z')
    const histories = customerHistories(ledger, asOf, dayNumber('2026-01-31'), 'USD')
    const a = ledger.userIds.indexOf('a')
    const b = ledger.userIds.indexOf('b')
    expect([...histories.customers].sort()).toEqual([a, b].sort())
    expect(histories.purchaseDays[a]).toBe(3)
    expect(histories.orders[a]).toBe(4)
    expect(histories.revenue[a]).toBe(4500)
    expect(histories.firstDayRevenue[a]).toBe(1500)
    expect(historyOf(histories, a)).toEqual({ frequency: 2, recency: 3, age: 30 / 7 })
    expect(historyOf(histories, b)).toEqual({ frequency: 0, recency: 0, age: 2 / 7 })
    // Two customers are far too few for a fit: the model says so and predicts nothing.
    const model = fitCustomerModel(histories, 0.01)
    expect(model.bgNbd.status).toBe('insufficient-data')
    expect(predictCustomer(model, a, 90)).toBeNull()
  })
})
