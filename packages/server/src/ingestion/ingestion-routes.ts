import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppsService } from '../apps/apps-service'
import { requireCaller } from '../apps/key-auth'
import { ApiError, validationFailed, type ErrorIssue } from '../http/api-error'
import { endpoint } from '../http/endpoint'
import type { AppEnv, KeyCaller } from '../http/env'
import { parseWith, readJson, readJsonWithSize } from '../http/read-json'
import { errors, json } from '../http/responses'
import type { EventWrite, WriteOutcome } from '../store'
import { MAX_JSON_DEPTH } from '../schemas'
import { isoTime } from '../time'
import type { IngestionService } from './ingestion-service'
import { jsonByteLength } from './json-byte-length'
import { normalizeCustomEvent } from './normalize-custom-event'
import { normalizeBatchEvent, normalizePurchase, normalizeUser, type NormalizeResult } from './normalize-event'
import { normalizeRefund } from './normalize-refund'
import {
  BatchBody,
  BatchEnvelope,
  BatchResponse,
  ConnectionResponse,
  CustomEventFields,
  PurchaseEventFields,
  RefundEventFields,
  StatusResponse,
  UserEventFields,
} from './schemas'
import { refusalOf } from './write-refusals'

export const MAX_EVENT_BYTES = 64 * 1024
export const MAX_BATCH_BYTES = 1024 * 1024
export const MAX_BATCH_EVENTS = 1000

const tags = ['Ingestion']
const bearer = [{ apiKey: [] }]

type Rejection = { index: number; code: 'validation_failed' | 'payload_too_large' | 'conflict'; message: string; issues?: ErrorIssue[] }

/**
 * The ingestion endpoints (`/v1/users`, `/v1/purchases`, `/v1/refunds`, `/v1/events`, `/v1/batch`,
 * `/v1/connection`): validate at the edge, then hand the events to the ingestion service, which commits them before
 * the answer. What only the writer can check (an id reused with another body, a refund its order does not allow)
 * comes back as the event's outcome, answered by `refusalOf`.
 *
 * @example
 * registerIngestionRoutes(app, { apps, ingestion, admitKey: keyLimit.admit })
 */
