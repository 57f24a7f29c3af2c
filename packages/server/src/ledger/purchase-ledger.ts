import { createDenseIndex } from '../analytics'
import type { LedgerPurchaseRow, LedgerRefundRow, LedgerStore } from '../store'
import { type DailyRollup, dailyRollup } from './daily-rollup'
import { localDays } from './local-days'
import { mergeSorted, PurchaseColumns } from './purchase-columns'
import { RefundLedger } from './refund-ledger'
import { refundedItems } from './refunded-items'
import { lowerBound, upperBound } from './sorted-search'

type StoredItem = { productId: string | null; name: string; quantity: number; price: number }

/** A product as the ledger knows it: `key` is its productId, or its name when it has none. */
export type LedgerProduct = { key: string; name: string }

/**
 * Every purchase of one app in memory, as columns sorted by time: the shared input of the sales reports and of the
 * insights. It catches up from a purchase-id watermark when asked (`refresh`), so ingestion never does any extra
 * work for it, and a report scans typed arrays instead of querying SQLite: a year of a million purchases is a few
 * milliseconds. Amounts are integer minor units; `day` is the local day number in the app's time zone. The app's
 * refunds ride along in `refunds` (same customers, products and currencies), caught up the same way.
 *
 * @example
 * const ledger = new PurchaseLedger(appId)
 * ledger.refresh(stores.ledger, 'Europe/Moscow')
 * ledger.countUntil(Date.now()) // purchases so far
 */
export class PurchaseLedger {
  size = 0
  ts: Float64Array = new Float64Array(0)
  day: Int32Array = new Int32Array(0)
  customer: Int32Array = new Int32Array(0)
  amount: Float64Array = new Float64Array(0)
  currency: Uint8Array = new Uint8Array(0)
  /** Items of purchase i are at itemStart[i] .. itemStart[i + 1] - 1. */
  itemStart: Int32Array = new Int32Array(1)
  itemProduct: Int32Array = new Int32Array(0)
  itemQuantity: Int32Array = new Int32Array(0)
  /** price × quantity, minor units of the purchase's currency. */
  itemRevenue: Float64Array = new Float64Array(0)
  readonly products: LedgerProduct[] = []
  /** userIds by dense customer index. */
  readonly userIds: string[] = []
  /** Customer row ids by dense customer index. */
  readonly customerRowIds: number[] = []
  /** 1 where the purchase is its customer's first order (the first in time), so reports read it in sequence. */
  firstOrder: Uint8Array = new Uint8Array(0)
  /** Time of each customer's first and second order (any currency); Infinity when there is none. */
  firstOrderAt: Float64Array = new Float64Array(0)
  secondOrderAt: Float64Array = new Float64Array(0)
  /** The app's refunds, sorted by their own time. */
  readonly refunds = new RefundLedger()
  /** Bumped whenever the content changes, so caches built on the ledger know they are stale. */
  version = 0
  timeZone = 'UTC'

  /** The columns with their spare room; the public fields above are exact-length views of them. */
  #columns = new PurchaseColumns()
  #purchaseWatermark = 0
  #purchasesRead = 0
  #loaded = false
  #customerWatermark = 0
  readonly #customerIndex = new Map<number, number>()
  readonly #productKeys = createDenseIndex<string>()
  readonly #currencyCodes = createDenseIndex<string>()
  #rollups = new Map<number, DailyRollup>()
  #rollupVersion = -1

  constructor(readonly appId: number) {}

  /** Whether the ledger has read the app's purchases once (by `load` or `refresh`). */
  get loaded(): boolean {
    return this.#loaded
  }

