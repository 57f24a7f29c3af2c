import { localDays } from './local-days'
import { mergeSorted, PurchaseColumns } from './purchase-columns'
import { lowerBound, upperBound } from './sorted-search'

/**
 * An app's refunds in memory beside its purchases, as columns sorted by the refund's own time (a refund counts on
 * its date, not its order's). The columns are the purchases' kind: a refund is an amount, a currency, a customer
 * and what it takes off products (`itemRevenue`, `itemQuantity`, positive numbers to subtract). The purchase
 * ledger reads the rows (it owns the customer, product and currency indexes) and hands them here.
 *
 * @example
 * const refunds = new RefundLedger()
 * refunds.add(run, 'UTC') // run: PurchaseColumns of refunds, any order
 * refunds.countUntil(Date.now()) // refunds so far
 */
export class RefundLedger {
  size = 0
  ts: Float64Array = new Float64Array(0)
  day: Int32Array = new Int32Array(0)
  customer: Int32Array = new Int32Array(0)
  amount: Float64Array = new Float64Array(0)
  currency: Uint8Array = new Uint8Array(0)
  /** What refund i takes off products is at itemStart[i] .. itemStart[i + 1] - 1. */
  itemStart: Int32Array = new Int32Array(1)
  itemProduct: Int32Array = new Int32Array(0)
  itemQuantity: Int32Array = new Int32Array(0)
  /** Minor units of the refund's currency taken off the product (positive). */
  itemRevenue: Float64Array = new Float64Array(0)
  /** The highest refund row id read, and how many rows were read: the catch-up's watermark and its check. */
  watermark = 0
  read = 0

  #columns = new PurchaseColumns()

  /** Takes in refunds read from the store (by id or by time): appended in place when they come after all held. */
  add(run: PurchaseColumns, timeZone: string): void {
    if (run.size === 0) return
    const sorted = run.sortedByTime()
    const held = this.#columns
    if (held.size === 0 || (sorted.ts[0] as number) >= (held.ts[held.size - 1] as number)) {
      sorted.day.set(localDays(sorted.ts, sorted.size, timeZone))
      if (held.size === 0) this.#columns = sorted
      else held.append(sorted)
    } else {
      const merged = mergeSorted(held, sorted)
      merged.day.set(localDays(merged.ts, merged.size, timeZone))
      this.#columns = merged
    }
    this.#expose()
  }

  /** Recomputes local days after the app's time zone changed. */
  relocalize(timeZone: string): void {
    this.#columns.day.set(localDays(this.#columns.ts, this.#columns.size, timeZone))
    this.#expose()
  }

  /** Number of refunds at or before `time`. */
  countUntil(time: number): number {
    return upperBound(this.ts, this.size, time)
  }

  /** Index of the first refund on or after local day `day`. */
  firstIndexOfDay(day: number): number {
    return lowerBound(this.day, this.size, day)
  }

  #expose(): void {
    const c = this.#columns
    this.size = c.size
    this.ts = c.ts.subarray(0, c.size)
    this.day = c.day.subarray(0, c.size)
    this.customer = c.customer.subarray(0, c.size)
    this.amount = c.amount.subarray(0, c.size)
    this.currency = c.currency.subarray(0, c.size)
    this.itemStart = c.itemStart.subarray(0, c.size + 1)
    this.itemProduct = c.itemProduct.subarray(0, c.itemSize)
    this.itemQuantity = c.itemQuantity.subarray(0, c.itemSize)
    this.itemRevenue = c.itemRevenue.subarray(0, c.itemSize)
  }
}
