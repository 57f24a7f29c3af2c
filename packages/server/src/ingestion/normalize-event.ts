import type { ZodSafeParseResult } from 'zod'
import type { ErrorIssue } from '../http/api-error'
import { toErrorIssues } from '../http/api-error'
import { toMinorUnits } from '../money'
import type { EventWrite, PurchaseItemWrite, PurchaseWrite, UserWrite } from '../store'
import { parseDateTime } from '../time'
import { timestampFault } from './event-timestamp'
import { customEventWrite } from './normalize-custom-event'
import { refundWrite } from './normalize-refund'
import {
  BatchCustomEventFields,
  BatchPurchaseEventFields,
  BatchRefundEventFields,
  BatchUserEventFields,
  PurchaseEventFields,
  UserEventFields,
  type PurchaseEventInput,
  type UserEventInput,
} from './schemas'
import { readCommonPurchase } from './purchase-fast-path'

export { MAX_FUTURE_MS } from './event-timestamp'

export type NormalizeResult = { ok: true; event: EventWrite } | { ok: false; issues: ErrorIssue[] }

/**
 * Validates a user event and turns it into what the store writes.
 *
 * @example
 * normalizeUser({ userId: 'u_1', name: 'Ada' })
 */
export function normalizeUser(body: unknown, pathPrefix?: string, timeZone = 'UTC'): NormalizeResult {
  return userWrite(UserEventFields.safeParse(body), pathPrefix, timeZone)
}

/**
 * Validates a purchase event (amounts to minor units of its currency, the 24-hour future limit) and turns it into
 * what the store writes.
 *
 * @example
 * normalizePurchase({ orderId: 'o1', userId: 'u_1', amount: 19.99, currency: 'USD', product: 'Pro' }, Date.now())
 */
export function normalizePurchase(body: unknown, now: number, pathPrefix?: string, timeZone = 'UTC'): NormalizeResult {
  return purchaseWrite(parsePurchase(body, false), now, pathPrefix, timeZone)
}

/**
 * Validates one event of a batch (`type` says which kind) and turns it into what the store writes; issues are
 * named from `batch.<index>`.
 *
 * @example
 * normalizeBatchEvent({ type: 'user', userId: 'u_1' }, 0, Date.now(), 'UTC')
 */
export function normalizeBatchEvent(raw: unknown, index: number, now: number, timeZone: string): NormalizeResult {
  const prefix = `batch.${index}`
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, issues: [{ path: prefix, message: 'must be an object' }] }
  }
  const type = (raw as { type?: unknown }).type
  if (type === 'purchase') return purchaseWrite(parsePurchase(raw, true), now, prefix, timeZone)
  if (type === 'user') return userWrite(BatchUserEventFields.safeParse(raw), prefix, timeZone)
  if (type === 'event') return customEventWrite(BatchCustomEventFields.safeParse(raw), now, prefix, timeZone)
  if (type === 'refund') return refundWrite(BatchRefundEventFields.safeParse(raw), now, prefix, timeZone)
  return { ok: false, issues: [{ path: `${prefix}.type`, message: 'must be "user", "purchase", "refund" or "event"' }] }
}

function userWrite(parsed: ZodSafeParseResult<UserEventInput>, pathPrefix: string | undefined, timeZone: string): NormalizeResult {
  if (!parsed.success) return { ok: false, issues: toErrorIssues(parsed.error.issues, pathPrefix) }
  return { ok: true, event: toUserWrite(parsed.data, timeZone) }
}

/** The common purchase is recognised without the schema's general machinery; anything else goes through it. */
function parsePurchase(raw: unknown, inBatch: boolean): ZodSafeParseResult<PurchaseEventInput> {
  const common = readCommonPurchase(raw, inBatch)
  if (common !== undefined) return { success: true, data: common }
  return (inBatch ? BatchPurchaseEventFields : PurchaseEventFields).safeParse(raw)
}

function purchaseWrite(parsed: ZodSafeParseResult<PurchaseEventInput>, now: number, pathPrefix: string | undefined, timeZone: string): NormalizeResult {
  if (!parsed.success) return { ok: false, issues: toErrorIssues(parsed.error.issues, pathPrefix) }
  const input = parsed.data
  const issues: ErrorIssue[] = []
  const at = (path: string) => (pathPrefix ? `${pathPrefix}.${path}` : path)

  const amount = toMinorUnits(input.amount, input.currency)
  if (!amount.ok) issues.push({ path: at('amount'), message: amount.message })

  let timestamp = now
  if (input.timestamp !== undefined) {
    timestamp = parseDateTime(input.timestamp, timeZone)
    const fault = timestampFault(timestamp, now)
    if (fault !== undefined) issues.push({ path: at('timestamp'), message: fault })
  }

  if (input.product === undefined && input.items === undefined) {
    issues.push({ path: at('items'), message: 'give product or items' })
  }
  const items: PurchaseItemWrite[] = []
  if (input.items !== undefined) {
    for (let index = 0; index < input.items.length; index++) {
      const item = input.items[index]!
      const price = toMinorUnits(item.price, input.currency)
      if (!price.ok) issues.push({ path: at(`items.${index}.price`), message: price.message })
      else {
        items.push({ productId: item.productId ?? null, name: item.name, category: item.category ?? null, quantity: item.quantity, price: price.minor })
      }
    }
  } else if (input.product !== undefined && amount.ok) {
    items.push({ productId: null, name: input.product, category: null, quantity: 1, price: amount.minor })
  }
  if (issues.length > 0 || !amount.ok) return { ok: false, issues }
  const event: PurchaseWrite = {
    type: 'purchase',
    orderId: input.orderId,
    userId: input.userId,
    amount: amount.minor,
    currency: input.currency,
    timestamp,
    timestampGiven: input.timestamp !== undefined,
    items: JSON.stringify(items),
  }
  if (input.messageId !== undefined) event.messageId = input.messageId
  if (input.properties !== undefined) event.properties = JSON.stringify(input.properties)
  return { ok: true, event }
}

function toUserWrite(input: UserEventInput, timeZone: string): UserWrite {
  const profile: UserWrite['profile'] = {}
  if (input.name !== undefined) profile.name = input.name
  if (input.email !== undefined) profile.email = input.email
  if (input.phone !== undefined) profile.phone = input.phone
  return {
    type: 'user',
    userId: input.userId,
    ...(input.messageId !== undefined ? { messageId: input.messageId } : {}),
    profile,
    ...(input.traits !== undefined ? { traits: JSON.stringify(input.traits) } : {}),
    ...(input.createdAt !== undefined ? { createdAt: parseDateTime(input.createdAt, timeZone) } : {}),
  }
}
