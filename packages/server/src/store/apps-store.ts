import type { CustomerTotalsStore } from './customer-totals-store'
import type { Db } from './database'

export type AppRow = {
  id: number
  publicId: string
  ownerId: string
  name: string
  currency: string
  timezone: string
  language: string
  createdAt: number
  lastEventAt: number | null
  customersCount: number
  purchasesCount: number
  refundsCount: number
  eventsCount: number
}

export type KeyType = 'publishable' | 'secret'

export type ApiKeyRow = {
  id: string
  appId: number
  type: KeyType
  name: string | null
  prefix: string
  hash: string
  createdAt: number
  lastUsedAt: number | null
  revokedAt: number | null
}

export type AppSettings = Pick<AppRow, 'name' | 'currency' | 'timezone' | 'language'>

const appColumns = `id, public_id AS publicId, owner_id AS ownerId, name, currency, timezone, language,
  created_at AS createdAt, last_event_at AS lastEventAt, customers_count AS customersCount, purchases_count AS purchasesCount,
  refunds_count AS refundsCount, events_count AS eventsCount`
const keyColumns = `id, app_id AS appId, type, name, prefix, hash, created_at AS createdAt,
  last_used_at AS lastUsedAt, revoked_at AS revokedAt`

/**
 * Apps and their API keys.
 *
 * @example
 * const apps = new AppsStore(db)
 * apps.findKeyByHash(sha256Hex)
 */
export class AppsStore {
  readonly #insertApp
  readonly #appsByOwner
  readonly #appById
  readonly #appByPublicId
  readonly #updateApp
  readonly #insertKey
  readonly #keysByApp
  readonly #keyByHash
  readonly #keyById
  readonly #revokeKey
  readonly #touchKey
  readonly #recomputeRevenue

  constructor(
    private readonly db: Db,
    private readonly totals: CustomerTotalsStore,
  ) {
    this.#insertApp = db.prepare(
      `INSERT INTO apps (public_id, owner_id, name, currency, timezone, language, created_at)
       VALUES (@publicId, @ownerId, @name, @currency, @timezone, @language, @createdAt) RETURNING ${appColumns}`,
    )
    this.#appsByOwner = db.prepare<[string], AppRow>(`SELECT ${appColumns} FROM apps WHERE owner_id = ? ORDER BY id`)
    this.#appById = db.prepare<[number], AppRow>(`SELECT ${appColumns} FROM apps WHERE id = ?`)
    this.#appByPublicId = db.prepare<[string], AppRow>(`SELECT ${appColumns} FROM apps WHERE public_id = ?`)
    this.#updateApp = db.prepare(
      `UPDATE apps SET name = @name, currency = @currency, timezone = @timezone, language = @language WHERE id = @id`,
    )
    this.#insertKey = db.prepare(
      `INSERT INTO api_keys (id, app_id, type, name, prefix, hash, created_at)
       VALUES (@id, @appId, @type, @name, @prefix, @hash, @createdAt)`,
    )
    this.#keysByApp = db.prepare<[number], ApiKeyRow>(`SELECT ${keyColumns} FROM api_keys WHERE app_id = ? ORDER BY created_at, id`)
    this.#keyByHash = db.prepare<[string], ApiKeyRow>(`SELECT ${keyColumns} FROM api_keys WHERE hash = ?`)
    this.#keyById = db.prepare<[string], ApiKeyRow>(`SELECT ${keyColumns} FROM api_keys WHERE id = ?`)
    this.#revokeKey = db.prepare(
      'UPDATE api_keys SET revoked_at = ? WHERE id = ? AND app_id = ? AND revoked_at IS NULL RETURNING hash',
    )
    // After a refresh, so that customer_purchases holds every purchase of the app and the totals every refund.
    const refundsIn = `(SELECT coalesce(sum(amount), 0) FROM refunds
                        WHERE app_id = @appId AND customer_id = customers.id AND currency = @currency)`
    this.#recomputeRevenue = db.prepare(
      `UPDATE customers SET
         revenue = (SELECT coalesce(sum(p.amount), 0) FROM customer_purchases cp JOIN purchases p ON p.id = cp.purchase_id
                    WHERE cp.customer_id = customers.id AND p.currency = @currency) - ${refundsIn},
         revenue_orders = (SELECT count(*) FROM customer_purchases cp JOIN purchases p ON p.id = cp.purchase_id
                           WHERE cp.customer_id = customers.id AND p.currency = @currency),
         refunds = ${refundsIn}
       WHERE app_id = @appId`,
    )
    this.#touchKey = db.prepare('UPDATE api_keys SET last_used_at = max(coalesce(last_used_at, 0), ?) WHERE id = ?')
  }

  insertApp(app: Omit<AppRow, 'id' | 'lastEventAt' | 'customersCount' | 'purchasesCount' | 'refundsCount' | 'eventsCount'>): AppRow {
    return this.#insertApp.get(app) as AppRow
  }

  listAppsByOwner(ownerId: string): AppRow[] {
    return this.#appsByOwner.all(ownerId)
  }

  findAppById(id: number): AppRow | undefined {
    return this.#appById.get(id)
  }

  findAppByPublicId(publicId: string): AppRow | undefined {
    return this.#appByPublicId.get(publicId)
  }

  /**
   * Changes an app's settings; a new currency recomputes every customer's revenue and refunds in it, in the same
   * transaction.
   *
   * @example
   * apps.updateApp(app.id, { name: 'Shop', currency: 'EUR', timezone: 'UTC', language: 'en' })
   */
  updateApp(id: number, settings: AppSettings): void {
    this.db.transaction(() => {
      const before = this.#appById.get(id)
      this.#updateApp.run({ id, ...settings })
      if (before && before.currency !== settings.currency) {
        // Every app's pending purchases and refunds go into the totals first: the watermarks are shared, and the
        // recount below takes all of this app's purchases and refunds, so it must leave the watermarks past them.
        this.totals.refresh()
        this.#recomputeRevenue.run({ appId: id, currency: settings.currency })
      }
    }).immediate()
  }

  insertKey(key: Omit<ApiKeyRow, 'lastUsedAt' | 'revokedAt'>): void {
    this.#insertKey.run(key)
  }

  listKeys(appId: number): ApiKeyRow[] {
    return this.#keysByApp.all(appId)
  }

  findKeyByHash(hash: string): ApiKeyRow | undefined {
    return this.#keyByHash.get(hash)
  }

  findKeyById(id: string): ApiKeyRow | undefined {
    return this.#keyById.get(id)
  }

  /** Revokes a key of the app; returns its hash, or undefined when there was no such live key. */
  revokeKey(appId: number, keyId: string, at: number): string | undefined {
    const row = this.#revokeKey.get(at, keyId, appId) as { hash: string } | undefined
    return row?.hash
  }

  /** Writes the buffered last-use times of many keys in one transaction. */
  touchKeys(lastUsed: ReadonlyMap<string, number>): void {
    if (lastUsed.size === 0) return
    this.db.transaction(() => {
      for (const [id, at] of lastUsed) this.#touchKey.run(at, id)
    })()
  }
}
