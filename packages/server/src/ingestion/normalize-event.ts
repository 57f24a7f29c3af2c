import type { ErrorIssue } from '../http/api-error'
import { toErrorIssues } from '../http/api-error'
import { toMinorUnits } from '../money'
import type { EventWrite, PurchaseItemWrite, PurchaseWrite, UserWrite } from '../store'
import { parseDateTime } from '../time'
import { PurchaseEventFields, UserEventFields, type PurchaseEventInput, type UserEventInput } from './schemas'

/** A timestamp may be at most this far ahead of the server's clock. */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000

export type NormalizeResult = { ok: true; event: EventWrite } | { ok: false; issues: ErrorIssue[] }

/**
 * Validates a user event and turns it into what the store writes.
 *
 * @example
 * normalizeUser({ userId: 'u_1', name: 'Ada' })
 */
export function normalizeUser(body: unknown, pathPrefix?: string, timeZone = 'UTC'): NormalizeResult {
  const parsed = UserEventFields.safeParse(body)
  if (!parsed.success) return { ok: false, issues: toErrorIssues(parsed.error.issues, pathPrefix) }
  return { ok: true, event: toUserWrite(parsed.data, timeZone) }
}

/**
 * Validates a purchase event (amounts to minor units of its currency, the 24-hour future limit) and turns it into
 * what the store writes.
 *
 * @example
 * normalizePurchase({ orderId: 'o1', userId: 'u_1', amount: 19.99, currency: 'USD', product: 'Pro' }, Date.now())
 */
export function normalizePurchase(body: unknown, now: number, pathPrefix?: string, timeZone = 'UTC'): NormalizeResult {
  const parsed = PurchaseEventFields.safeParse(body)
  if (!parsed.success) return { ok: false, issues: toErrorIssues(parsed.error.issues, pathPrefix) }
  const input = parsed.data
  const issues: ErrorIssue[] = []
  const at = (path: string) => [pathPrefix, path].filter(Boolean).join('.')

  const amount = toMinorUnits(input.amount, input.currency)
  if (!amount.ok) issues.push({ path: at('amount'), message: amount.message })

  let timestamp = now
  if (input.timestamp !== undefined) {
    timestamp = parseDateTime(input.timestamp, timeZone)
    if (timestamp > now + MAX_FUTURE_MS) issues.push({ path: at('timestamp'), message: 'must not be more than 24 hours ahead' })
    if (timestamp < 0) issues.push({ path: at('timestamp'), message: 'must not be before 1970' })
  }

  if (input.product === undefined && input.items === undefined) {
    issues.push({ path: at('items'), message: 'give product or items' })
  }
  const items: PurchaseItemWrite[] = []
  input.items?.forEach((item, index) => {
    const price = toMinorUnits(item.price, input.currency)
    if (!price.ok) issues.push({ path: at(`items.${index}.price`), message: price.message })
    else {
      items.push({
        productId: item.productId ?? null,
        name: item.name,
        category: item.category ?? null,
        quantity: item.quantity,
        price: price.minor,
      })
    }
  })
  if (issues.length > 0 || !amount.ok) return { ok: false, issues }
  if (input.items === undefined && input.product !== undefined) {
    items.push({ productId: null, name: input.product, category: null, quantity: 1, price: amount.minor })
  }
  return { ok: true, event: toPurchaseWrite(input, amount.minor, timestamp, items) }
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

function toPurchaseWrite(input: PurchaseEventInput, amount: number, timestamp: number, items: PurchaseItemWrite[]): PurchaseWrite {
  return {
    type: 'purchase',
    orderId: input.orderId,
    userId: input.userId,
    ...(input.messageId !== undefined ? { messageId: input.messageId } : {}),
    amount,
    currency: input.currency,
    timestamp,
    timestampGiven: input.timestamp !== undefined,
    items: JSON.stringify(items),
    ...(input.properties !== undefined ? { properties: JSON.stringify(input.properties) } : {}),
  }
}
