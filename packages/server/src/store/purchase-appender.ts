import type { Db } from './database'
import type { PurchaseWrite } from './ingestion-store'

/**
 * Rows per multi-row statement. A run is cut into these, largest first (100 purchases: 64 + 32 + 4), so a handful
 * of prepared statements serve every length.
 */
const CHUNK_ROWS = [64, 32, 16, 8, 4, 2, 1] as const

/** Thrown inside the savepoint to roll it back: some event of the run was not new. */
class NotAllNew extends Error {}

/** One `INSERT` of many rows, run in chunks of `CHUNK_ROWS` rows, each chunk size prepared once. */
class ChunkedInsert {
  readonly #statements = new Map<number, ReturnType<Db['prepare']>>()

  constructor(
    private readonly db: Db,
    private readonly head: string,
    private readonly columns: number,
    private readonly tail = '',
  ) {}

  /** Inserts `values`, rows of `columns` values one after the other; returns how many rows were inserted. */
  run(values: readonly unknown[]): number {
    let inserted = 0
    let offset = 0
    for (const rows of CHUNK_ROWS) {
      const width = rows * this.columns
      while (values.length - offset >= width) {
        inserted += this.#statement(rows).run(values.slice(offset, offset + width)).changes
        offset += width
      }
    }
    return inserted
  }

  #statement(rows: number): ReturnType<Db['prepare']> {
    let statement = this.#statements.get(rows)
    if (!statement) {
      const row = `(${Array.from({ length: this.columns }, () => '?').join(', ')})`
      statement = this.db.prepare(`${this.head} VALUES ${Array.from({ length: rows }, () => row).join(', ')} ${this.tail}`)
      this.#statements.set(rows, statement)
    }
    return statement
  }
}

/**
 * Appends a run of new purchases whose customers exist with a few multi-row `INSERT`s, all or nothing. One call
 * per 64 rows instead of two per purchase: for a batch of 100, the writer thread spends about 1.2 µs less per event
 * (7.2 → 6.0, in-process on the seeded benchmark database), and that thread is what bounds ingestion throughput.
 *
 * It runs in a savepoint. If any messageId was seen before or any orderId is taken (a retried request, a replay, a
 * conflict), the savepoint is rolled back, nothing is kept, and the caller writes the events one by one, which tells
 * each event's outcome.
 *
 * @example
 * const appender = new PurchaseAppender(db)
 * const appended = appender.tryAppend(appId, Date.now(), purchases, customerIds) // false: write them one by one
 */
export class PurchaseAppender {
  readonly #append

  constructor(db: Db) {
    const insertMessages = new ChunkedInsert(db, 'INSERT OR IGNORE INTO messages (app_id, message_id)', 2)
    const insertPurchases = new ChunkedInsert(
      db,
      'INSERT INTO purchases (app_id, order_id, customer_id, amount, currency, ts, items, properties, received_at)',
      9,
      'ON CONFLICT (app_id, order_id) DO NOTHING',
    )
    // Nested in the group's transaction, better-sqlite3 makes this a savepoint, rolled back when it throws.
    this.#append = db.transaction((appId: number, receivedAt: number, purchases: readonly PurchaseWrite[], customerIds: readonly number[]) => {
      const messageIds: unknown[] = []
      const rows: unknown[] = []
      purchases.forEach((purchase, index) => {
        if (purchase.messageId !== undefined) messageIds.push(appId, purchase.messageId)
        rows.push(
          appId,
          purchase.orderId,
          customerIds[index],
          purchase.amount,
          purchase.currency,
          purchase.timestamp,
          purchase.items,
          purchase.properties ?? null,
          receivedAt,
        )
      })
      // Every row must be new: `OR IGNORE` and `DO NOTHING` leave a seen one out, and the count tells.
      if (insertMessages.run(messageIds) !== messageIds.length / 2) throw new NotAllNew()
      if (insertPurchases.run(rows) !== purchases.length) throw new NotAllNew()
    })
  }

  /**
   * Records the purchases' messageIds and appends the purchases (`customerIds[i]` is the customer of
   * `purchases[i]`). Returns false, having written nothing, when any of them is not new.
   */
  tryAppend(appId: number, receivedAt: number, purchases: readonly PurchaseWrite[], customerIds: readonly number[]): boolean {
    try {
      this.#append(appId, receivedAt, purchases, customerIds)
      return true
    } catch (error) {
      if (error instanceof NotAllNew) return false
      throw error
    }
  }
}
