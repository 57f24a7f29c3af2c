import type { ZodSafeParseResult } from 'zod'
import { toErrorIssues, type ErrorIssue } from '../http/api-error'
import { toMinorUnits } from '../money'
import type { RefundItemWrite, RefundWrite } from '../store'
import { parseDateTime } from '../time'
import { timestampFault } from './event-timestamp'
import type { NormalizeResult } from './normalize-event'
import { RefundEventFields, type RefundEventInput } from './schemas'

/**
 * Validates a refund (amounts to minor units of its currency, greater than 0; the 24-hour future limit) and turns
 * it into what the store writes. Whether its order exists, is this user's, in this currency, and has that much
 * left to refund is the writer's to say: only its transaction sees the order's other refunds.
 *
 * @example
 * normalizeRefund({ refundId: 'r1', userId: 'u_1', amount: '5.00', currency: 'USD', orderId: 'o1' }, Date.now())
 */
export function normalizeRefund(body: unknown, now: number, pathPrefix?: string, timeZone = 'UTC'): NormalizeResult {
  return refundWrite(RefundEventFields.safeParse(body), now, pathPrefix, timeZone)
}

/**
 * A parsed refund (alone, or of a batch) turned into what the store writes; issues named from `pathPrefix`.
 *
 * @example
 * refundWrite(BatchRefundEventFields.safeParse(raw), Date.now(), 'batch.3', 'UTC')
 */
export function refundWrite(parsed: ZodSafeParseResult<RefundEventInput>, now: number, pathPrefix: string | undefined, timeZone: string): NormalizeResult {
  if (!parsed.success) return { ok: false, issues: toErrorIssues(parsed.error.issues, pathPrefix) }
  const input = parsed.data
  const issues: ErrorIssue[] = []
  const at = (path: string) => (pathPrefix ? `${pathPrefix}.${path}` : path)

  const amount = toMinorUnits(input.amount, input.currency)
  if (!amount.ok) issues.push({ path: at('amount'), message: amount.message })
  else if (amount.minor === 0) issues.push({ path: at('amount'), message: 'must be greater than 0' })
  const timestamp = input.timestamp === undefined ? now : parseDateTime(input.timestamp, timeZone)
  const fault = timestampFault(timestamp, now)
  if (fault !== undefined) issues.push({ path: at('timestamp'), message: fault })
  const items: RefundItemWrite[] = []
  input.items?.forEach((item, index) => {
    const price = toMinorUnits(item.price, input.currency)
    if (!price.ok) issues.push({ path: at(`items.${index}.price`), message: price.message })
    else items.push({ productId: item.productId ?? null, name: item.name, quantity: item.quantity, price: price.minor })
  })
  if (issues.length > 0 || !amount.ok) return { ok: false, issues }

  const event: RefundWrite = {
    type: 'refund',
    refundId: input.refundId,
    userId: input.userId,
    amount: amount.minor,
    currency: input.currency,
    timestamp,
    timestampGiven: input.timestamp !== undefined,
  }
  if (input.messageId !== undefined) event.messageId = input.messageId
  if (input.orderId !== undefined) event.orderId = input.orderId
  if (input.items !== undefined) event.items = JSON.stringify(items)
  if (input.reason !== undefined) event.reason = input.reason
  return { ok: true, event }
}