export function registerIngestionRoutes(
  app: OpenAPIHono<AppEnv>,
  services: {
    apps: AppsService
    ingestion: IngestionService
    /** The per-key rate limit, for a key that arrives in the batch body (the header's is checked before the route). */
    admitKey: (caller: KeyCaller) => void
  },
): void {
  const { apps, ingestion, admitKey } = services
  const write = (caller: KeyCaller, events: EventWrite[]) => ingestion.write(caller.app.id, caller.app.currency, events)
  /** A single-event route whose event is created once and a duplicate after (purchases, refunds, custom events). */
  const recordOne =
    (normalize: (body: unknown, now: number, pathPrefix: string | undefined, timeZone: string) => NormalizeResult) =>
    async (c: Context<AppEnv>) => {
      const caller = ingestingCaller(c.get('caller'))
      const event = unwrap(normalize(await readJson(c, { maxBytes: MAX_EVENT_BYTES }), Date.now(), undefined, caller.app.timezone))
      return answerCreatedOrDuplicate(c, event, await write(caller, [event]))
    }

  endpoint(
    app,
    createRoute({
      method: 'post',
      path: '/v1/users',
      tags,
      security: bearer,
      summary: 'Create or update a user of your app',
      description:
        'First time: `201 created`. After: `200 updated` (given fields overwrite, traits merge). A seen `messageId`: `200 duplicate`.',
      request: { body: { content: { 'application/json': { schema: UserEventFields } }, required: true } },
      responses: { ...json(201, 'Created', StatusResponse), ...json(200, 'Updated or duplicate', StatusResponse), ...errors(400, 401, 413, 415, 429) },
    }),
    async (c) => {
      const caller = ingestingCaller(c.get('caller'))
      const event = unwrap(normalizeUser(await readJson(c, { maxBytes: MAX_EVENT_BYTES }), undefined, caller.app.timezone))
      const [outcome] = await write(caller, [event])
      return c.json({ status: outcome as 'created' | 'updated' | 'duplicate' }, outcome === 'created' ? 201 : 200)
    },
  )

  endpoint(
    app,
    createRoute({
      method: 'post',
      path: '/v1/purchases',
      tags,
      security: bearer,
      summary: 'Record a purchase',
      description:
        '`201 created`; the same `orderId` again: `200 duplicate` with the same body, `409 conflict` with a different one. ' +
        'An unknown `userId` creates that customer.',
      request: { body: { content: { 'application/json': { schema: PurchaseEventFields } }, required: true } },
      responses: {
        ...json(201, 'Created', StatusResponse),
        ...json(200, 'Duplicate', StatusResponse),
        ...errors(400, 401, 409, 413, 415, 429),
      },
    }),
    recordOne(normalizePurchase),
  )

  endpoint(
    app,
    createRoute({
      method: 'post',
      path: '/v1/refunds',
      tags,
      security: bearer,
      summary: 'Record a refund',
      description:
        '`201 created`; the same `refundId` again: `200 duplicate` with the same body, `409 conflict` with a different one. ' +
        'With `orderId`, the refund is of that order of this `userId`, in its currency, and the refunds of one order never add ' +
        'up to more than its amount: `400 validation_failed` naming `orderId` (no such order of this user), `currency` ' +
        '(not the order’s) or `amount` (more than is left to refund). Without `orderId`, a refund of the customer; an unknown ' +
        '`userId` creates the customer. A refund counts on its own `timestamp`. A refused refund writes nothing.',
      request: { body: { content: { 'application/json': { schema: RefundEventFields } }, required: true } },
      responses: {
        ...json(201, 'Created', StatusResponse),
        ...json(200, 'Duplicate', StatusResponse),
        ...errors(400, 401, 409, 413, 415, 429),
      },
    }),
    recordOne(normalizeRefund),
  )

  endpoint(
    app,
    createRoute({
      method: 'post',
      path: '/v1/events',
      tags,
      security: bearer,
      summary: 'Record any other interaction of a user',
      description:
        '`201 created`, or `200 duplicate` when the `messageId` was seen before. An unknown `userId` creates the customer. ' +
        `\`properties\` are kept as given, at most ${MAX_JSON_DEPTH} levels deep.`,
      request: { body: { content: { 'application/json': { schema: CustomEventFields } }, required: true } },
      responses: {
        ...json(201, 'Created', StatusResponse),
        ...json(200, 'Duplicate', StatusResponse),
        ...errors(400, 401, 413, 415, 429),
      },
    }),
    recordOne(normalizeCustomEvent),
  )

  endpoint(
    app,
    createRoute({
      method: 'post',
      path: '/v1/batch',
      tags,
      security: bearer,
      summary: 'Send many events at once',
      description:
        'Valid events are stored durably before the answer even when others are rejected. At most 1000 events and ' +
        '1 MiB per request (`413` beyond), 64 KiB per event. An event over 64 KiB, or whose `traits` or `properties` ' +
        `nest deeper than ${MAX_JSON_DEPTH} levels, is rejected alone (\`payload_too_large\`, \`validation_failed\`), the others kept. ` +
        'Accepts `text/plain` with a publishable `key` in the body for `navigator.sendBeacon`.',
      request: {
        body: {
          content: { 'application/json': { schema: BatchBody }, 'text/plain': { schema: BatchBody } },
          required: true,
        },
      },
      responses: { ...json(200, 'Per-event outcome', BatchResponse), ...errors(400, 401, 413, 415, 429) },
    }),
    async (c) => {
      const { value, bytes } = await readJsonWithSize(c, { maxBytes: MAX_BATCH_BYTES, alsoAccept: ['text/plain'] })
      const list = (value as { batch?: unknown } | null)?.batch
      if (Array.isArray(list) && list.length > MAX_BATCH_EVENTS) {
        throw new ApiError(413, 'payload_too_large', `A batch holds at most ${MAX_BATCH_EVENTS} events; split it.`)
      }
      const envelope = parseWith(BatchEnvelope, value)
      const caller = ingestingCaller(c.get('caller') ?? callerFromBodyKey(apps, envelope.key, admitKey))
      const now = Date.now()
      const rejected: Rejection[] = []
      const events: EventWrite[] = []
      const positions: number[] = []
      envelope.batch.forEach((raw, index) => {
        // Measured without JSON.stringify, which overflows the call stack on an event nested thousands deep.
        if (bytes > MAX_EVENT_BYTES && jsonByteLength(raw, MAX_EVENT_BYTES) > MAX_EVENT_BYTES) {
          rejected.push({ index, code: 'payload_too_large', message: `An event may be at most ${MAX_EVENT_BYTES} bytes.` })
          return
        }
        const result = normalizeBatchEvent(raw, index, now, caller.app.timezone)
        if (!result.ok) {
          const fields = [...new Set(result.issues.map((issue) => issue.path))].join(', ')
          rejected.push({ index, code: 'validation_failed', message: `Invalid event: check ${fields}.`, issues: result.issues })
          return
        }
        events.push(result.event)
        positions.push(index)
      })
      const outcomes = await write(caller, events)
      let accepted = 0
      let duplicates = 0
      outcomes.forEach((outcome, i) => {
        if (outcome === 'created' || outcome === 'updated') accepted += 1
        else if (outcome === 'duplicate') duplicates += 1
        else {
          const index = positions[i]!
          const { code, message, issues } = refusalOf(outcome, events[i]!, `batch.${index}`)!
          rejected.push({ index, code, message, issues })
        }
      })
      rejected.sort((a, b) => a.index - b.index)
      return c.json({ accepted, duplicates, rejected }, 200)
    },
  )

  endpoint(
    app,
    createRoute({
      method: 'get',
      path: '/v1/connection',
      tags,
      security: bearer,
      summary: 'Check the connection: the key’s app, the last event and the counts',
      responses: { ...json(200, 'Connection', ConnectionResponse), ...errors(401) },
    }),
    (c) => {
      const caller = ingestingCaller(c.get('caller'))
      const app = apps.freshApp(caller.app.id)!
      return c.json(
        {
          app: { id: app.publicId, name: app.name, currency: app.currency, timezone: app.timezone },
          keyType: caller.keyType as 'publishable' | 'secret',
          lastEventAt: isoTime(app.lastEventAt),
          counts: { customers: app.customersCount, purchases: app.purchasesCount, refunds: app.refundsCount, events: app.eventsCount },
        },
        200,
      )
    },
  )
}

