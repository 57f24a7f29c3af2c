import { checkOptionalId, isRecord } from './field-checks'
import type { EventKind } from './types'
import { validateCustomEvent } from './validate-custom-event'
import { validatePurchase } from './validate-purchase'
import { validateRefund } from './validate-refund'
import { validateUser } from './validate-user'

const validators: Record<EventKind, (input: Record<string, unknown>) => string | undefined> = {
  user: validateUser,
  purchase: validatePurchase,
  refund: validateRefund,
  event: validateCustomEvent,
}

/**
 * Why the input of a track call cannot be queued, or undefined when it can: not an object, a problem of its kind,
 * or a `messageId` that is not a non-empty string.
 *
 * @example validateEvent('user', { userId: 'u1', messageId: '' }) // 'messageId must be a non-empty string'
 */
export function validateEvent(kind: EventKind, input: unknown): string | undefined {
  if (!isRecord(input)) return `the ${kind} must be an object`
  return validators[kind](input) ?? checkOptionalId(input.messageId, 'messageId')
}
