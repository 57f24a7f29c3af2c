/**
 * Purchases and their items as typed columns with room to grow, so reading a million purchases builds no JS arrays
 * and a catch-up appends in place instead of copying every column. `size` purchases and `itemSize` items are in use;
 * the items of purchase i are at itemStart[i] .. itemStart[i + 1] - 1.
 *
 * @example
 * const columns = new PurchaseColumns(2)
 * columns.addItem(0, 1, 500)
 * columns.addPurchase(Date.parse('2026-01-01'), 0, 500, 0) // one purchase of one item
 */
export class PurchaseColumns {
  size = 0
  itemSize = 0
  ts: Float64Array
  customer: Int32Array
  amount: Float64Array
  currency: Uint8Array
  /** Local day number of each purchase (filled by the ledger, which knows the time zone). */
  day: Int32Array
  /** 1 where the purchase is its customer's first (filled by the ledger). */
  firstOrder: Uint8Array
  itemStart: Int32Array
  itemProduct: Int32Array
  itemQuantity: Int32Array
  itemRevenue: Float64Array

  constructor(capacity = 0, itemCapacity = capacity) {
    this.ts = new Float64Array(capacity)
    this.customer = new Int32Array(capacity)
    this.amount = new Float64Array(capacity)
    this.currency = new Uint8Array(capacity)
    this.day = new Int32Array(capacity)
    this.firstOrder = new Uint8Array(capacity)
    this.itemStart = new Int32Array(capacity + 1)
    this.itemProduct = new Int32Array(itemCapacity)
    this.itemQuantity = new Int32Array(itemCapacity)
    this.itemRevenue = new Float64Array(itemCapacity)
  }

  /** Adds an item to the purchase that the next `addPurchase` closes. */
  addItem(product: number, quantity: number, revenue: number): void {
    this.reserve(this.size, this.itemSize + 1)
    this.itemProduct[this.itemSize] = product
    this.itemQuantity[this.itemSize] = quantity
    this.itemRevenue[this.itemSize] = revenue
    this.itemSize++
  }

  /** Adds a purchase, with the items added since the last one. */
  addPurchase(ts: number, customer: number, amount: number, currency: number): void {
    this.reserve(this.size + 1, this.itemSize)
    const i = this.size++
    this.ts[i] = ts
    this.customer[i] = customer
    this.amount[i] = amount
    this.currency[i] = currency
    this.itemStart[i + 1] = this.itemSize
  }

  /** Appends all of `other` (its days and first-order marks too) after the last purchase. */
  append(other: PurchaseColumns): void {
    const size = this.size
    const itemSize = this.itemSize
    this.reserve(size + other.size, itemSize + other.itemSize)
    this.ts.set(other.ts.subarray(0, other.size), size)
    this.customer.set(other.customer.subarray(0, other.size), size)
    this.amount.set(other.amount.subarray(0, other.size), size)
    this.currency.set(other.currency.subarray(0, other.size), size)
    this.day.set(other.day.subarray(0, other.size), size)
    this.firstOrder.set(other.firstOrder.subarray(0, other.size), size)
    for (let i = 1; i <= other.size; i++) this.itemStart[size + i] = itemSize + (other.itemStart[i] as number)
    this.itemProduct.set(other.itemProduct.subarray(0, other.itemSize), itemSize)
    this.itemQuantity.set(other.itemQuantity.subarray(0, other.itemSize), itemSize)
    this.itemRevenue.set(other.itemRevenue.subarray(0, other.itemSize), itemSize)
    this.size += other.size
    this.itemSize += other.itemSize
  }

  /**
   * The purchases in time order (ties keep their order): these columns when they already are, else a sorted copy.
   * A catch-up reads by row id, and the ledger wants time order.
   */
  sortedByTime(): PurchaseColumns {
    let sorted = true
    for (let i = 1; i < this.size && sorted; i++) sorted = (this.ts[i - 1] as number) <= (this.ts[i] as number)
    if (sorted) return this
    const order = Int32Array.from({ length: this.size }, (_, i) => i).sort(
      (a, b) => (this.ts[a] as number) - (this.ts[b] as number) || a - b,
    )
    const copy = new PurchaseColumns(this.size, this.itemSize)
    for (const i of order) {
      for (let k = this.itemStart[i] as number; k < (this.itemStart[i + 1] as number); k++) {
        copy.addItem(this.itemProduct[k] as number, this.itemQuantity[k] as number, this.itemRevenue[k] as number)
      }
      copy.addPurchase(this.ts[i] as number, this.customer[i] as number, this.amount[i] as number, this.currency[i] as number)
    }
    return copy
  }

  /** Makes room for `purchases` and `items`, growing by half again at least, so appends cost O(1) on average. */
  reserve(purchases: number, items: number): void {
    if (purchases > this.ts.length) {
      const capacity = Math.max(purchases, Math.ceil(this.ts.length * 1.5), 16)
      this.ts = resized(this.ts, capacity, this.size)
      this.customer = resized(this.customer, capacity, this.size)
      this.amount = resized(this.amount, capacity, this.size)
      this.currency = resized(this.currency, capacity, this.size)
      this.day = resized(this.day, capacity, this.size)
      this.firstOrder = resized(this.firstOrder, capacity, this.size)
      this.itemStart = resized(this.itemStart, capacity + 1, this.size + 1)
    }
    if (items > this.itemProduct.length) {
      const capacity = Math.max(items, Math.ceil(this.itemProduct.length * 1.5), 16)
      this.itemProduct = resized(this.itemProduct, capacity, this.itemSize)
      this.itemQuantity = resized(this.itemQuantity, capacity, this.itemSize)
      this.itemRevenue = resized(this.itemRevenue, capacity, this.itemSize)
    }
  }
}

/**
 * Merges two time-sorted sets of columns into new ones (ties: `held` first), with room for a quarter more.
 *
 * @example
 * const merged = mergeSorted(held, run.sortedByTime()) // held's days and first-order marks are not carried
 */
export function mergeSorted(held: PurchaseColumns, run: PurchaseColumns): PurchaseColumns {
  const size = held.size + run.size
  const itemSize = held.itemSize + run.itemSize
  const merged = new PurchaseColumns(Math.ceil(size * 1.25), Math.ceil(itemSize * 1.25))
  let a = 0
  let b = 0
  for (let out = 0; out < size; out++) {
    const from = b >= run.size || (a < held.size && (held.ts[a] as number) <= (run.ts[b] as number)) ? held : run
    const i = from === held ? a++ : b++
    for (let k = from.itemStart[i] as number; k < (from.itemStart[i + 1] as number); k++) {
      merged.addItem(from.itemProduct[k] as number, from.itemQuantity[k] as number, from.itemRevenue[k] as number)
    }
    merged.addPurchase(from.ts[i] as number, from.customer[i] as number, from.amount[i] as number, from.currency[i] as number)
  }
  return merged
}

type TypedColumn = Float64Array | Int32Array | Uint8Array

function resized<T extends TypedColumn>(column: T, capacity: number, used: number): T {
  const next = new (column.constructor as new (length: number) => T)(capacity)
  next.set(column.subarray(0, used) as never)
  return next
}
