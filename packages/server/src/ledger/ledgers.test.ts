import { describe, expect, it } from 'vitest'
import { createStoreApp } from '../../test/fixtures/store-app'
import { Ledgers } from './ledgers'

describe('Ledgers', () => {
  it('reads a ledger once, and after that keeps it up to date for whoever peeks', async () => {
    const { stores, app, purchase } = createStoreApp()
    purchase({ orderId: 'o1', userId: 'a', amount: 1, timestamp: '2026-01-05T10:00:00Z' }, { orderId: 'o2', userId: 'b', amount: 2, timestamp: '2026-01-06T10:00:00Z' })
    const ledgers = new Ledgers(stores.ledger, { syncLoadLimit: 1, pageSize: 1 })
    expect(ledgers.isLarge(app)).toBe(true)
    expect(new Ledgers(stores.ledger).isLarge(app)).toBe(false)
    expect(ledgers.peek(app)).toBeUndefined()
    const ledger = await ledgers.ready(app)
    expect(ledger.size).toBe(2)
    expect(ledgers.peek(app)).toBe(ledger)
    purchase({ orderId: 'o3', userId: 'a', amount: 3, timestamp: '2026-01-07T10:00:00Z' })
    expect(ledgers.peek(app)?.size).toBe(3)
  })
})
