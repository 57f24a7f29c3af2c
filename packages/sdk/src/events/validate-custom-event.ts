import { checkId, checkObject, checkTime } from './field-checks'

/**
 * Why `input` cannot be sent, or undefined when it is a valid `track()` input: a missing user id or event name,
 * properties that are not an object, an unreadable date. Limits such as the name's 200 characters are the server's
 * to check, as for ids (it answers `validation_failed` naming the field, reported as `rejected`).
 *
 * @example validateCustomEvent({ userId: 'u1', event: '' }) // 'event must be a non-empty string'
 */
export function validateCustomEvent(input: Record<string, unknown>): string | undefined {
  return (
    checkId(input.userId, 'userId') ??
    checkId(input.event, 'event') ??
    checkObject(input.properties, 'properties') ??
    checkTime(input.timestamp, 'timestamp')
  )
}
