import { createDenseIndex } from '../analytics'
import { localDay, startOfLocalDay } from '../calendar'
import type { LedgerPurchaseRow, LedgerStore } from '../store'
import { type DailyRollup, dailyRollup } from './daily-rollup'

type StoredItem = { productId: string | null; name: string; quantity: number; price: number }

/** A product as the ledger knows it: `key` is its productId, or its name when it has none. */
export type LedgerProduct = { key: string; name: string }

/** New purchases read since the last refresh, in time order, before they are merged into the columns. */
type Run = {
  ts: number[]
  customer: number[]
  amount: number[]
  currency: number[]
  itemCounts: number[]
  itemProduct: number[]
  itemQuantity: number[]
  itemRevenue: number[]
}

const EMPTY_RUN = (): Run => ({ ts: [], customer: [], amount: [], currency: [], itemCounts: [], itemProduct: [], itemQuantity: [], itemRevenue: [] })

/**
 * Every purchase of one app in memory, as columns sorted by time: the shared input of the sales reports and of the
 * insights. It catches up from a purchase-id watermark when asked (`refresh`), so ingestion never does any extra
 * work for it, and a report scans typed arrays instead of querying SQLite: a year of a million purchases is a few
 * milliseconds. Amounts are integer minor units; `day` is the local day number in the app's time zone.
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
  /** Bumped whenever the content changes, so caches built on the ledger know they are stale. */
  version = 0
  timeZone = 'UTC'

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
    this.timeZone = timeZone
    const run = EMPTY_RUN()
    let after = { ts: Number.MIN_SAFE_INTEGER, id: 0 }
    let read = 0
    for (;;) {
      for (const [rowId, userId] of store.customersAfter(this.appId, this.#customerWatermark)) this.#addCustomer(rowId, userId)
      const page = store.purchasePage(this.appId, after, maxId, pageSize)
      for (const row of page) this.#read(row, run)
      read += page.length
      const last = page.at(-1)
      if (!last || page.length < pageSize) break
      after = { ts: last[4], id: last[0] }
      await pause()
    }
    if (this.#loaded) return // a synchronous refresh got there first while this one paused
    this.#loaded = true
    this.#purchaseWatermark = maxId
    this.#purchasesRead = read
    this.#merge(run, true)
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
    const behind = store.purchaseCount(this.appId) > this.#purchasesRead
    if (!behind) {
      if (zoneChanged && this.size > 0) {
        this.day = localDays(this.ts, this.size, timeZone)
        this.version++
      }
      return zoneChanged && this.size > 0
    }
    for (const [rowId, userId] of store.customersAfter(this.appId, this.#customerWatermark)) this.#addCustomer(rowId, userId)
    const run = EMPTY_RUN()
    const rows = [...store.purchasesAfter(this.appId, this.#purchaseWatermark)]
    // A catch-up comes by row id; the columns want time order (a first load already comes sorted).
    if (this.#purchaseWatermark > 0) rows.sort((left, right) => left[4] - right[4] || left[0] - right[0])
    for (const row of rows) {
      this.#read(row, run)
      if (row[0] > this.#purchaseWatermark) this.#purchaseWatermark = row[0]
    }
    this.#purchasesRead += rows.length
    this.#merge(run, zoneChanged)
    this.version++
    return true
  }

  /** Number of purchases at or before `time` (the index just past them, as the columns are sorted by time). */
  countUntil(time: number): number {
    return upperBound(this.ts, this.size, time)
  }

  /** Index of the first purchase on or after local day `day`. */
  firstIndexOfDay(day: number): number {
    let low = 0
    let high = this.size
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((this.day[middle] as number) < day) low = middle + 1
      else high = middle
    }
    return low
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

  /** Ledger index of a customer by row id; undefined when the customer is not loaded (or has no purchase yet). */
  customerIndexOf(customerRowId: number): number | undefined {
    return this.#customerIndex.get(customerRowId)
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

  #read(row: LedgerPurchaseRow, run: Run): void {
    const [id, customerRowId, amount, currency, ts, itemsJson] = row
    const customer = this.#customerIndex.get(customerRowId)
    if (customer === undefined) throw new Error(`purchase ${id} of an unknown customer ${customerRowId}`)
    run.ts.push(ts)
    run.customer.push(customer)
    run.amount.push(amount)
    run.currency.push(this.#currencyCodes.indexOf(currency))
    const items = JSON.parse(itemsJson) as StoredItem[]
    run.itemCounts.push(items.length)
    for (const item of items) {
      const key = item.productId ?? item.name
      const product = this.#productKeys.indexOf(key)
      if (product === this.products.length) this.products.push({ key, name: item.name })
      run.itemProduct.push(product)
      run.itemQuantity.push(item.quantity)
      run.itemRevenue.push(item.price * item.quantity)
    }
  }

  /** Merges a sorted run into the sorted columns (a plain append when it starts after the last purchase). */
  #merge(run: Run, zoneChanged: boolean): void {
    const added = run.ts.length
    const runItemStart = new Int32Array(added + 1)
    for (let i = 0; i < added; i++) runItemStart[i + 1] = (runItemStart[i] as number) + (run.itemCounts[i] as number)
    const size = this.size + added
    const itemSize = (this.itemStart[this.size] as number) + (runItemStart[added] as number)
    const ts = new Float64Array(size)
    const customer = new Int32Array(size)
    const amount = new Float64Array(size)
    const currency = new Uint8Array(size)
    const itemStart = new Int32Array(size + 1)
    const itemProduct = new Int32Array(itemSize)
    const itemQuantity = new Int32Array(itemSize)
    const itemRevenue = new Float64Array(itemSize)
    let a = 0
    let b = 0
    let item = 0
    for (let out = 0; out < size; out++) {
      const takeOld = b >= added || (a < this.size && (this.ts[a] as number) <= (run.ts[b] as number))
      if (takeOld) {
        ts[out] = this.ts[a] as number
        customer[out] = this.customer[a] as number
        amount[out] = this.amount[a] as number
        currency[out] = this.currency[a] as number
        for (let k = this.itemStart[a] as number; k < (this.itemStart[a + 1] as number); k++, item++) {
          itemProduct[item] = this.itemProduct[k] as number
          itemQuantity[item] = this.itemQuantity[k] as number
          itemRevenue[item] = this.itemRevenue[k] as number
        }
        a++
      } else {
        ts[out] = run.ts[b] as number
        customer[out] = run.customer[b] as number
        amount[out] = run.amount[b] as number
        currency[out] = run.currency[b] as number
        for (let k = runItemStart[b] as number; k < (runItemStart[b + 1] as number); k++, item++) {
          itemProduct[item] = run.itemProduct[k] as number
          itemQuantity[item] = run.itemQuantity[k] as number
          itemRevenue[item] = run.itemRevenue[k] as number
        }
        b++
      }
      itemStart[out + 1] = item
    }
    const appended = this.size === 0 || added === 0 || (run.ts[0] as number) >= (this.ts[this.size - 1] as number)
    let day: Int32Array
    if (appended && !zoneChanged) {
      day = new Int32Array(size)
      day.set(this.day.subarray(0, this.size))
      day.set(localDays(ts.subarray(this.size), added, this.timeZone), this.size)
    } else {
      day = localDays(ts, size, this.timeZone)
    }
    Object.assign(this, { size, ts, day, customer, amount, currency, itemStart, itemProduct, itemQuantity, itemRevenue })
    this.#updateOrderTimes(run)
    this.firstOrder = firstOrders(customer, size, this.userIds.length)
  }

  #updateOrderTimes(run: Run): void {
    const customers = this.userIds.length
    if (this.firstOrderAt.length < customers) {
      const first = new Float64Array(customers).fill(Number.POSITIVE_INFINITY)
      const second = new Float64Array(customers).fill(Number.POSITIVE_INFINITY)
      first.set(this.firstOrderAt)
      second.set(this.secondOrderAt)
      this.firstOrderAt = first
      this.secondOrderAt = second
    }
    run.ts.forEach((time, i) => {
      const c = run.customer[i] as number
      if (time < (this.firstOrderAt[c] as number)) {
        this.secondOrderAt[c] = this.firstOrderAt[c] as number
        this.firstOrderAt[c] = time
      } else if (time < (this.secondOrderAt[c] as number)) {
        this.secondOrderAt[c] = time
      }
    })
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

/** Local day numbers of sorted instants; the zone is consulted once per day, not once per purchase. */
function localDays(ts: Float64Array, size: number, timeZone: string): Int32Array {
  const days = new Int32Array(size)
  let day = 0
  let dayStart = Number.POSITIVE_INFINITY
  let nextStart = Number.NEGATIVE_INFINITY
  for (let i = 0; i < size; i++) {
    const time = ts[i] as number
    if (time >= nextStart || time < dayStart) {
      day = localDay(time, timeZone)
      dayStart = startOfLocalDay(day, timeZone)
      nextStart = startOfLocalDay(day + 1, timeZone)
    }
    days[i] = day
  }
  return days
}

function upperBound(values: Float64Array, size: number, value: number): number {
  let low = 0
  let high = size
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((values[middle] as number) <= value) low = middle + 1
    else high = middle
  }
  return low
}
