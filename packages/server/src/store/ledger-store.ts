import type { Db } from './database'

/** A purchase as the analytics read it: [row id, customer row id, amount in minor units, currency, ts, items JSON]. */
export type LedgerPurchaseRow = [id: number, customerId: number, amount: number, currency: string, ts: number, items: string]

/** A purchase without its items, as the customer histories read it: [row id, customer row id, amount, currency, ts]. */
export type LedgerTotalRow = [id: number, customerId: number, amount: number, currency: string, ts: number]

/**
 * A refund as the ledger reads it: [row id, customer row id, amount in minor units, currency, ts, items JSON or null,
 * and, for a refund of an order that names no items, the order's amount and items JSON (else null): what lets the
 * ledger spread such a refund over the order's products].
 */
export type LedgerRefundRow = [
  id: number,
  customerId: number,
  amount: number,
  currency: string,
  ts: number,
  items: string | null,
  orderAmount: number | null,
  orderItems: string | null,
]

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
  readonly #allRefunds
  readonly #refundPage
  readonly #lastRefundRowId
  readonly #refundsAfter
  readonly #counts

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
    this.#counts = db.prepare<[number], { purchases: number; refunds: number }>(
      'SELECT purchases_count AS purchases, refunds_count AS refunds FROM apps WHERE id = ?',
    )
    // The order's items come along only for a refund that names none: the ledger then spreads it over them.
    const refundColumns = `SELECT r.id, r.customer_id, r.amount, r.currency, r.ts, r.items, p.amount,
      CASE WHEN r.items IS NULL THEN p.items END FROM refunds r LEFT JOIN purchases p ON p.id = r.purchase_id`
    this.#allRefunds = db.prepare<[number]>(`${refundColumns} WHERE r.app_id = ? ORDER BY r.ts, r.id`).raw(true)
    this.#refundPage = db
      .prepare<[number, number, number, number, number]>(
        `${refundColumns} WHERE r.app_id = ? AND (r.ts, r.id) > (?, ?) AND r.id <= ? ORDER BY r.ts, r.id LIMIT ?`,
      )
      .raw(true)
    this.#lastRefundRowId = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM refunds')
    this.#refundsAfter = db.prepare<[number, number]>(`${refundColumns} WHERE r.id > ? AND +r.app_id = ?`).raw(true)
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

  /**
   * Refunds of the app with a row id above `afterId`: all of them in time order when `afterId` is 0, else by id. Each
   * carries its order's amount, and the order's items when it names none of its own.
   */
  refundsAfter(appId: number, afterId: number): IterableIterator<LedgerRefundRow> {
    return (afterId === 0 ? this.#allRefunds.iterate(appId) : this.#refundsAfter.iterate(afterId, appId)) as IterableIterator<LedgerRefundRow>
  }

  /** One page of the app's refunds in time order after (ts, id), among rows with id ≤ `maxId`, as `purchasePage`. */
  refundPage(appId: number, after: { ts: number; id: number }, maxId: number, limit: number): IterableIterator<LedgerRefundRow> {
    return this.#refundPage.iterate(appId, after.ts, after.id, maxId, Math.max(1, limit)) as IterableIterator<LedgerRefundRow>
  }

  /** The newest refund row id of any app. */
  lastRefundRowId(): number {
    return this.#lastRefundRowId.get()?.id ?? 0
  }

  /** How many purchases and refunds the app has (counters on the app's row), in one read: is a ledger behind? */
  counts(appId: number): { purchases: number; refunds: number } {
    return this.#counts.get(appId) ?? { purchases: 0, refunds: 0 }
  }

  /** How many purchases the app has (a counter ingestion keeps on the app's row): tells a ledger whether it is behind. */
  purchaseCount(appId: number): number {
    return this.#purchaseCount.get(appId)?.count ?? 0
  }
}
