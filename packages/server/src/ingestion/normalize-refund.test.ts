import { describe, expect, it } from 'vitest'
import { normalizeBatchEvent } from './normalize-event'
import { normalizeRefund } from './normalize-refund'

const now = Date.parse('2026-03-01T12:00:00Z')
const base = { refundId: 'r1', userId: 'u1', amount: '12.50', currency: 'USD' }
const paths = (body: unknown) => {
  const result = normalizeRefund(body, now)
  return result.ok ? [] : [...new Set(result.issues.map((issue) => issue.path))]
}

describe('normalizeRefund', () => {
  it('turns a refund into minor units, its timestamp defaulting to now, absent fields staying absent', () => {
    expect(normalizeRefund(base, now)).toEqual({
      ok: true,
      event: { type: 'refund', refundId: 'r1', userId: 'u1', amount: 1250, currency: 'USD', timestamp: now, timestampGiven: false },
    })
  })

  it('keeps the order, items (prices in minor units, quantity 1 by default), reason, messageId and a wall-clock time', () => {
    const result = normalizeRefund(
      {
        ...base,
        amount: 1500,
        currency: 'JPY',
        orderId: 'o1',
        timestamp: '2026-02-01 09:00:00',
        items: [{ name: 'Mug', price: 1500 }],
        reason: 'Broken',
        messageId: 'm1',
      },
      now,
      undefined,
      'Asia/Tokyo',
    )
    expect(result).toEqual({
      ok: true,
      event: {
        type: 'refund',
        refundId: 'r1',
        userId: 'u1',
        amount: 1500,
        currency: 'JPY',
        orderId: 'o1',
        timestamp: Date.parse('2026-02-01T00:00:00Z'),
        timestampGiven: true,
        items: '[{"productId":null,"name":"Mug","quantity":1,"price":1500}]',
        reason: 'Broken',
        messageId: 'm1',
      },
    })
  })

  it('refuses a zero, negative or rounded-to-zero amount, naming amount', () => {
    for (const amount of [0, '0.00', -5, '-0.01', '0.004']) expect(paths({ ...base, amount })).toEqual(['amount'])
  })

  it('names each bad field: missing ids, currency, a time 26 h ahead, an item price, unknown fields', () => {
    expect(paths({ ...base, refundId: undefined })).toEqual(['refundId'])
    expect(paths({ ...base, userId: '' })).toEqual(['userId'])
    expect(paths({ ...base, currency: 'usd' })).toEqual(['currency'])
    expect(paths({ ...base, timestamp: new Date(now + 26 * 3600_000).toISOString() })).toEqual(['timestamp'])
    expect(paths({ ...base, items: [{ name: 'Mug', price: -1 }] })).toEqual(['items.0.price'])
    expect(paths({ ...base, items: [{ name: 'Mug', price: 1, category: 'x' }] })).toEqual(['items.0'])
    expect(paths({ ...base, reason: 'x'.repeat(501) })).toEqual(['reason'])
    expect(paths({ ...base, orderId: 7 })).toEqual(['orderId'])
  })

  it('is read in a batch by its type, issues named from the event’s place', () => {
    const result = normalizeBatchEvent({ ...base, type: 'refund', amount: 0 }, 4, now, 'UTC')
    expect(result).toEqual({ ok: false, issues: [{ path: 'batch.4.amount', message: 'must be greater than 0' }] })
    expect(normalizeBatchEvent({ ...base, type: 'refund' }, 0, now, 'UTC')).toMatchObject({ ok: true, event: { type: 'refund', amount: 1250 } })
    expect(normalizeBatchEvent({ ...base, type: 'refunds' }, 1, now, 'UTC')).toMatchObject({ ok: false, issues: [{ path: 'batch.1.type' }] })
  })
})
