import type { ErrorIssue } from '../http/api-error'
import type { EventWrite, RefundRejection, WriteOutcome } from '../store'

/** How the API answers an event the writer refused: its status alone, its code and issues alone or in a batch. */
export type Refusal = { status: 400 | 409; code: 'validation_failed' | 'conflict'; message: string; issues: ErrorIssue[] }

/** The refund checks the writer makes in its transaction, in the contract's words: the field at fault and why. */
const REFUND_CHECKS: Record<RefundRejection, { message: string; issue: ErrorIssue }> = {
  order_not_found: {
    message: 'This userId has no order with this orderId.',
    issue: { path: 'orderId', message: 'names no order of this userId' },
  },
  currency_mismatch: {
    message: 'A refund of an order is in the order’s currency.',
    issue: { path: 'currency', message: 'must be the currency of the order' },
  },
  over_refund: {
    message: 'The refunds of this order would add up to more than its amount.',
    issue: { path: 'amount', message: 'is more than what is left to refund of this order' },
  },
}

/**
 * What to answer for an event whose outcome refused it in the writer (a conflicting id, a refund its order does not
 * allow), with issues named from `pathPrefix` (`batch.3`); undefined when the event was stored or seen before.
 *
 * @example
 * refusalOf('over_refund', refund)             // { status: 400, code: 'validation_failed', issues: [{ path: 'amount', … }] }
 * refusalOf('conflict', purchase, 'batch.3')   // { status: 409, code: 'conflict', issues: [{ path: 'batch.3.orderId', … }] }
 * refusalOf('created', purchase)               // undefined
 */
export function refusalOf(outcome: WriteOutcome, event: EventWrite, pathPrefix?: string): Refusal | undefined {
  if (outcome === 'created' || outcome === 'updated' || outcome === 'duplicate') return undefined
  const at = (path: string) => (pathPrefix ? `${pathPrefix}.${path}` : path)
  if (outcome === 'conflict') {
    const field = event.type === 'refund' ? 'refundId' : 'orderId'
    return {
      status: 409,
      code: 'conflict',
      message: `This ${field} was already recorded with a different body.`,
      issues: [{ path: at(field), message: `already used by a different ${event.type}` }],
    }
  }
  const { message, issue } = REFUND_CHECKS[outcome]
  return { status: 400, code: 'validation_failed', message, issues: [{ path: at(issue.path), message: issue.message }] }
}
