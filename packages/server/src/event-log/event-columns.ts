/**
 * An app's events as three growable columns (time, name index, customer index), appended in bulk and kept sorted by
 * time by whoever owns them: 16 bytes an event, so a million events are 16 MB.
 *
 * @example
 * const run = new EventColumns()
 * run.add(Date.parse('2026-01-05T10:00:00Z'), 0, 3)
 * run.sortedByTime().ts[0] // the earliest event's time
 */
export class EventColumns {
  size = 0
  ts: Float64Array
  name: Int32Array
  customer: Int32Array

  constructor(capacity = 1024) {
    this.ts = new Float64Array(capacity)
    this.name = new Int32Array(capacity)
    this.customer = new Int32Array(capacity)
  }

  /** Appends one event, growing the columns by half again when they are full. */
  add(ts: number, name: number, customer: number): void {
    if (this.size === this.ts.length) this.#grow(Math.max(1024, Math.ceil(this.size * 1.5)))
    this.ts[this.size] = ts
    this.name[this.size] = name
    this.customer[this.size] = customer
    this.size += 1
  }

  /** Appends another run (its events after this one's, in time: the caller checked). */
  append(run: EventColumns): void {
    if (this.size + run.size > this.ts.length) this.#grow(Math.max(this.size + run.size, Math.ceil(this.size * 1.5)))
    this.ts.set(run.ts.subarray(0, run.size), this.size)
    this.name.set(run.name.subarray(0, run.size), this.size)
    this.customer.set(run.customer.subarray(0, run.size), this.size)
    this.size += run.size
  }

  /** This run in time order, the order of arrival kept among equal times: itself when it already is (the usual case). */
  sortedByTime(): EventColumns {
    let sorted = true
    for (let i = 1; i < this.size && sorted; i++) sorted = (this.ts[i - 1] as number) <= (this.ts[i] as number)
    if (sorted) return this
    const order = Array.from({ length: this.size }, (_, i) => i).sort((a, b) => (this.ts[a] as number) - (this.ts[b] as number) || a - b)
    const run = new EventColumns(this.size)
    for (const i of order) run.add(this.ts[i] as number, this.name[i] as number, this.customer[i] as number)
    return run
  }

  /**
   * The events of two time-sorted runs in one time-sorted run (`older`'s first among equal times): how a run of
   * events older than the newest one held (an import of past history) gets in.
   *
   * @example
   * const merged = EventColumns.merge(held, imported)
   */
  static merge(older: EventColumns, newer: EventColumns): EventColumns {
    const merged = new EventColumns(Math.ceil((older.size + newer.size) * 1.25))
    let i = 0
    let j = 0
    while (i < older.size || j < newer.size) {
      const takeOlder = j >= newer.size || (i < older.size && (older.ts[i] as number) <= (newer.ts[j] as number))
      if (takeOlder) {
        merged.add(older.ts[i] as number, older.name[i] as number, older.customer[i] as number)
        i++
      } else {
        merged.add(newer.ts[j] as number, newer.name[j] as number, newer.customer[j] as number)
        j++
      }
    }
    return merged
  }

  #grow(capacity: number): void {
    const ts = new Float64Array(capacity)
    const name = new Int32Array(capacity)
    const customer = new Int32Array(capacity)
    ts.set(this.ts.subarray(0, this.size))
    name.set(this.name.subarray(0, this.size))
    customer.set(this.customer.subarray(0, this.size))
    this.ts = ts
    this.name = name
    this.customer = customer
  }
}