  /**
   * The first read of a large app, page by page in time order, awaiting `pause` between pages so the server keeps
   * answering (and ingesting); purchases written meanwhile are taken by the next `refresh`.
   *
   * @example
   * await ledger.load(store, 'UTC', () => new Promise((resolve) => setImmediate(resolve)))
   */
  async load(store: LedgerStore, timeZone: string, pause: () => Promise<void>, pageSize = 10_000): Promise<void> {
    if (this.loaded) return
    const maxId = store.lastRowId()
    const maxRefundId = store.lastRefundRowId()
    this.timeZone = timeZone
    // Sized from the app's counter: a first load then fills its columns without growing them.
    const expected = store.purchaseCount(this.appId)
    const run = new PurchaseColumns(expected, expected)
    let after = { ts: Number.MIN_SAFE_INTEGER, id: 0 }
    let read = 0
    for (;;) {
      for (const [rowId, userId] of store.customersAfter(this.appId, this.#customerWatermark)) this.#addCustomer(rowId, userId)
      let last: LedgerPurchaseRow | undefined
      let pageLength = 0
      for (const row of store.purchasePage(this.appId, after, maxId, pageSize)) {
        this.#read(row, run)
        last = row
        pageLength += 1
      }
      read += pageLength
      if (!last || pageLength < pageSize) break
      after = { ts: last[4], id: last[0] }
      await pause()
    }
    // Then the refunds, page by page alike: each one without items parses its order's items, a second or more for
    // 100 000 of them at once.
    const refundRun = new PurchaseColumns()
    let afterRefund = { ts: Number.MIN_SAFE_INTEGER, id: 0 }
    for (;;) {
      const last = this.#readRefundRows(store, store.refundPage(this.appId, afterRefund, maxRefundId, pageSize), refundRun)
      if (!last.row || last.length < pageSize) break
      afterRefund = { ts: last.row[4], id: last.row[0] }
      await pause()
    }
    if (this.#loaded) return // a synchronous refresh got there first while this one paused
    this.#loaded = true
    this.#purchaseWatermark = maxId
    this.#purchasesRead = read
    this.#merge(run, true)
    this.refunds.watermark = maxRefundId
    this.refunds.read = refundRun.size
    this.refunds.add(refundRun, this.timeZone)
    this.#growCustomerArrays()
    this.version++
  }

  /**
   * Reads what was added since the last call and merges it in; recomputes local days if the time zone changed.
   * Returns whether anything changed.
   */
  refresh(store: LedgerStore, timeZone: string): boolean {
    const zoneChanged = timeZone !== this.timeZone
    this.timeZone = timeZone
    this.#loaded = true
    const counts = store.counts(this.appId)
    const purchasesBehind = counts.purchases > this.#purchasesRead
    const refundsBehind = counts.refunds > this.refunds.read
    if (zoneChanged) this.refunds.relocalize(timeZone)
    if (!purchasesBehind && !refundsBehind) {
      const changed = zoneChanged && (this.size > 0 || this.refunds.size > 0)
      if (changed) {
        this.#relocalize()
        this.version++
      }
      return changed
    }
    this.#readCustomers(store)
    if (purchasesBehind) {
      // Read straight into typed columns, row by row: a catch-up of many purchases builds no array of rows.
      const read = new PurchaseColumns()
      for (const row of store.purchasesAfter(this.appId, this.#purchaseWatermark)) {
        this.#read(row, read)
        if (row[0] > this.#purchaseWatermark) this.#purchaseWatermark = row[0]
      }
      this.#purchasesRead += read.size
      this.#merge(read.sortedByTime(), zoneChanged)
    } else if (zoneChanged) this.#relocalize()
    if (refundsBehind) this.#readRefunds(store)
    this.#growCustomerArrays()
    this.version++
    return true
  }

  /** Number of purchases at or before `time` (the index just past them, as the columns are sorted by time). */
  countUntil(time: number): number {
    return upperBound(this.ts, this.size, time)
  }

  /** Index of the first purchase on or after local day `day`. */
  firstIndexOfDay(day: number): number {
    return lowerBound(this.day, this.size, day)
  }

  /** Sales by day (and product and day) in one currency, summed once per version of the ledger. */
  rollup(currency: number): DailyRollup {
    if (this.#rollupVersion !== this.version) {
      this.#rollups = new Map()
      this.#rollupVersion = this.version
    }
    let rollup = this.#rollups.get(currency)
    if (!rollup) {
      rollup = dailyRollup(this, currency)
      this.#rollups.set(currency, rollup)
    }
    return rollup
  }

  /** Currency codes by index (the values of `currency`). */
  get currencies(): readonly string[] {
    return this.#currencyCodes.values
  }

  /** Index of a currency in `currencies`, or -1 when no purchase used it yet. */
  currencyIndex(code: string): number {
    return this.#currencyCodes.values.indexOf(code)
  }

  get customerCount(): number {
    return this.userIds.length
  }

  #addCustomer(rowId: number, userId: string): void {
    this.#customerIndex.set(rowId, this.userIds.length)
    this.userIds.push(userId)
    this.customerRowIds.push(rowId)
    this.#customerWatermark = rowId
  }

  #readCustomers(store: LedgerStore): void {
    for (const [rowId, userId] of store.customersAfter(this.appId, this.#customerWatermark)) this.#addCustomer(rowId, userId)
  }

  #read(row: LedgerPurchaseRow, run: PurchaseColumns): void {
    const [id, customerRowId, amount, currency, ts, itemsJson] = row
    const customer = this.#customerIndex.get(customerRowId)
    if (customer === undefined) throw new Error(`purchase ${id} of an unknown customer ${customerRowId}`)
    for (const item of JSON.parse(itemsJson) as StoredItem[]) {
      run.addItem(this.#product(item.productId ?? item.name, item.name), item.quantity, item.price * item.quantity)
    }
    run.addPurchase(ts, customer, amount, this.#currencyCodes.indexOf(currency))
  }

  #product(key: string, name: string): number {
    const product = this.#productKeys.indexOf(key)
    if (product === this.products.length) this.products.push({ key, name })
    return product
  }

  /** Reads the refunds after the refund watermark (all of them, in time order, the first time) into `refunds`. */
  #readRefunds(store: LedgerStore): void {
    const refunds = this.refunds
    const run = new PurchaseColumns()
    const { maxId } = this.#readRefundRows(store, store.refundsAfter(this.appId, refunds.watermark), run)
    refunds.watermark = Math.max(refunds.watermark, maxId)
    refunds.read += run.size
    refunds.add(run, this.timeZone)
  }

  /** Reads refund rows into `run`; returns the last row, how many, and the highest row id. */
  #readRefundRows(store: LedgerStore, rows: Iterable<LedgerRefundRow>, run: PurchaseColumns): { row: LedgerRefundRow | undefined; length: number; maxId: number } {
    // A refund may name a customer created after the customers were read (by another writer meanwhile): such rows
    // wait until the statement is done, since the connection reads nothing else while it iterates.
    const waiting: LedgerRefundRow[] = []
    let last: LedgerRefundRow | undefined
    let length = 0
    let maxId = 0
    for (const row of rows) {
      if (this.#customerIndex.has(row[1])) this.#readRefund(row, run)
      else waiting.push(row)
      last = row
      length += 1
      if (row[0] > maxId) maxId = row[0]
    }
    if (waiting.length > 0) {
      this.#readCustomers(store)
      for (const row of waiting) this.#readRefund(row, run)
    }
    return { row: last, length, maxId }
  }

  #readRefund(row: LedgerRefundRow, run: PurchaseColumns): void {
    const [id, customerRowId, amount, currency, ts, itemsJson, orderAmount, orderItemsJson] = row
    const customer = this.#customerIndex.get(customerRowId)
    if (customer === undefined) throw new Error(`refund ${id} of an unknown customer ${customerRowId}`)
    for (const item of refundedItems(amount, itemsJson, orderAmount, orderItemsJson)) run.addItem(this.#product(item.key, item.name), item.quantity, item.revenue)
    run.addPurchase(ts, customer, amount, this.#currencyCodes.indexOf(currency))
  }

  /**
   * Takes in a time-sorted run of new purchases. The usual case, a run that starts at or after the last purchase
   * held (a first load, live ingestion), is appended in place; an older one is merged into new columns.
   */
  #merge(run: PurchaseColumns, zoneChanged: boolean): void {
    const before = this.#columns.size
    const appended = before === 0 || run.size === 0 || (run.ts[0] as number) >= (this.#columns.ts[before - 1] as number)
    this.#growCustomerArrays()
    if (appended) {
      run.day.set(localDays(run.ts, run.size, this.timeZone))
      this.#markFirstOrders(run)
      if (before === 0) this.#columns = run
      else this.#columns.append(run)
      if (zoneChanged) this.#columns.day.set(localDays(this.#columns.ts, this.#columns.size, this.timeZone))
    } else {
      const merged = mergeSorted(this.#columns, run)
      merged.day.set(localDays(merged.ts, merged.size, this.timeZone))
      for (let i = 0; i < run.size; i++) this.#countOrder(run.customer[i] as number, run.ts[i] as number)
      merged.firstOrder.set(firstOrders(merged.customer, merged.size, this.userIds.length))
      this.#columns = merged
    }
    this.#exposeColumns()
  }

  /** Recomputes the purchases' local days after the app's time zone changed. */
  #relocalize(): void {
    this.#columns.day.set(localDays(this.#columns.ts, this.#columns.size, this.timeZone))
    this.#exposeColumns()
  }

  /** Re-cuts the public exact-length views after the columns changed. */
  #exposeColumns(): void {
    const c = this.#columns
    this.size = c.size
    this.ts = c.ts.subarray(0, c.size)
    this.day = c.day.subarray(0, c.size)
    this.customer = c.customer.subarray(0, c.size)
    this.amount = c.amount.subarray(0, c.size)
    this.currency = c.currency.subarray(0, c.size)
    this.firstOrder = c.firstOrder.subarray(0, c.size)
    this.itemStart = c.itemStart.subarray(0, c.size + 1)
    this.itemProduct = c.itemProduct.subarray(0, c.itemSize)
    this.itemQuantity = c.itemQuantity.subarray(0, c.itemSize)
    this.itemRevenue = c.itemRevenue.subarray(0, c.itemSize)
  }

  /** For a run that comes after every purchase held: marks each customer's first order and counts the orders. */
  #markFirstOrders(run: PurchaseColumns): void {
    for (let i = 0; i < run.size; i++) {
      const c = run.customer[i] as number
      run.firstOrder[i] = this.firstOrderAt[c] === Number.POSITIVE_INFINITY ? 1 : 0
      this.#countOrder(c, run.ts[i] as number)
    }
  }

  #growCustomerArrays(): void {
    const customers = this.userIds.length
    if (this.firstOrderAt.length >= customers) return
    const first = new Float64Array(customers).fill(Number.POSITIVE_INFINITY)
    const second = new Float64Array(customers).fill(Number.POSITIVE_INFINITY)
    first.set(this.firstOrderAt)
    second.set(this.secondOrderAt)
    this.firstOrderAt = first
    this.secondOrderAt = second
  }

  #countOrder(c: number, time: number): void {
    if (time < (this.firstOrderAt[c] as number)) {
      this.secondOrderAt[c] = this.firstOrderAt[c] as number
      this.firstOrderAt[c] = time
    } else if (time < (this.secondOrderAt[c] as number)) {
      this.secondOrderAt[c] = time
    }
  }
}

/** Marks each customer's first purchase in the (time-sorted) columns. */
function firstOrders(customer: Int32Array, size: number, customers: number): Uint8Array {
  const seen = new Uint8Array(customers)
  const first = new Uint8Array(size)
  for (let i = 0; i < size; i++) {
    const c = customer[i] as number
    if (seen[c] === 0) {
      seen[c] = 1
      first[i] = 1
    }
  }
  return first
}
