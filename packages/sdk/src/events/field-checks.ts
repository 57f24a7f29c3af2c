import { isCurrencyCode } from './currency'

// Checks shared by the validators of users, purchases, refunds and custom events; each returns a message for the app developer, or undefined.

/**
 * Whether `value` is a plain object (not null, not an array).
 *
 * @example isRecord({ plan: 'pro' }) // true
 */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Whether `value` is a usable id: a string with something other than spaces.
 *
 * @example isId('u_1') // true
 */
export const isId = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0

const must = (field: string, what: string) => `${field} must be ${what}`

/**
 * A message when `value` is not an id.
 *
 * @example checkId('', 'orderId') // 'orderId must be a non-empty string'
 */
export const checkId = (value: unknown, field: string): string | undefined => (isId(value) ? undefined : must(field, 'a non-empty string'))

/**
 * A message when `value` is given but is not an id.
 *
 * @example checkOptionalId('', 'orderId') // 'orderId must be a non-empty string'
 */
export const checkOptionalId = (value: unknown, field: string): string | undefined => (value === undefined ? undefined : checkId(value, field))

/**
 * A message when `value` is given but not a plain object.
 *
 * @example checkObject([], 'traits') // 'traits must be an object'
 */
export const checkObject = (value: unknown, field: string): string | undefined =>
  value === undefined || isRecord(value) ? undefined : must(field, 'an object')

/**
 * A message when `value` is not an amount in major units: a finite number >= 0 or a decimal string.
 *
 * @example checkMoney(Infinity, 'amount') // 'amount must be a number >= 0 or a decimal string, not Infinity'
 */
export const checkMoney = (value: unknown, field: string): string | undefined =>
  (typeof value === 'number' ? Number.isFinite(value) && value >= 0 : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value))
    ? undefined
    : must(field, `a number >= 0 or a decimal string, not ${String(value)}`)

/**
 * A message when `value` is not an ISO 4217 code the platform knows, in any case (`"usd"` is sent as `"USD"`).
 *
 * @example checkCurrency('ABC') // 'currency must be an ISO 4217 code such as "USD", not ABC'
 */
export const checkCurrency = (value: unknown): string | undefined =>
  isCurrencyCode(value as string) || isCurrencyCode(String(value).toUpperCase())
    ? undefined
    : must('currency', `an ISO 4217 code such as "USD", not ${String(value)}`)

/**
 * A message when `value` is given but is not a non-empty array of lines.
 *
 * @example checkItems([]) // 'items must be a non-empty array'
 */
export const checkItems = (value: unknown): string | undefined =>
  value === undefined || (Array.isArray(value) && value.length) ? undefined : must('items', 'a non-empty array')

/**
 * Milliseconds since the epoch, or NaN when `value` is neither a valid Date nor a parseable date string.
 *
 * @example toEpoch('2026-11-21T10:00:00Z') // 1795255200000
 */
export const toEpoch = (value: unknown): number =>
  value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN

/**
 * A message when `value` is given but is not a date.
 *
 * @example checkTime('yesterday', 'timestamp') // 'timestamp must be an ISO 8601 date or a Date'
 */
export const checkTime = (value: unknown, field: string): string | undefined =>
  value === undefined || !Number.isNaN(toEpoch(value)) ? undefined : must(field, 'an ISO 8601 date or a Date')
