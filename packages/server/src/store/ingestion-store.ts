import type { CustomerResolver } from './customer-resolver'
import { CustomEventWrites, type CustomEventWrite } from './custom-event-writes'
import type { Db } from './database'
import { RefundWrites, type RefundRejection, type RefundWrite } from './refund-writes'

export type ProfileFields = { name?: string | null; email?: string | null; phone?: string | null }

/** A validated user event, ready to store. */
export type UserWrite = {
  type: 'user'
  userId: string
  messageId?: string
  profile: ProfileFields
  /** JSON text of the traits to merge (RFC 7396 merge patch), when given. */
  traits?: string
  createdAt?: number
}

export type PurchaseItemWrite = {
  productId: string | null
  name: string
  category: string | null
  quantity: number
  price: number
}

/** A validated purchase event, amounts in integer minor units of `currency`. */
export type PurchaseWrite = {
  type: 'purchase'
  orderId: string
  userId: string
  messageId?: string
  amount: number
  currency: string
  timestamp: number
  /** False when the timestamp defaulted to the time of receipt: a replay is then recognised whatever its time. */
  timestampGiven: boolean
  /** JSON text of the items (`PurchaseItemWrite[]`). */
  items: string
  /** JSON text of the free-form properties, when given. */
  properties?: string
}

export type EventWrite = UserWrite | PurchaseWrite | RefundWrite | CustomEventWrite

type StoredOrder = { userId: string; amount: number; currency: string; ts: number; items: string; properties: string | null }

/** An event's fate: stored (`created`, `updated`), seen before (`duplicate`), or refused writing nothing. */
export type WriteOutcome = 'created' | 'updated' | 'duplicate' | 'conflict' | RefundRejection

/** What one batch added, for the app's counters. */
type AppCounters = { customers: number; purchases: number; refunds: number; events: number }

/** The events of one request, for one app (`appCurrency` decides which amounts count as revenue). */
export type EventBatchWrite = { appId: number; appCurrency: string; receivedAt: number; events: readonly EventWrite[] }

/** Thrown inside the savepoint of `#rememberAllMessages` to undo it: one of the messageIds was there already. */
class MessageSeenBefore extends Error {}

/**
 * Writes ingested events. Many requests' batches are written in one transaction (group commit), so one fsync
 * acknowledges them all; every event is deduplicated by `messageId`, purchases also by `orderId` and refunds by
 * `refundId`. A purchase is only appended: its customer's totals are derived from it later, in bulk
 * (`CustomerTotalsStore`). Refunds and custom events are written by `RefundWrites` and `CustomEventWrites`, with the
 * customers this store finds and creates.
 *
 * @example
 * const outcomes = new IngestionStore(db).write([{ appId, appCurrency: 'USD', receivedAt: Date.now(), events }])
 */
export class IngestionStore {
  readonly #rememberMessage
  readonly #rememberMessages
  readonly #rememberAllMessages
  readonly #forgetMessage
  readonly #findCustomer
  readonly #insertCustomer
  readonly #updateProfile
  readonly #insertCustomerEvent
  readonly #storedOrder
  readonly #insertPurchase
  readonly #appCustomers
  readonly #appCustomerCount
  /** Per app, userId → customer row id; only ever holds committed rows (cleared when a transaction fails). */
  readonly #customerIds = new Map<number, Map<string, number>>()
  /** Apps whose map above holds every customer they have: a userId it lacks is a new customer, with no query. */
  readonly #completeApps = new Set<number>()
  /** Ids held in the maps above, all apps together. */
  #cachedCount = 0
  readonly #updateAppCounters
  readonly #writeAll
  readonly #refunds
  readonly #customEvents

