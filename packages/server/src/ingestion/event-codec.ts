import type { CustomEventWrite, EventBatchWrite, EventWrite, PurchaseWrite, RefundWrite, UserWrite, WriteOutcome } from '../store'
import type { BatchCommit } from './commit-group'

/** Between two fields. Validated events never hold it: ids and names refuse control characters, JSON text escapes them. */
const FIELD = '\u0001'
/** A field set to null; an absent field is the empty string (no field can be empty when given). */
const NULL = '\u0002'
const PURCHASE = 'p'
const USER = 'u'
const REFUND = 'r'
const CUSTOM_EVENT = 'e'
/** Each kind's fields, its own letter included. */
const PURCHASE_FIELDS = 10
const USER_FIELDS = 8
const REFUND_FIELDS = 11
const CUSTOM_EVENT_FIELDS = 6

/** One request's batch as it crosses to the writer thread: its events' fields in one string. */
export type EncodedBatch = [appId: number, appCurrency: string, receivedAt: number, eventCount: number, fields: string]
/** One batch's fate as it comes back: a character an event (`OUTCOME_CODES`), or why the batch was not written. */
export type EncodedCommit = string | { error: string }

const OUTCOME_CODES: Record<WriteOutcome, string> = {
  created: 'c',
  updated: 'u',
  duplicate: 'd',
  conflict: 'x',
  order_not_found: 'o',
  currency_mismatch: 'm',
  over_refund: 'a',
}
const OUTCOMES: Record<string, WriteOutcome> = Object.fromEntries(
  Object.entries(OUTCOME_CODES).map(([outcome, code]) => [code, outcome as WriteOutcome]),
)

/**
 * Events as they cross to the writer thread: each batch's fields joined into one string. The structured clone of
 * `postMessage` writes, and on the other side allocates, every string and array of a batch one by one; one string
 * is copied whole, and `split` cuts it again natively. For batches of purchases the writer thread, which bounds
 * ingestion, spends 0.25 µs an event on it instead of 0.6–1.0 with an array per event.
 *
 * @example
 * worker.postMessage(batches.map(encodeBatch)) // and, in the worker: decodeBatch(message[0])
 */
export function encodeBatch(batch: EventBatchWrite): EncodedBatch {
  const fields: string[] = []
  for (const event of batch.events) {
    if (event.type === 'purchase') {
      fields.push(PURCHASE, event.orderId, event.userId, event.messageId ?? '', String(event.amount), event.currency)
      fields.push(String(event.timestamp), event.timestampGiven ? '1' : '', event.items, event.properties ?? '')
    } else if (event.type === 'user') {
      const { profile } = event
      fields.push(USER, event.userId, event.messageId ?? '', nullable(profile.name), nullable(profile.email), nullable(profile.phone))
      fields.push(event.traits ?? '', event.createdAt === undefined ? '' : String(event.createdAt))
    } else if (event.type === 'refund') {
      fields.push(REFUND, event.refundId, event.userId, event.messageId ?? '', String(event.amount), event.currency, event.orderId ?? '')
      fields.push(String(event.timestamp), event.timestampGiven ? '1' : '', event.items ?? '', event.reason ?? '')
    } else {
      fields.push(CUSTOM_EVENT, event.userId, event.messageId ?? '', event.name, String(event.timestamp), event.properties ?? '')
    }
  }
  return [batch.appId, batch.appCurrency, batch.receivedAt, batch.events.length, fields.join(FIELD)]
}

/**
 * Rebuilds the batch `encodeBatch` encoded, field for field (an absent optional field stays absent). Throws when
 * the fields do not add up to its events, so that a malformed batch is refused instead of misread.
 *
 * @example
 * const batch = decodeBatch(encodeBatch({ appId: 1, appCurrency: 'USD', receivedAt: 0, events: [] }))
 */
export function decodeBatch([appId, appCurrency, receivedAt, eventCount, text]: EncodedBatch): EventBatchWrite {
  const fields = eventCount === 0 ? [] : text.split(FIELD)
  const events: EventWrite[] = []
  let at = 0
  while (events.length < eventCount && at < fields.length) {
    const kind = fields[at]
    if (kind === PURCHASE && at + PURCHASE_FIELDS <= fields.length) {
      events.push(decodePurchase(fields, at + 1))
      at += PURCHASE_FIELDS
    } else if (kind === USER && at + USER_FIELDS <= fields.length) {
      events.push(decodeUser(fields, at + 1))
      at += USER_FIELDS
    } else if (kind === REFUND && at + REFUND_FIELDS <= fields.length) {
      events.push(decodeRefund(fields, at + 1))
      at += REFUND_FIELDS
    } else if (kind === CUSTOM_EVENT && at + CUSTOM_EVENT_FIELDS <= fields.length) {
      events.push(decodeCustomEvent(fields, at + 1))
      at += CUSTOM_EVENT_FIELDS
    } else break
  }
  if (events.length !== eventCount || at !== fields.length) throw new Error('A batch sent to the writer thread was malformed.')
  return { appId, appCurrency, receivedAt, events }
}

