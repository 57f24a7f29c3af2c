import { checkId, checkObject, checkTime } from './field-checks'

/**
 * Why `user` cannot be sent, or undefined when it is a valid `trackUser()` input. Only what the types cannot
 * promise to JavaScript callers is checked here; the server validates every field again.
 *
 * @example validateUser({ userId: '' }) // 'userId must be a non-empty string'
 */
export function validateUser(user: Record<string, unknown>): string | undefined {
  return checkId(user.userId, 'userId') ?? checkObject(user.traits, 'traits') ?? checkTime(user.createdAt, 'createdAt')
}
