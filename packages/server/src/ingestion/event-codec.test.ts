import { describe, expect, it } from 'vitest'
import type { EventBatchWrite, EventWrite } from '../store'
import type { BatchCommit } from './commit-group'
import { decodeBatch, decodeCommit, decodeGroup, encodeBatch, encodeCommit, type EncodedBatch } from './event-codec'

const events: EventWrite[] = [
  { type: 'user', userId: 'u1', profile: {} },
  {
    type: 'user',
    userId: 'u2',
    messageId: 'm2',
    profile: { name: 'Ada', email: null, phone: '+44 20 7946 0000' },
    traits: '{"plan":"pro","note":"tab\\tand \\u0001"}',
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
    orderId: 'o2 😀 "quoted"',
    userId: 'u2',
    messageId: 'm-o2',
    amount: 0,
    currency: 'JPY',
    timestamp: 0,
    timestampGiven: true,
    items: '[]',
    properties: '{"coupon":"SPRING"}',
  },
  { type: 'purchase', orderId: 'o3', userId: 'u3', amount: 9_007_199_254_740_991, currency: 'USD', timestamp: 253_402_300_799_999, timestampGiven: true, items: '[]' },
  { type: 'refund', refundId: 'r1', userId: 'u1', amount: 1, currency: 'USD', timestamp: 5, timestampGiven: false },
  {
    type: 'refund',
    refundId: 'r2 😀',
    userId: 'u2',
    messageId: 'm-r2',
    amount: 1500,
    currency: 'JPY',
    orderId: 'o2 😀 "quoted"',
    timestamp: 1_700_000_000_001,
    timestampGiven: true,
    items: '[{"productId":"sku","name":"Mug","quantity":2,"price":750}]',
    reason: 'Broken on arrival',
  },
  { type: 'event', userId: 'u1', name: 'Viewed pricing', timestamp: 0 },
  { type: 'event', userId: 'u2', messageId: 'm-e2', name: 'Opened ticket "#12"', timestamp: 1_700_000_000_002, properties: '{"a":{"b":"\\u0001"}}' },
]

describe('event codec', () => {
  it('rebuilds every event field for field through a structured clone, absent fields staying absent', () => {
    const batch: EventBatchWrite = { appId: 7, appCurrency: 'EUR', receivedAt: 1_700_000_000_123, events }
    const decoded = decodeBatch(structuredClone(encodeBatch(batch)))
    expect(decoded).toStrictEqual(batch)
    for (const [index, event] of decoded.events.entries()) {
      expect(Object.keys(event).sort()).toEqual(Object.keys(events[index]!).sort())
    }
    expect(decodeBatch(encodeBatch({ appId: 8, appCurrency: 'USD', receivedAt: 5, events: [] }))).toStrictEqual({
      appId: 8,
      appCurrency: 'USD',
      receivedAt: 5,
      events: [],
    })
  })

  it('keeps a field cleared with null apart from one not given', () => {
    const batch = decodeBatch(encodeBatch({ appId: 1, appCurrency: 'USD', receivedAt: 0, events: [events[2]!] }))
    const user = batch.events[0]!
    expect(user.type === 'user' && user.profile).toStrictEqual({ name: null })
  })

  it('refuses a batch whose fields do not add up to its events', () => {
    const [appId, currency, receivedAt, count, fields] = encodeBatch({ appId: 1, appCurrency: 'USD', receivedAt: 0, events })
    const malformed: EncodedBatch[] = [
      [appId, currency, receivedAt, count + 1, fields],
      [appId, currency, receivedAt, count - 1, fields],
      [appId, currency, receivedAt, count, fields.replace('o1', 'o\u00011')],
      [appId, currency, receivedAt, count, `z${fields.slice(1)}`],
    ]
    for (const batch of malformed) expect(() => decodeBatch(batch)).toThrow('malformed')
  })

  it('refuses a malformed batch of a group alone, and answers for every batch in the order sent', () => {
    const good = (appId: number) => encodeBatch({ appId, appCurrency: 'USD', receivedAt: 0, events: [events[3]!] })
    const [appId, currency, receivedAt, count, fields] = good(2)
    const group = decodeGroup([good(1), [appId, currency, receivedAt, count + 1, fields], good(3)])
    expect(group.batches.map((batch) => batch.appId)).toEqual([1, 3])
    expect(group.fates([{ outcomes: ['created'] }, { outcomes: ['duplicate'] }])).toEqual([
      'c',
      { error: 'A batch sent to the writer thread was malformed.' },
      'd',
    ])
  })

  it('carries outcomes back a character each, and errors as they are', () => {
    const commits: BatchCommit[] = [
      { outcomes: ['created', 'updated', 'duplicate', 'conflict', 'order_not_found', 'currency_mismatch', 'over_refund'] },
      { outcomes: [] },
      { error: 'disk full' },
    ]
    const encoded = commits.map(encodeCommit)
    expect(encoded).toEqual(['cudxoma', '', { error: 'disk full' }])
    expect(structuredClone(encoded).map(decodeCommit)).toStrictEqual(commits)
    expect(() => decodeCommit('c?')).toThrow('unknown outcome')
  })
})
