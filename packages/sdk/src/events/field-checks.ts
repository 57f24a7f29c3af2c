// Checks shared by the user and purchase validators; each returns a message for the app developer, or undefined.

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export const isId = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0

const must = (field: string, what: string) => `${field} must be ${what}`

export const checkId = (value: unknown, field: string): string | undefined => (isId(value) ? undefined : must(field, 'a non-empty string'))

export const checkObject = (value: unknown, field: string): string | undefined =>
  value === undefined || isRecord(value) ? undefined : must(field, 'an object')

export const checkMoney = (value: unknown, field: string): string | undefined =>
  (typeof value === 'number' ? Number.isFinite(value) && value >= 0 : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value))
    ? undefined
    : must(field, `a number >= 0 or a decimal string, not ${String(value)}`)

/** Milliseconds since the epoch, or NaN when `value` is neither a valid Date nor a parseable date string. */
export const toEpoch = (value: unknown): number =>
  value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN

export const checkTime = (value: unknown, field: string): string | undefined =>
  value === undefined || toEpoch(value) === toEpoch(value) ? undefined : must(field, 'an ISO 8601 date or a Date')
