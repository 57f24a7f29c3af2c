import { describe, expect, it } from 'vitest'
import { createStoreApp } from '../../test/fixtures/store-app'
import { Ledgers } from './ledgers'

describe('Ledgers', () => {
  it('reads a small app at once, and a large one in the background', async () => {
    const { stores, app, purchase } = createStoreApp()
    purchase({ orderId: 'o1', userId: 'a', amount: 1, timestamp: '2026-01-05T10:00:00Z' }, { orderId: 'o2', userId: 'b', amount: 2, timestamp: '2026-01-06T10:00:00Z' })
    expect(new Ledgers(stores.ledger).now(app)?.size).toBe(2)

    const large = new Ledgers(stores.ledger, { syncLoadLimit: 1, pageSize: 1 })
    expect(large.now(app)).toBeUndefined()
    const ledger = await large.ready(app)
    expect(ledger.size).toBe(2)
    expect(large.now(app)).toBe(ledger)
    purchase({ orderId: 'o3', userId: 'a', amount: 3, timestamp: '2026-01-07T10:00:00Z' })
    expect(large.now(app)?.size).toBe(3)
  })
})
