import type { EventLogRow, EventLogStore } from '../store'
import { EventColumns } from './event-columns'

/**
 * Every custom event of one app in memory, as columns sorted by time: what the events report counts. It catches up
 * from an event-id watermark when asked (`refresh`), so ingestion does no extra work for it, and a year of a million
 * events is counted in milliseconds. Names and customers are dense indexes (`names[name[i]]`); a customer's index
 * says nothing of who they are, which the report never needs.
 *
 * @example
 * const log = new EventLog(appId)
 * await log.load(stores.eventLog, () => new Promise((resolve) => setImmediate(resolve)))
 * log.refresh(stores.eventLog)
 * log.indexAt(Date.parse('2026-01-01T00:00:00Z')) // events before 2026
 */
export class EventLog {
  size = 0
  ts: Float64Array = new Float64Array(0)
  name: Int32Array = new Int32Array(0)
  customer: Int32Array = new Int32Array(0)
  /** Event names by dense index (the values of `name`). */
  readonly names: string[] = []

  #columns = new EventColumns(0)
  #loaded = false
  #watermark = 0
  #eventsRead = 0
  #nameWatermark = 0
  readonly #nameIndex = new Map<number, number>()
  readonly #customerIndex = new Map<number, number>()

  constructor(readonly appId: number) {}

  /** Whether the log has read the app's events once. */
  get loaded(): boolean {
    return this.#loaded
  }

  /** How many customers have at least one event: the dense customer indexes are 0 .. customerCount - 1. */
  get customerCount(): number {
    return this.#customerIndex.size
  }

  /**
   * The first read, page by page in time order, awaiting `pause` between pages so the server keeps answering (and
   * ingesting); events written meanwhile are taken by the next `refresh`.
   *
   * @example
   * await log.load(store, () => new Promise((resolve) => setImmediate(resolve)))
   */
  async load(store: EventLogStore, pause: () => Promise<void>, pageSize = 10_000): Promise<void> {
    if (this.#loaded) return
    const maxId = store.lastEventId()
    // Sized from the app's counter, so a first read fills its columns without growing them.
    const run = new EventColumns(Math.max(1024, store.eventCount(this.appId)))
    let after = { ts: Number.MIN_SAFE_INTEGER, id: 0 }
    for (;;) {
      let last: EventLogRow | undefined
      let pageLength = 0
      for (const row of store.eventPage(this.appId, after, maxId, pageSize)) {
        this.#add(row, run)
        last = row
        pageLength += 1
      }
      if (!last || pageLength < pageSize) break
      after = { ts: last[3], id: last[0] }
      await pause()
    }
    this.#resolveNames(store, run)
    this.#loaded = true
    this.#watermark = maxId
    this.#eventsRead = run.size
    this.#columns = run
    this.#expose()
  }

  /**
   * Reads the events added since the last read and merges them in (a first `load` must have run). Costs one look at
   * the app's event counter when nothing is new. Returns whether anything changed.
   *
   * @example
   * if (log.refresh(store)) cache.clear()
   */
  refresh(store: EventLogStore): boolean {
    if (!this.#loaded) throw new Error('EventLog.refresh before load')
    if (store.eventCount(this.appId) <= this.#eventsRead) return false
    const run = new EventColumns()
    for (const row of store.eventsAfter(this.appId, this.#watermark)) {
      this.#add(row, run)
      if (row[0] > this.#watermark) this.#watermark = row[0]
    }
    this.#eventsRead += run.size
    if (run.size === 0) return false
    this.#resolveNames(store, run)
    const sorted = run.sortedByTime()
    const held = this.#columns
    // Live ingestion comes after everything held and is appended in place; an import of older history is merged.
    if (held.size === 0 || (sorted.ts[0] as number) >= (held.ts[held.size - 1] as number)) held.append(sorted)
    else this.#columns = EventColumns.merge(held, sorted)
    this.#expose()
    return true
  }

  /**
   * The index of the first event at or after `time` (the columns are sorted by time): `indexAt(b) - indexAt(a)`
   * events happened in [a, b).
   *
   * @example
   * log.indexAt(Number.POSITIVE_INFINITY) === log.size
   */
  indexAt(time: number): number {
    let low = 0
    let high = this.size
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((this.ts[middle] as number) < time) low = middle + 1
      else high = middle
    }
    return low
  }

  /** Adds a row with its name's row id for now (`#resolveNames` makes it dense once the names are read). */
  #add(row: EventLogRow, run: EventColumns): void {
    const [, customerRowId, nameRowId, ts] = row
    let customer = this.#customerIndex.get(customerRowId)
    if (customer === undefined) {
      customer = this.#customerIndex.size
      this.#customerIndex.set(customerRowId, customer)
    }
    run.add(ts, nameRowId, customer)
  }

  // The names are read after the events, never while their statement iterates (the connection runs one at a
  // time), and a name is committed with its first event, so every name an event holds is there by then.
  #resolveNames(store: EventLogStore, run: EventColumns): void {
    for (const [rowId, name] of store.namesAfter(this.appId, this.#nameWatermark)) {
      if (this.#nameIndex.has(rowId)) continue
      this.#nameIndex.set(rowId, this.names.length)
      this.names.push(name)
      if (rowId > this.#nameWatermark) this.#nameWatermark = rowId
    }
    for (let i = 0; i < run.size; i++) {
      const name = this.#nameIndex.get(run.name[i] as number)
      if (name === undefined) throw new Error(`event of an unknown name ${run.name[i]} in app ${this.appId}`)
      run.name[i] = name
    }
  }

  /** Re-cuts the public exact-length views after the columns changed. */
  #expose(): void {
    const c = this.#columns
    this.size = c.size
    this.ts = c.ts.subarray(0, c.size)
    this.name = c.name.subarray(0, c.size)
    this.customer = c.customer.subarray(0, c.size)
  }
}
