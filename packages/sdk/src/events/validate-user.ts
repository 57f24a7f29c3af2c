import { checkId, checkObject, checkTime, isRecord } from './field-checks'

/**
 * Why `user` cannot be sent, or undefined when it is a valid `trackUser()` input. Only what the types cannot
 * promise to JavaScript callers is checked here; the server validates every field again.
 *
 * @example validateUser({ userId: '' }) // 'userId must be a non-empty string'
 */
export function validateUser(user: unknown): string | undefined {
  if (!isRecord(user)) return 'a user must be an object'
  return checkId(user.userId, 'userId') ?? checkObject(user.traits, 'traits') ?? checkTime(user.createdAt, 'createdAt')
}
