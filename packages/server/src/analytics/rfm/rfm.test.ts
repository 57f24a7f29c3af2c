import { describe, expect, it } from 'vitest'
import { RFM_SEGMENTS, rfmSegment, scoreRfm } from './rfm'

describe('rfmSegment', () => {
  it('names every cell of the 5 × 5 grid', () => {
    const named = new Set<string>()
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) named.add(rfmSegment(r, f))
    expect([...named].sort()).toEqual([...RFM_SEGMENTS].sort())
    expect(rfmSegment(5, 5)).toBe('champions')
    expect(rfmSegment(5, 1)).toBe('new')
    expect(rfmSegment(1, 5)).toBe('cant-lose')
    expect(rfmSegment(2, 4)).toBe('at-risk')
    expect(rfmSegment(1, 1)).toBe('lost')
  })
})

describe('scoreRfm', () => {
  // Ten customers: recency 0..90 days, frequency and spend rising with recency for the first ones.
  const customers = [
    { customerId: 'a', recencyDays: 1, frequency: 12, monetary: 1200 },
    { customerId: 'b', recencyDays: 3, frequency: 10, monetary: 900 },
    { customerId: 'c', recencyDays: 2, frequency: 1, monetary: 40 },
    { customerId: 'd', recencyDays: 200, frequency: 11, monetary: 1500 },
    { customerId: 'e', recencyDays: 300, frequency: 1, monetary: 20 },
    { customerId: 'f', recencyDays: 310, frequency: 1, monetary: 25 },
    { customerId: 'g', recencyDays: 30, frequency: 4, monetary: 300 },
    { customerId: 'h', recencyDays: 60, frequency: 3, monetary: 200 },
    { customerId: 'i', recencyDays: 90, frequency: 2, monetary: 100 },
    { customerId: 'j', recencyDays: 150, frequency: 5, monetary: 400 },
  ]

  it('scores and names customers', () => {
    const { customers: scored } = scoreRfm(customers)
    const byId = new Map(scored.map((customer) => [customer.customerId, customer]))
    expect(byId.get('a')).toMatchObject({ recencyScore: 5, frequencyScore: 5, monetaryScore: 5, segment: 'champions' })
    expect(byId.get('c')).toMatchObject({ recencyScore: 5, frequencyScore: 1, segment: 'new' })
    expect(byId.get('d')).toMatchObject({ recencyScore: 2, frequencyScore: 5, segment: 'cant-lose' })
    expect(byId.get('f')).toMatchObject({ recencyScore: 1, frequencyScore: 1, segment: 'lost' })
  })

  it('adds up customers and revenue per segment', () => {
    const { segments } = scoreRfm(customers)
    expect(segments).toHaveLength(RFM_SEGMENTS.length)
    expect(segments.reduce((sum, segment) => sum + segment.customers, 0)).toBe(10)
    expect(segments.reduce((sum, segment) => sum + segment.revenue, 0)).toBe(4685)
    const cantLose = segments.find((segment) => segment.segment === 'cant-lose')
    expect(cantLose).toMatchObject({ customers: 1, revenue: 1500 })
    expect(cantLose?.revenueShare).toBeCloseTo(1500 / 4685, 12)
  })
})
