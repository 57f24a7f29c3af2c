import type { Db } from './database'

/**
 * Keeps the customers' sort keys for `-revenue` and `-lastPurchaseAt` (the `ranked_*` columns and their indexes).
 *
 * A purchase updates its customer's `revenue` and `last_purchase_at` but not these copies: moving an entry in each
 * of two indexes at every purchase dirtied two random index pages per event and halved the ingestion rate. The
 * copies are brought up to date in bulk instead, for the customers with purchases after a durable watermark, before
 * any read sorted by them and in the background after ingestion. Since the watermark is in the database, any
 * connection can refresh, and a crash loses nothing: the next refresh starts from the last committed watermark.
 *
 * @example
 * ranking.refresh() // 0 when nothing was purchased since the last refresh
 */
export class CustomerRankingStore {
  readonly #refresh
  readonly #pendingSince

  constructor(db: Db) {
    const watermark = db.prepare<[], { through: number; latest: number }>(
      'SELECT ranked_through AS through, (SELECT coalesce(max(id), 0) FROM purchases) AS latest FROM customer_ranking',
    )
    const rerank = db.prepare(
      `UPDATE customers SET ranked_revenue = revenue, ranked_last_purchase_at = last_purchase_at
       WHERE id IN (SELECT customer_id FROM purchases WHERE id > @through AND id <= @latest)
         AND (ranked_revenue != revenue OR ranked_last_purchase_at IS NOT last_purchase_at)`,
    )
    const advance = db.prepare('UPDATE customer_ranking SET ranked_through = ?')
    this.#pendingSince = watermark
    this.#refresh = db
      .transaction((): number => {
        const { through, latest } = watermark.get()!
        if (latest <= through) return 0
        const { changes } = rerank.run({ through, latest })
        advance.run(latest)
        return changes
      })
      // Immediate: the watermark is read and advanced under the write lock, so two connections never race.
      .immediate
  }

  /** Purchases not yet reflected in the sort keys (cheap: two rowid lookups). */
  pending(): number {
    const { through, latest } = this.#pendingSince.get()!
    return Math.max(0, latest - through)
  }

  /** Brings the sort keys up to date in one transaction; returns how many customers moved. */
  refresh(): number {
    if (this.pending() === 0) return 0
    return this.#refresh()
  }
}