/** Ingestion takes API keys only (an embed token is read-only). */
function ingestingCaller(caller: KeyCaller | undefined): KeyCaller {
  const resolved = requireCaller(caller)
  if (resolved.keyType === 'embed') throw new ApiError(403, 'forbidden', 'An embed token is read-only.')
  return resolved
}

function callerFromBodyKey(apps: AppsService, key: string | undefined, admitKey: (caller: KeyCaller) => void): KeyCaller | undefined {
  if (key === undefined) return undefined
  const caller = apps.authenticate(key)
  if (!caller || caller.keyType !== 'publishable') {
    throw new ApiError(401, 'unauthorized', 'The "key" in the body must be a valid publishable key.')
  }
  admitKey(caller)
  return caller
}

/** The answer of an endpoint that writes one event: `201 created`, `200 duplicate`, or the writer's refusal. */
function answerCreatedOrDuplicate(c: Context<AppEnv>, event: EventWrite, [outcome]: readonly WriteOutcome[]) {
  const refusal = refusalOf(outcome!, event)
  if (refusal) throw new ApiError(refusal.status, refusal.code, refusal.message, refusal.issues)
  return c.json({ status: outcome as 'created' | 'duplicate' }, outcome === 'created' ? 201 : 200)
}

function unwrap(result: NormalizeResult): EventWrite {
  if (!result.ok) throw validationFailed(result.issues)
  return result.event
}
