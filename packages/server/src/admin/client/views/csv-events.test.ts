import { describe, expect, it } from 'vitest'
import { csvEvents } from './csv-events'

describe('csvEvents', () => {
  it('maps known user columns case-insensitively, other columns to traits, and leaves empty cells out', () => {
    const rows = [
      ['UserID', 'Name', 'email', 'plan'],
      ['u1', 'Ada', '', 'pro'],
      ['', 'No id', 'x@example.com', ''],
    ]
    expect(csvEvents(rows, 'user')).toEqual([
      { line: 2, event: { type: 'user', userId: 'u1', name: 'Ada', traits: { plan: 'pro' } } },
      { line: 3, event: { type: 'user', name: 'No id', email: 'x@example.com' } },
    ])
  })

  it('maps purchase columns and drops unknown ones (purchases have no traits)', () => {
    const rows = [
      ['orderId', 'userId', 'amount', 'currency', 'timestamp', 'product', 'note'],
      ['o1', 'u1', '12.50', 'USD', '2025-01-05T10:00:00Z', 'Tea', 'gift'],
    ]
    expect(csvEvents(rows, 'purchase')).toEqual([
      { line: 2, event: { type: 'purchase', orderId: 'o1', userId: 'u1', amount: '12.50', currency: 'USD', timestamp: '2025-01-05T10:00:00Z', product: 'Tea' } },
    ])
  })

  it('has no events for a file with only a header', () => {
    expect(csvEvents([['userId']], 'user')).toEqual([])
  })
})