  /** `maxCachedCustomers` bounds the customer ids kept in memory (about 70 bytes each). */
  constructor(
    db: Db,
    private readonly maxCachedCustomers = 500_000,
  ) {
    this.#rememberMessage = db.prepare('INSERT OR IGNORE INTO messages (app_id, message_id) VALUES (?, ?)')
    this.#rememberMessages = db.prepare('INSERT OR IGNORE INTO messages (app_id, message_id) SELECT ?, value FROM json_each(?)')
    // A nested transaction is a savepoint: when one id was seen before, what the insert added is undone.
    this.#rememberAllMessages = db.transaction((appId: number, messageIds: readonly string[]) => {
      if (this.#rememberMessages.run(appId, JSON.stringify(messageIds)).changes !== messageIds.length) throw new MessageSeenBefore()
    })
    this.#forgetMessage = db.prepare('DELETE FROM messages WHERE app_id = ? AND message_id = ?')
    this.#findCustomer = db.prepare<[number, string], { id: number }>(
      'SELECT id FROM customers WHERE app_id = ? AND user_id = ?',
    )
    this.#appCustomers = db.prepare<[number], [string, number]>('SELECT user_id, id FROM customers WHERE app_id = ?').raw(true)
    this.#appCustomerCount = db.prepare<[number], number>('SELECT customers_count FROM apps WHERE id = ?').pluck(true)
    this.#insertCustomer = db.prepare(
      `INSERT INTO customers (app_id, user_id, name, email, phone, traits, created_at, updated_at)
       VALUES (@appId, @userId, @name, @email, @phone, json_patch('{}', @traits), @createdAt, @updatedAt) RETURNING id`,
    )
    this.#updateProfile = db.prepare(
      `UPDATE customers SET
         name = CASE WHEN @setName THEN @name ELSE name END,
         email = CASE WHEN @setEmail THEN @email ELSE email END,
         phone = CASE WHEN @setPhone THEN @phone ELSE phone END,
         traits = json_patch(traits, @traits),
         created_at = coalesce(@createdAt, created_at),
         updated_at = @updatedAt
       WHERE id = @id`,
    )
    this.#insertCustomerEvent = db.prepare(
      'INSERT INTO customer_events (customer_id, type, at, data) VALUES (?, ?, ?, ?)',
    )
    this.#storedOrder = db.prepare<[number, string], StoredOrder>(
      `SELECT c.user_id AS userId, p.amount, p.currency, p.ts, p.items, p.properties
       FROM purchases p JOIN customers c ON c.id = p.customer_id WHERE p.app_id = ? AND p.order_id = ?`,
    )
    this.#insertPurchase = db.prepare(
      `INSERT INTO purchases (app_id, order_id, customer_id, amount, currency, ts, items, properties, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (app_id, order_id) DO NOTHING`,
    )
    this.#updateAppCounters = db.prepare(
      `UPDATE apps SET customers_count = customers_count + @customers, purchases_count = purchases_count + @purchases,
         refunds_count = refunds_count + @refunds, events_count = events_count + @events,
         last_event_at = max(coalesce(last_event_at, 0), @at) WHERE id = @appId`,
    )
    const customers: CustomerResolver = {
      find: (appId, userId) => this.#customerId(appId, userId),
      create: (appId, userId, createdAt, receivedAt) => this.#createCustomer(appId, userId, createdAt, receivedAt),
    }
    this.#refunds = new RefundWrites(db, customers)
    this.#customEvents = new CustomEventWrites(db, customers)
    this.#writeAll = db.transaction((batches: readonly EventBatchWrite[]) => {
      const remembered = this.#rememberNewMessages(batches)
      return batches.map((batch) => this.#writeBatch(batch, remembered.has(batch.appId)))
    })
  }

  /** Writes the batches in one transaction and returns each event's outcome, batch by batch. */
  write(batches: readonly EventBatchWrite[]): WriteOutcome[][] {
    try {
      // Immediate: it reads before it writes, and another connection may commit in between.
      return this.#writeAll.immediate(batches)
    } catch (error) {
      // The transaction rolled back: customers and event names it created are gone, so forget the ids it cached.
      this.#forgetCustomers()
      this.#customEvents.forget()
      throw error
    }
  }

  /**
   * Records, app by app, every messageId of the group in one statement, and returns the apps for which that worked:
   * all their ids were new, which is nearly always so. One insert for hundreds of ids costs half as much as one
   * each. An app with an id seen before, or twice in the group, keeps nothing of it and has each event checked
   * alone, in order, as before.
   */
  #rememberNewMessages(batches: readonly EventBatchWrite[]): Set<number> {
    const messageIds = new Map<number, string[]>()
    for (const batch of batches) {
      let ids = messageIds.get(batch.appId)
      if (ids === undefined) messageIds.set(batch.appId, (ids = []))
      for (const event of batch.events) if (event.messageId !== undefined) ids.push(event.messageId)
    }
    const remembered = new Set<number>()
    for (const [appId, ids] of messageIds) {
      try {
        if (ids.length > 0) this.#rememberAllMessages(appId, ids)
        remembered.add(appId)
      } catch (error) {
        if (!(error instanceof MessageSeenBefore)) throw error
      }
    }
    return remembered
  }

  /** `messagesRemembered`: the batch's messageIds are recorded already, all of them first sightings. */
  #writeBatch(batch: EventBatchWrite, messagesRemembered: boolean): WriteOutcome[] {
    const counters: AppCounters = { customers: 0, purchases: 0, refunds: 0, events: 0 }
    const outcomes = batch.events.map((event) =>
      event.type === 'purchase'
        ? this.#writePurchase(batch, event, messagesRemembered, counters)
        : event.type === 'user'
          ? this.#writeUser(batch, event, messagesRemembered, counters)
          : this.#writeRefundOrEvent(batch, event, messagesRemembered, counters),
    )
    if (outcomes.some((outcome) => outcome === 'created' || outcome === 'updated')) {
      this.#updateAppCounters.run({ ...counters, at: batch.receivedAt, appId: batch.appId })
    }
    return outcomes
  }

  /**
   * Records the messageId; false when it was already there (the event is a duplicate). One B-tree write, no read;
   * none when `remembered` (the group's single insert recorded it, as a first sighting).
   */
  #firstSighting(appId: number, messageId: string | undefined, remembered: boolean): boolean {
    return remembered || messageId === undefined || this.#rememberMessage.run(appId, messageId).changes === 1
  }

  #customerId(appId: number, userId: string): number | undefined {
    const ids = this.#customerIds.get(appId) ?? this.#loadCustomers(appId)
    let id = ids.get(userId)
    if (id === undefined && !this.#completeApps.has(appId)) {
      id = this.#findCustomer.get(appId, userId)?.id
      if (id !== undefined) this.#cacheCustomer(appId, userId, id)
    }
    return id
  }

  /**
   * Reads all of an app's customer ids in one query when they fit in the cache: a server that restarts under load
   * would otherwise look up each returning customer alone (a few µs each, for the first purchase of every one).
   */
  #loadCustomers(appId: number): Map<string, number> {
    const count = this.#appCustomerCount.get(appId) ?? 0
    if (this.#cachedCount + count > this.maxCachedCustomers) this.#forgetCustomers()
    const ids = new Map<string, number>()
    this.#customerIds.set(appId, ids)
    // An app that would take more than half the cache is looked up customer by customer instead.
    if (count <= this.maxCachedCustomers / 2) {
      for (const [userId, id] of this.#appCustomers.iterate(appId)) ids.set(userId, id)
      this.#cachedCount += ids.size
      this.#completeApps.add(appId)
    }
    return ids
  }

  #cacheCustomer(appId: number, userId: string, id: number): void {
    if (this.#cachedCount >= this.maxCachedCustomers) this.#forgetCustomers()
    const ids = this.#customerIds.get(appId) ?? this.#loadCustomers(appId)
    const before = ids.size
    ids.set(userId, id)
    this.#cachedCount += ids.size - before
  }

  /** Inserts a customer known only by its userId (a purchase, refund or event named it), first seen at `createdAt`. */
  #createCustomer(appId: number, userId: string, createdAt: number, receivedAt: number): number {
    const row = this.#insertCustomer.get({
      appId,
      userId,
      name: null,
      email: null,
      phone: null,
      traits: '{}',
      createdAt,
      updatedAt: receivedAt,
    }) as { id: number }
    this.#cacheCustomer(appId, userId, row.id)
    return row.id
  }

  #forgetCustomers(): void {
    this.#customerIds.clear()
    this.#completeApps.clear()
    this.#cachedCount = 0
  }

  /** The orderId is taken: a replay of the same order, or a conflicting reuse of its id (which keeps nothing). */
  #replayOrConflict(appId: number, event: PurchaseWrite, stored: StoredOrder): WriteOutcome {
    const same =
      stored.userId === event.userId &&
      stored.amount === event.amount &&
      stored.currency === event.currency &&
      (!event.timestampGiven || stored.ts === event.timestamp) &&
      stored.items === event.items &&
      stored.properties === (event.properties ?? null)
    if (same) return 'duplicate'
    if (event.messageId !== undefined) this.#forgetMessage.run(appId, event.messageId)
    return 'conflict'
  }

  #writeUser(batch: EventBatchWrite, event: UserWrite, messageRemembered: boolean, counters: { customers: number }): WriteOutcome {
    if (!this.#firstSighting(batch.appId, event.messageId, messageRemembered)) return 'duplicate'
    const existing = this.#customerId(batch.appId, event.userId)
    const { profile } = event
    if (existing === undefined) {
      const row = this.#insertCustomer.get({
        appId: batch.appId,
        userId: event.userId,
        name: profile.name ?? null,
        email: profile.email ?? null,
        phone: profile.phone ?? null,
        traits: event.traits ?? '{}',
        createdAt: event.createdAt ?? batch.receivedAt,
        updatedAt: batch.receivedAt,
      }) as { id: number }
      this.#cacheCustomer(batch.appId, event.userId, row.id)
      counters.customers += 1
      return 'created'
    }
    this.#updateProfile.run({
      id: existing,
      setName: profile.name !== undefined ? 1 : 0,
      name: profile.name ?? null,
      setEmail: profile.email !== undefined ? 1 : 0,
      email: profile.email ?? null,
      setPhone: profile.phone !== undefined ? 1 : 0,
      phone: profile.phone ?? null,
      traits: event.traits ?? '{}',
      createdAt: event.createdAt ?? null,
      updatedAt: batch.receivedAt,
    })
    const fields = [
      ...Object.keys(profile).filter((key) => profile[key as keyof ProfileFields] !== undefined),
      ...(event.traits !== undefined ? ['traits'] : []),
      ...(event.createdAt !== undefined ? ['createdAt'] : []),
    ]
    this.#insertCustomerEvent.run(existing, 'profile_updated', batch.receivedAt, JSON.stringify({ fields }))
    return 'updated'
  }

  #writePurchase(
    batch: EventBatchWrite,
    event: PurchaseWrite,
    messageRemembered: boolean,
    counters: { customers: number; purchases: number },
  ): WriteOutcome {
    if (!this.#firstSighting(batch.appId, event.messageId, messageRemembered)) return 'duplicate'
    let customerId = this.#customerId(batch.appId, event.userId)
    let newCustomer = false
    if (customerId === undefined) {
      // Before creating a customer, make sure the order is not a replay or a conflict (which must write nothing).
      const taken = this.#storedOrder.get(batch.appId, event.orderId)
      if (taken !== undefined) return this.#replayOrConflict(batch.appId, event, taken)
      customerId = this.#createCustomer(batch.appId, event.userId, event.timestamp, batch.receivedAt)
      newCustomer = true
    }
    const inserted = this.#insertPurchase.run(
      batch.appId,
      event.orderId,
      customerId,
      event.amount,
      event.currency,
      event.timestamp,
      event.items,
      event.properties ?? null,
      batch.receivedAt,
    )
    if (inserted.changes === 0) {
      return this.#replayOrConflict(batch.appId, event, this.#storedOrder.get(batch.appId, event.orderId)!)
    }
    if (newCustomer) counters.customers += 1
    counters.purchases += 1
    return 'created'
  }

  /** A refund, or a custom event: anything but the user and purchase events, which have their own paths above. */
  #writeRefundOrEvent(
    batch: EventBatchWrite,
    event: RefundWrite | CustomEventWrite,
    messageRemembered: boolean,
    counters: AppCounters,
  ): WriteOutcome {
    if (!this.#firstSighting(batch.appId, event.messageId, messageRemembered)) return 'duplicate'
    if (event.type === 'event') return this.#customEvents.write(batch.appId, batch.receivedAt, event, counters)
    const outcome = this.#refunds.write(batch.appId, batch.receivedAt, event, counters)
    // Refused or conflicting, it keeps nothing: not its messageId either, so that a corrected resend is taken.
    if (outcome !== 'created' && outcome !== 'duplicate' && event.messageId !== undefined) this.#forgetMessage.run(batch.appId, event.messageId)
    return outcome
  }
}