/** A group as the writer receives it: the batches that decoded, to write together, and how to answer for all. */
export type DecodedGroup = {
  batches: EventBatchWrite[]
  /** Every batch's fate in the order sent, encoded for the way back: `written` for the decoded ones, in order. */
  fates(written: readonly BatchCommit[]): EncodedCommit[]
}

/**
 * Decodes a group's batches for the writer. One that does not decode is refused alone (its request fails), and the
 * others are written.
 *
 * @example
 * const group = decodeGroup(request.batches)
 * reply({ commits: group.fates(commitGroup(store, group.batches)) })
 */
export function decodeGroup(encoded: readonly EncodedBatch[]): DecodedGroup {
  const batches: EventBatchWrite[] = []
  const refused = new Map<number, BatchCommit>()
  encoded.forEach((batch, index) => {
    try {
      batches.push(decodeBatch(batch))
    } catch (error) {
      refused.set(index, { error: error instanceof Error ? error.message : String(error) })
    }
  })
  return {
    batches,
    fates(written) {
      let next = 0
      return encoded.map((_, index) => encodeCommit(refused.get(index) ?? written[next++]!))
    },
  }
}

/**
 * A batch's fate as it goes back to the event loop: its outcomes as one string, a character an event.
 *
 * @example
 * encodeCommit({ outcomes: ['created', 'duplicate'] }) // 'cd'
 */
export function encodeCommit(commit: BatchCommit): EncodedCommit {
  if ('error' in commit) return commit
  let codes = ''
  for (const outcome of commit.outcomes) codes += OUTCOME_CODES[outcome]
  return codes
}

/**
 * The batch's fate `encodeCommit` encoded.
 *
 * @example
 * decodeCommit('cd') // { outcomes: ['created', 'duplicate'] }
 */
export function decodeCommit(encoded: EncodedCommit): BatchCommit {
  if (typeof encoded !== 'string') return encoded
  const outcomes: WriteOutcome[] = []
  for (const code of encoded) {
    const outcome = OUTCOMES[code]
    if (outcome === undefined) throw new Error(`The writer thread answered an unknown outcome "${code}".`)
    outcomes.push(outcome)
  }
  return { outcomes }
}

function nullable(value: string | null | undefined): string {
  return value === undefined ? '' : value === null ? NULL : value
}

function decodePurchase(fields: readonly string[], at: number): PurchaseWrite {
  const purchase: PurchaseWrite = {
    type: 'purchase',
    orderId: fields[at]!,
    userId: fields[at + 1]!,
    amount: Number(fields[at + 3]),
    currency: fields[at + 4]!,
    timestamp: Number(fields[at + 5]),
    timestampGiven: fields[at + 6] === '1',
    items: fields[at + 7]!,
  }
  const messageId = fields[at + 2]!
  const properties = fields[at + 8]!
  if (messageId !== '') purchase.messageId = messageId
  if (properties !== '') purchase.properties = properties
  return purchase
}

function decodeUser(fields: readonly string[], at: number): UserWrite {
  const profile: UserWrite['profile'] = {}
  const [name, email, phone] = [fields[at + 2]!, fields[at + 3]!, fields[at + 4]!]
  if (name !== '') profile.name = name === NULL ? null : name
  if (email !== '') profile.email = email === NULL ? null : email
  if (phone !== '') profile.phone = phone === NULL ? null : phone
  const user: UserWrite = { type: 'user', userId: fields[at]!, profile }
  const [messageId, traits, createdAt] = [fields[at + 1]!, fields[at + 5]!, fields[at + 6]!]
  if (messageId !== '') user.messageId = messageId
  if (traits !== '') user.traits = traits
  if (createdAt !== '') user.createdAt = Number(createdAt)
  return user
}

function decodeRefund(fields: readonly string[], at: number): RefundWrite {
  const refund: RefundWrite = {
    type: 'refund',
    refundId: fields[at]!,
    userId: fields[at + 1]!,
    amount: Number(fields[at + 3]),
    currency: fields[at + 4]!,
    timestamp: Number(fields[at + 6]),
    timestampGiven: fields[at + 7] === '1',
  }
  const [messageId, orderId, items, reason] = [fields[at + 2]!, fields[at + 5]!, fields[at + 8]!, fields[at + 9]!]
  if (messageId !== '') refund.messageId = messageId
  if (orderId !== '') refund.orderId = orderId
  if (items !== '') refund.items = items
  if (reason !== '') refund.reason = reason
  return refund
}

function decodeCustomEvent(fields: readonly string[], at: number): CustomEventWrite {
  const event: CustomEventWrite = { type: 'event', userId: fields[at]!, name: fields[at + 2]!, timestamp: Number(fields[at + 3]) }
  const [messageId, properties] = [fields[at + 1]!, fields[at + 4]!]
  if (messageId !== '') event.messageId = messageId
  if (properties !== '') event.properties = properties
  return event
}
