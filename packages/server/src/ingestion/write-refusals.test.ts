import { describe, expect, it } from 'vitest'
import type { PurchaseWrite, RefundWrite } from '../store'
import { refusalOf } from './write-refusals'

const purchase: PurchaseWrite = { type: 'purchase', orderId: 'o1', userId: 'u', amount: 1, currency: 'USD', timestamp: 0, timestampGiven: true, items: '[]' }
const refund: RefundWrite = { type: 'refund', refundId: 'r1', userId: 'u', amount: 1, currency: 'USD', orderId: 'o1', timestamp: 0, timestampGiven: true }

describe('refusalOf', () => {
  it('refuses nothing that was stored or seen before', () => {
    for (const outcome of ['created', 'updated', 'duplicate'] as const) expect(refusalOf(outcome, purchase)).toBeUndefined()
  })

  it('answers a conflict with 409 naming the id the event reused', () => {
    expect(refusalOf('conflict', purchase)).toMatchObject({ status: 409, code: 'conflict', issues: [{ path: 'orderId' }] })
    expect(refusalOf('conflict', refund, 'batch.2')).toMatchObject({ status: 409, code: 'conflict', issues: [{ path: 'batch.2.refundId' }] })
  })

  it('answers each refund check with 400 naming its field, alone or in a batch', () => {
    const fields = (['order_not_found', 'currency_mismatch', 'over_refund'] as const).map((outcome) => {
      const refusal = refusalOf(outcome, refund, 'batch.0')!
      expect(refusal).toMatchObject({ status: 400, code: 'validation_failed', message: expect.any(String) })
      return refusal.issues.map((issue) => issue.path)
    })
    expect(fields).toEqual([['batch.0.orderId'], ['batch.0.currency'], ['batch.0.amount']])
    expect(refusalOf('over_refund', refund)!.issues[0]!.path).toBe('amount')
  })
})
