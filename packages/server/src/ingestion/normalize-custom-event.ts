import type { ZodSafeParseResult } from 'zod'
import { toErrorIssues } from '../http/api-error'
import type { CustomEventWrite } from '../store'
import { parseDateTime } from '../time'
import { timestampFault } from './event-timestamp'
import type { NormalizeResult } from './normalize-event'
import { CustomEventFields, type CustomEventInput } from './schemas'

/**
 * Validates a custom event (`POST /v1/events`: a name, free-form properties with the rules of `traits`, the
 * 24-hour future limit) and turns it into what the store writes.
 *
 * @example
 * normalizeCustomEvent({ userId: 'u_1', event: 'Viewed pricing', properties: { plan: 'pro' } }, Date.now())
 */
export function normalizeCustomEvent(body: unknown, now: number, pathPrefix?: string, timeZone = 'UTC'): NormalizeResult {
  return customEventWrite(CustomEventFields.safeParse(body), now, pathPrefix, timeZone)
}

/**
 * A parsed custom event (alone, or of a batch) turned into what the store writes; issues named from `pathPrefix`.
 *
 * @example
 * customEventWrite(BatchCustomEventFields.safeParse(raw), Date.now(), 'batch.3', 'UTC')
 */
export function customEventWrite(
  parsed: ZodSafeParseResult<CustomEventInput>,
  now: number,
  pathPrefix: string | undefined,
  timeZone: string,
): NormalizeResult {
  if (!parsed.success) return { ok: false, issues: toErrorIssues(parsed.error.issues, pathPrefix) }
  const input = parsed.data
  const timestamp = input.timestamp === undefined ? now : parseDateTime(input.timestamp, timeZone)
  const fault = timestampFault(timestamp, now)
  if (fault !== undefined) return { ok: false, issues: [{ path: pathPrefix ? `${pathPrefix}.timestamp` : 'timestamp', message: fault }] }
  const event: CustomEventWrite = { type: 'event', userId: input.userId, name: input.event, timestamp }
  if (input.messageId !== undefined) event.messageId = input.messageId
  if (input.properties !== undefined) event.properties = JSON.stringify(input.properties)
  return { ok: true, event }
}
