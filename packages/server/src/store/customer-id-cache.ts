import type { Db } from './database'

export type CustomerIdCacheOptions = {
  /** Bounds the customer ids kept in memory (about 70 bytes each). */
  maxCached?: number
  /**
   * True on the connection that creates customers (the writer's): once an app's ids are all loaded, a userId
   * missing from them is a new customer, with no query. False elsewhere: a miss asks the database, which may have
   * a customer the writer created since.
   */
  createsCustomers: boolean
}

/**
 * Per app, userId → customer row id, read from the database and kept: the row ids never change once committed.
 * An app whose ids fit in half the cache is loaded in one query on first use (a server that restarts under load
 * would otherwise look up each returning customer alone, a few µs each); a larger one is looked up id by id.
 *
 * @example
 * const ids = new CustomerIdCache(db, { createsCustomers: false })
 * ids.find(appId, 'user-42') // 1234, or undefined for a customer not stored yet
 */
export class CustomerIdCache {
  readonly #findCustomer
  readonly #appCustomers
  readonly #appCustomerCount
  /** Only ever holds committed rows (the writer clears it when a transaction fails). */
  readonly #ids = new Map<number, Map<string, number>>()
  /** Apps whose map above holds every customer they have. */
  readonly #completeApps = new Set<number>()
  readonly #maxCached: number
  readonly #createsCustomers: boolean
  #cached = 0

  constructor(db: Db, options: CustomerIdCacheOptions) {
    this.#maxCached = options.maxCached ?? 500_000
    this.#createsCustomers = options.createsCustomers
    this.#findCustomer = db.prepare<[number, string], number>('SELECT id FROM customers WHERE app_id = ? AND user_id = ?').pluck(true)
    this.#appCustomers = db.prepare<[number], [string, number]>('SELECT user_id, id FROM customers WHERE app_id = ?').raw(true)
    this.#appCustomerCount = db.prepare<[number], number>('SELECT customers_count FROM apps WHERE id = ?').pluck(true)
  }

  /** The customer's row id, or undefined when the app has no such customer (yet). */
  find(appId: number, userId: string): number | undefined {
    const ids = this.#ids.get(appId) ?? this.#load(appId)
    let id = ids.get(userId)
    if (id === undefined && !(this.#createsCustomers && this.#completeApps.has(appId))) {
      id = this.#findCustomer.get(appId, userId)
      if (id !== undefined) this.remember(appId, userId, id)
    }
    return id
  }

  /** Keeps a committed customer's row id (the writer calls it for the customers it creates). */
  remember(appId: number, userId: string, id: number): void {
    if (this.#cached >= this.#maxCached) this.forget()
    const ids = this.#ids.get(appId) ?? this.#load(appId)
    ids.set(userId, id)
    this.#cached += 1
  }

  /** Drops every id (after a rolled-back transaction, whose new customers are gone). */
  forget(): void {
    this.#ids.clear()
    this.#completeApps.clear()
    this.#cached = 0
  }

  #load(appId: number): Map<string, number> {
    const count = this.#appCustomerCount.get(appId) ?? 0
    if (this.#cached + count > this.#maxCached) this.forget()
    const ids = new Map<string, number>()
    this.#ids.set(appId, ids)
    // An app that would take more than half the cache is looked up customer by customer instead.
    if (count <= this.#maxCached / 2) {
      for (const [userId, id] of this.#appCustomers.iterate(appId)) ids.set(userId, id)
      this.#cached += ids.size
      this.#completeApps.add(appId)
    }
    return ids
  }
}
