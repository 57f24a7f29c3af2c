import { checkId, checkObject, checkText, checkTime, isRecord } from './field-checks'

/**
 * Why `user` cannot be sent, or undefined when it is a valid `trackUser()` input.
 *
 * @example validateUser({ userId: '' }) // 'userId must be a non-empty string'
 */
export function validateUser(user: unknown): string | undefined {
  if (!isRecord(user)) return 'a user must be an object'
  return (
    checkId(user.userId, 'userId') ??
    checkText(user.name, 'name') ??
    checkText(user.email, 'email') ??
    checkText(user.phone, 'phone') ??
    checkObject(user.traits, 'traits') ??
    checkTime(user.createdAt, 'createdAt')
  )
}
