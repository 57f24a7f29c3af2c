import type { Db } from './database'

/** A purchase as the analytics read it: [row id, customer row id, amount in minor units, currency, ts, items JSON]. */
export type LedgerPurchaseRow = [id: number, customerId: number, amount: number, currency: string, ts: number, items: string]

/** A purchase without its items, as the customer histories read it: [row id, customer row id, amount, currency, ts]. */
export type LedgerTotalRow = [id: number, customerId: number, amount: number, currency: string, ts: number]

/** A customer as the analytics read it: [row id, userId]. */
export type LedgerCustomerRow = [id: number, userId: string]

/**
 * Read-only access for the in-memory purchase ledger of the analytics: the purchases and customers added after a
 * watermark (their row ids only grow), so a ledger catches up incrementally without touching the ingestion path.
 *
 * @example
 * for (const row of ledger.purchasesAfter(appId, 0)) row[4] // ts
 */
export class LedgerStore {
  readonly #allPurchases
  readonly #purchasePage
  readonly #lastRowId
  readonly #purchasesAfter
  readonly #customersAfter
  readonly #purchaseCount
  readonly #names
  readonly #totalsPage
  readonly #customerRowIds

  constructor(db: Db) {
    // A first load reads the app's purchases in time order through purchases_by_time; a catch-up reads the rows
    // after the watermark through the rowid (`+app_id` keeps the planner off the app's whole index range).
    this.#allPurchases = db
      .prepare<[number]>('SELECT id, customer_id, amount, currency, ts, items FROM purchases WHERE app_id = ? ORDER BY ts, id')
      .raw(true)
    this.#purchasePage = db
      .prepare<[number, number, number, number, number]>(
        `SELECT id, customer_id, amount, currency, ts, items FROM purchases
         WHERE app_id = ? AND (ts, id) > (?, ?) AND id <= ? ORDER BY ts, id LIMIT ?`,
      )
      .raw(true)
    this.#totalsPage = db
      .prepare<[number, number, number, number, number, number]>(
        `SELECT id, customer_id, amount, currency, ts FROM purchases
         WHERE app_id = ? AND (ts, id) > (?, ?) AND id <= ? AND ts <= ? ORDER BY ts, id LIMIT ?`,
      )
      .raw(true)
    this.#customerRowIds = db.prepare<[number]>('SELECT id FROM customers WHERE app_id = ? ORDER BY id').pluck(true)
    this.#lastRowId = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM purchases')
    this.#purchasesAfter = db
      .prepare<[number, number]>('SELECT id, customer_id, amount, currency, ts, items FROM purchases WHERE id > ? AND +app_id = ?')
      .raw(true)
    this.#customersAfter = db
      .prepare<[number, number]>('SELECT id, user_id FROM customers WHERE app_id = ? AND id > ? ORDER BY id')
      .raw(true)
    this.#names = db.prepare<[string], { id: number; name: string | null }>(
      'SELECT id, name FROM customers WHERE id IN (SELECT value FROM json_each(?))',
    )
    this.#purchaseCount = db.prepare<[number], { count: number }>('SELECT purchases_count AS count FROM apps WHERE id = ?')
  }

  /** Purchases of the app with a row id above `afterId`: all of them in time order when `afterId` is 0, else by id. */
  purchasesAfter(appId: number, afterId: number): IterableIterator<LedgerPurchaseRow> {
    return (afterId === 0 ? this.#allPurchases.iterate(appId) : this.#purchasesAfter.iterate(afterId, appId)) as IterableIterator<LedgerPurchaseRow>
  }

  /**
   * One page of the app's purchases in time order after the position (ts, id), among rows with id ≤ `maxId`: a first
   * load reads page by page, letting other work run in between, and takes what came meanwhile by id afterwards.
   * Row by row, not as an array: a page of wholesale orders holds tens of MB of items text, which then lives only
   * as long as its row.
   */
  purchasePage(appId: number, after: { ts: number; id: number }, maxId: number, limit: number): IterableIterator<LedgerPurchaseRow> {
    return this.#purchasePage.iterate(appId, after.ts, after.id, maxId, Math.max(1, limit)) as IterableIterator<LedgerPurchaseRow>
  }

  /**
   * Like `purchasePage` without the items, and only purchases at or before `until`: what folding purchases into
   * per-customer figures reads, without parsing every order's items.
   */
  purchaseTotalsPage(appId: number, after: { ts: number; id: number }, maxId: number, until: number, limit: number): LedgerTotalRow[] {
    return this.#totalsPage.all(appId, after.ts, after.id, maxId, until, Math.max(1, limit)) as LedgerTotalRow[]
  }

  /** Row ids of all the app's customers, ascending. */
  customerRowIds(appId: number): Int32Array {
    return Int32Array.from(this.#customerRowIds.all(appId) as number[])
  }

  /** The newest purchase row id of any app (O(1): the end of the rowid tree). */
  lastRowId(): number {
    return this.#lastRowId.get()?.id ?? 0
  }

  /** Customers of the app with a row id above `afterId`. */
  customersAfter(appId: number, afterId: number): IterableIterator<LedgerCustomerRow> {
    return this.#customersAfter.iterate(appId, afterId) as IterableIterator<LedgerCustomerRow>
  }

  /** Current names of a few customers (by row id), read fresh because profiles change after the ledger loads them. */
  customerNames(customerIds: readonly number[]): Map<number, string | null> {
    return new Map(this.#names.all(JSON.stringify(customerIds)).map((row) => [row.id, row.name]))
  }

  /** How many purchases the app has (a counter ingestion keeps on the app's row): tells a ledger whether it is behind. */
  purchaseCount(appId: number): number {
    return this.#purchaseCount.get(appId)?.count ?? 0
  }
}
