import { isId } from './field-checks'
import { validatePurchase } from './validate-purchase'
import { validateUser } from './validate-user'

/**
 * Why a `trackUser()` or `trackPurchase()` input cannot be queued, or undefined when it can.
 *
 * @example validateEvent('user', { userId: 'u1', messageId: '' }) // 'messageId must be a non-empty string'
 */
export function validateEvent(kind: 'user' | 'purchase', input: unknown): string | undefined {
  const messageId = (input as { messageId?: unknown } | null)?.messageId
  return (
    (kind === 'user' ? validateUser(input) : validatePurchase(input)) ??
    (messageId === undefined || isId(messageId) ? undefined : 'messageId must be a non-empty string')
  )
}
