import { describe, expect, it } from 'vitest'
import type { EventBatchWrite, EventWrite } from '../store'
import { decodeBatches, encodeBatches } from './event-codec'

const events: EventWrite[] = [
  { type: 'user', userId: 'u1', profile: {} },
  {
    type: 'user',
    userId: 'u2',
    messageId: 'm2',
    profile: { name: 'Ada', email: null, phone: '+44 20 7946 0000' },
    traits: '{"plan":"pro"}',
    createdAt: 1_700_000_000_000,
  },
  { type: 'user', userId: 'u3', profile: { name: null }, createdAt: 0 },
  {
    type: 'purchase',
    orderId: 'o1',
    userId: 'u1',
    amount: 1999,
    currency: 'USD',
    timestamp: 1_700_000_000_000,
    timestampGiven: false,
    items: '[{"productId":null,"name":"Pro","category":null,"quantity":1,"price":1999}]',
  },
  {
    type: 'purchase',
    orderId: 'o2',
    userId: 'u2',
    messageId: 'm-o2',
    amount: 0,
    currency: 'JPY',
    timestamp: 0,
    timestampGiven: true,
    items: '[]',
    properties: '{"coupon":"SPRING"}',
  },
]

describe('event codec', () => {
  it('rebuilds every event field for field through a structured clone, absent fields staying absent', () => {
    const batches: EventBatchWrite[] = [
      { appId: 7, appCurrency: 'EUR', receivedAt: 1_700_000_000_123, events },
      { appId: 8, appCurrency: 'USD', receivedAt: 5, events: [] },
    ]
    const decoded = decodeBatches(structuredClone(encodeBatches(batches)))
    expect(decoded).toStrictEqual(batches)
    for (const [index, event] of decoded[0]!.events.entries()) {
      expect(Object.keys(event).sort()).toEqual(Object.keys(events[index]!).sort())
    }
  })

  it('keeps a field cleared with null apart from one not given', () => {
    const [batch] = decodeBatches(encodeBatches([{ appId: 1, appCurrency: 'USD', receivedAt: 0, events: [events[2]!] }]))
    const user = batch!.events[0]!
    expect(user.type === 'user' && user.profile).toStrictEqual({ name: null })
  })
})
