import { z } from '@hono/zod-openapi'
import { isCurrency } from '../money'
import { withTSeparator } from '../time'
import { findJsonShapeFault, MAX_JSON_DEPTH } from './json-shape'

// C0 and C1 control characters (tab, newline and carriage return included): never part of a name or an id.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/

/**
 * Whether a string is plain text, the rule of `plainText` for code that checks a value without zod: no control
 * characters, and well-formed Unicode. A lone surrogate (`"\ud800"` in JSON) is not a character: UTF-8, the
 * database's encoding, cannot hold it, and Node releases replace it differently when they hand a string to SQLite
 * (Node 24 writes U+FFFD where Node 22 writes the surrogate's own bytes), so an id holding one would not match
 * itself across an upgrade, and a retried event would count twice.
 *
 * @example
 * isPlainText('Ada') // true
 * isPlainText('Ada\n') // false
 * isPlainText('Ada \ud800') // false
 */
export function isPlainText(value: string): boolean {
  return !CONTROL_CHARACTERS.test(value) && value.isWellFormed()
}

/**
 * A single-line string of at most `max` characters, without control characters or lone surrogates.
 *
 * @example
 * const Name = plainText(200).openapi({ example: 'Ada Lovelace' })
 */
export function plainText(max: number) {
  return z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'must not contain control characters')
    .refine((value) => value.isWellFormed(), 'must be well-formed Unicode (a lone surrogate such as \\ud800 is not a character)')
}

/** The longest identifier a client app may choose. */
export const MAX_CLIENT_ID_LENGTH = 255

/** An identifier chosen by the client app (a user id, an order id, a message id). */
export const ClientId = plainText(MAX_CLIENT_ID_LENGTH)

export const Email = z.email('must be a valid email address').max(254)

export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
  .refine(isCurrency, 'is not a known ISO 4217 currency')
  .openapi({ example: 'USD' })

const timeZones = new Set(Intl.supportedValuesOf('timeZone'))
export const TimeZone = z
  .string()
  .refine((zone) => zone === 'UTC' || timeZones.has(zone), 'must be an IANA time zone such as Europe/Moscow')
  .openapi({ example: 'Europe/Moscow' })

export const Language = z.enum(['en', 'ru'])

export const IsoDateTime = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time such as 2026-11-21T10:00:00Z' })
  .openapi({ example: '2026-11-21T10:00:00Z' })

const isoLocalOrOffsetDateTime = z.iso.datetime({ offset: true, local: true })

/**
 * Whether `text` is an event's date-time: ISO 8601 with an offset, or without one (then read in the app's time
 * zone), with a `T` or, as RFC 3339 allows and SQL and spreadsheet exports write, a space between date and time.
 *
 * @example
 * isEventDateTime('2010-12-01 08:26:00') // true
 * isEventDateTime('2010-12-01')          // false: a date, not a date-time
 */
export function isEventDateTime(text: string): boolean {
  return isoLocalOrOffsetDateTime.safeParse(withTSeparator(text)).success
}

/** An event's date-time (`isEventDateTime`). */
export const EventDateTime = z
  .string()
  .refine(isEventDateTime, 'must be an ISO 8601 date-time such as 2026-11-21T10:00:00Z')
  .openapi({
    format: 'date-time',
    example: '2026-11-21T10:00:00Z',
    description: 'Without an offset, read in the app’s time zone; a space may stand for the T',
  })

/**
 * A free-form JSON object (`traits`, `properties`): refuses prototype-polluting keys and nesting deeper than
 * `MAX_JSON_DEPTH` (32) levels, so that nothing after it (`JSON.stringify`, a clone) recurses into a value deep
 * enough to overflow the call stack.
 *
 * @example
 * JsonObject.parse({ plan: 'pro' })
 */
export const JsonObject = z
  // Checked on the raw input: once copied into a new object, a "__proto__" key is no longer an own key.
  .unknown()
  .superRefine((value, context) => {
    const fault = findJsonShapeFault(value)
    if (fault) context.addIssue({ code: 'custom', message: fault.message })
  })
  .pipe(z.record(z.string().max(255, 'keys must be at most 255 characters'), z.unknown()))
  .openapi({
    type: 'object',
    additionalProperties: true,
    example: { plan: 'pro' },
    description: `Free-form JSON: at most ${MAX_JSON_DEPTH} levels deep (the object itself is the first), keys of at most 255 characters, none of them __proto__, constructor or prototype`,
  })

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error')

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
})
