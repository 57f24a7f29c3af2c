import type { Db } from './database'

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
  items: PurchaseItemWrite[]
  /** JSON text of the free-form properties, when given. */
  properties?: string
  /** Identifies the order's content, so a replay can be told from a conflicting reuse of its orderId. */
  fingerprint: string
}

export type EventWrite = UserWrite | PurchaseWrite

export type WriteOutcome = 'created' | 'updated' | 'duplicate' | 'conflict'

/** The events of one request, for one app (`appCurrency` decides which amounts count as revenue). */
export type EventBatchWrite = { appId: number; appCurrency: string; receivedAt: number; events: readonly EventWrite[] }

/**
 * Writes ingested events. Many requests' batches are written in one transaction (group commit), so one fsync
 * acknowledges them all; every event is deduplicated by `messageId` and purchases also by `orderId`.
 *
 * @example
 * const outcomes = new IngestionStore(db).write([{ appId, appCurrency: 'USD', receivedAt: Date.now(), events }])
 */
export class IngestionStore {
  readonly #messageSeen
  readonly #rememberMessage
  readonly #customerId
  readonly #insertCustomer
  readonly #updateProfile
  readonly #insertCustomerEvent
  readonly #orderFingerprint
  readonly #insertPurchase
  readonly #countPurchase
  readonly #updateAppCounters
  readonly #writeAll

  constructor(db: Db) {
    this.#messageSeen = db.prepare<[number, string], { one: number }>(
      'SELECT 1 AS one FROM messages WHERE app_id = ? AND message_id = ?',
    )
    this.#rememberMessage = db.prepare('INSERT OR IGNORE INTO messages (app_id, message_id) VALUES (?, ?)')
    this.#customerId = db.prepare<[number, string], { id: number }>(
      'SELECT id FROM customers WHERE app_id = ? AND user_id = ?',
    )
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
    this.#orderFingerprint = db.prepare<[number, string], { fingerprint: string }>(
      'SELECT fingerprint FROM purchases WHERE app_id = ? AND order_id = ?',
    )
    this.#insertPurchase = db.prepare(
      `INSERT INTO purchases (app_id, order_id, customer_id, amount, currency, ts, items, properties, fingerprint, received_at)
       VALUES (@appId, @orderId, @customerId, @amount, @currency, @ts, @items, @properties, @fingerprint, @receivedAt)`,
    )
    this.#countPurchase = db.prepare(
      `UPDATE customers SET
         orders = orders + 1,
         revenue = revenue + @revenue,
         revenue_orders = revenue_orders + @revenueOrders,
         first_purchase_at = min(coalesce(first_purchase_at, @ts), @ts),
         last_purchase_at = max(coalesce(last_purchase_at, @ts), @ts),
         created_at = min(created_at, @ts)
       WHERE id = @id`,
    )
    this.#updateAppCounters = db.prepare(
      `UPDATE apps SET customers_count = customers_count + @customers, purchases_count = purchases_count + @purchases,
         last_event_at = max(coalesce(last_event_at, 0), @at) WHERE id = @appId`,
    )
    this.#writeAll = db.transaction((batches: readonly EventBatchWrite[]) => batches.map((batch) => this.#writeBatch(batch)))
  }

  /** Writes the batches in one transaction and returns each event's outcome, batch by batch. */
  write(batches: readonly EventBatchWrite[]): WriteOutcome[][] {
    return this.#writeAll(batches)
  }

  #writeBatch(batch: EventBatchWrite): WriteOutcome[] {
    const counters = { customers: 0, purchases: 0 }
    const outcomes = batch.events.map((event) =>
      event.type === 'user' ? this.#writeUser(batch, event, counters) : this.#writePurchase(batch, event, counters),
    )
    if (outcomes.some((outcome) => outcome === 'created' || outcome === 'updated')) {
      this.#updateAppCounters.run({ ...counters, at: batch.receivedAt, appId: batch.appId })
    }
    return outcomes
  }

  #seen(appId: number, messageId: string | undefined): boolean {
    return messageId !== undefined && this.#messageSeen.get(appId, messageId) !== undefined
  }

  #remember(appId: number, messageId: string | undefined): void {
    if (messageId !== undefined) this.#rememberMessage.run(appId, messageId)
  }

  #writeUser(batch: EventBatchWrite, event: UserWrite, counters: { customers: number }): WriteOutcome {
    if (this.#seen(batch.appId, event.messageId)) return 'duplicate'
    const existing = this.#customerId.get(batch.appId, event.userId)
    const { profile } = event
    let outcome: WriteOutcome
    if (existing === undefined) {
      this.#insertCustomer.get({
        appId: batch.appId,
        userId: event.userId,
        name: profile.name ?? null,
        email: profile.email ?? null,
        phone: profile.phone ?? null,
        traits: event.traits ?? '{}',
        createdAt: event.createdAt ?? batch.receivedAt,
        updatedAt: batch.receivedAt,
      })
      counters.customers += 1
      outcome = 'created'
    } else {
      this.#updateProfile.run({
        id: existing.id,
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
      this.#insertCustomerEvent.run(existing.id, 'profile_updated', batch.receivedAt, JSON.stringify({ fields }))
      outcome = 'updated'
    }
    this.#remember(batch.appId, event.messageId)
    return outcome
  }

  #writePurchase(batch: EventBatchWrite, event: PurchaseWrite, counters: { customers: number; purchases: number }): WriteOutcome {
    if (this.#seen(batch.appId, event.messageId)) return 'duplicate'
    const existing = this.#orderFingerprint.get(batch.appId, event.orderId)
    if (existing !== undefined) {
      if (existing.fingerprint !== event.fingerprint) return 'conflict'
      this.#remember(batch.appId, event.messageId)
      return 'duplicate'
    }
    let customerId = this.#customerId.get(batch.appId, event.userId)?.id
    if (customerId === undefined) {
      const row = this.#insertCustomer.get({
        appId: batch.appId,
        userId: event.userId,
        name: null,
        email: null,
        phone: null,
        traits: '{}',
        createdAt: event.timestamp,
        updatedAt: batch.receivedAt,
      }) as { id: number }
      customerId = row.id
      counters.customers += 1
    }
    this.#insertPurchase.run({
      appId: batch.appId,
      orderId: event.orderId,
      customerId,
      amount: event.amount,
      currency: event.currency,
      ts: event.timestamp,
      items: JSON.stringify(event.items),
      properties: event.properties ?? null,
      fingerprint: event.fingerprint,
      receivedAt: batch.receivedAt,
    })
    this.#countPurchase.run({
      id: customerId,
      revenue: event.currency === batch.appCurrency ? event.amount : 0,
      revenueOrders: event.currency === batch.appCurrency ? 1 : 0,
      ts: event.timestamp,
    })
    counters.purchases += 1
    this.#remember(batch.appId, event.messageId)
    return 'created'
  }
}
