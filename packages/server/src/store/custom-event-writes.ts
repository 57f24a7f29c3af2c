import type { CustomerResolver } from './customer-resolver'
import type { Db } from './database'

/** A validated custom event (`POST /v1/events`): any other interaction of a user with the client app. */
export type CustomEventWrite = {
  type: 'event'
  userId: string
  messageId?: string
  /** The event's name, 1–200 characters (`Opened support ticket`). */
  name: string
  timestamp: number
  /** JSON text of the free-form properties, when given. */
  properties?: string
}

/**
 * Writes custom events inside the ingestion store's transaction, compactly: a row holds the ids of its app,
 * customer and name (each name is stored once per app, in `event_names`), its time and its properties. The names'
 * ids are cached, as the customers' are; a cache that could hold a name a rolled-back transaction created is
 * cleared (`forget()`).
 *
 * @example
 * events.write(appId, Date.now(), { type: 'event', userId: 'u_1', name: 'Viewed pricing', timestamp }, counters)
 */
export class CustomEventWrites {
  readonly #findName
  readonly #insertName
  readonly #insert
  /** Per app, name → event_names row id; only ever holds committed rows (cleared when a transaction fails). */
  readonly #nameIds = new Map<number, Map<string, number>>()
  #cachedNames = 0

  /** `maxCachedNames` bounds the names kept in memory, all apps together (a client may send unbounded names). */
  constructor(
    db: Db,
    private readonly customers: CustomerResolver,
    private readonly maxCachedNames = 10_000,
  ) {
    this.#findName = db.prepare<[number, string], number>('SELECT id FROM event_names WHERE app_id = ? AND name = ?').pluck(true)
    this.#insertName = db.prepare<[number, string], number>('INSERT INTO event_names (app_id, name) VALUES (?, ?) RETURNING id').pluck(true)
    this.#insert = db.prepare('INSERT INTO events (app_id, customer_id, name_id, ts, properties) VALUES (?, ?, ?, ?, ?)')
  }

  /** Writes one event whose messageId (if any) was a first sighting; counts what it added in `counters`. */
  write(appId: number, receivedAt: number, event: CustomEventWrite, counters: { customers: number; events: number }): 'created' {
    let customerId = this.customers.find(appId, event.userId)
    if (customerId === undefined) {
      customerId = this.customers.create(appId, event.userId, event.timestamp, receivedAt)
      counters.customers += 1
    }
    this.#insert.run(appId, customerId, this.#nameId(appId, event.name), event.timestamp, event.properties ?? null)
    counters.events += 1
    return 'created'
  }

  /** Forgets the cached names: called when a transaction rolls back, since it may have created some of them. */
  forget(): void {
    this.#nameIds.clear()
    this.#cachedNames = 0
  }

  #nameId(appId: number, name: string): number {
    let names = this.#nameIds.get(appId)
    let id = names?.get(name)
    if (id !== undefined) return id
    id = this.#findName.get(appId, name) ?? this.#insertName.get(appId, name)!
    if (this.#cachedNames >= this.maxCachedNames) this.forget()
    names = this.#nameIds.get(appId)
    if (names === undefined) this.#nameIds.set(appId, (names = new Map()))
    names.set(name, id)
    this.#cachedNames += 1
    return id
  }
}
