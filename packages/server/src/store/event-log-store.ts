import type { Db } from './database'

/** A custom event as the events report reads it: [row id, customer row id, event_names row id, ts]. */
export type EventLogRow = [id: number, customerId: number, nameId: number, ts: number]

/** An event name of an app: [event_names row id, name]. */
export type EventNameRow = [id: number, name: string]

/**
 * Read-only access for the in-memory event log of the events report: an app's custom events in time order, page by
 * page for a first read, then the rows after a row-id watermark (events are only ever appended), so a report
 * counts typed arrays instead of grouping a million rows in SQLite (seconds, even through a covering index).
 *
 * @example
 * for (const [id, customerId, nameId, ts] of store.eventsAfter(appId, watermark)) log.add(ts, nameId, customerId)
 */
export class EventLogStore {
  readonly #page
  readonly #after
  readonly #names
  readonly #lastId
  readonly #count

  constructor(db: Db) {
    // events_by_time (app_id, ts) ends with the rowid, so (ts, id) pages walk the index in order with no sort.
    this.#page = db
      .prepare<[number, number, number, number, number]>(
        `SELECT id, customer_id, name_id, ts FROM events
         WHERE app_id = ? AND (ts, id) > (?, ?) AND id <= ? ORDER BY ts, id LIMIT ?`,
      )
      .raw(true)
    // A catch-up reads the rows after the watermark through the rowid; `+app_id` keeps the planner off the app's
    // whole index range.
    this.#after = db.prepare<[number, number]>('SELECT id, customer_id, name_id, ts FROM events WHERE id > ? AND +app_id = ?').raw(true)
    this.#names = db.prepare<[number, number]>('SELECT id, name FROM event_names WHERE app_id = ? AND id > ?').raw(true)
    this.#lastId = db.prepare<[], number | null>('SELECT max(id) FROM events').pluck(true)
    this.#count = db.prepare<[number], number>('SELECT events_count FROM apps WHERE id = ?').pluck(true)
  }

  /**
   * One page of the app's events in time order after the position (ts, id), among rows with id ≤ `maxId`: a first
   * read goes page by page, letting the server answer in between, and takes what came meanwhile by id afterwards.
   *
   * @example
   * for (const row of store.eventPage(appId, { ts: Number.MIN_SAFE_INTEGER, id: 0 }, store.lastEventId(), 10_000)) row[0]
   */
  eventPage(appId: number, after: { ts: number; id: number }, maxId: number, limit: number): IterableIterator<EventLogRow> {
    return this.#page.iterate(appId, after.ts, after.id, maxId, Math.max(1, limit)) as IterableIterator<EventLogRow>
  }

  /**
   * The app's events with a row id above `afterId`, in id order. Row by row, not as an array: a catch-up after a
   * bulk load may be a million rows. The connection runs no other statement until the iteration ends.
   *
   * @example
   * for (const row of store.eventsAfter(appId, 1_000)) row[3] // ts
   */
  eventsAfter(appId: number, afterId: number): IterableIterator<EventLogRow> {
    return this.#after.iterate(afterId, appId) as IterableIterator<EventLogRow>
  }

  /**
   * The app's event names with a row id above `afterId`.
   *
   * @example
   * store.namesAfter(appId, 0) // [[1, 'Viewed pricing'], [4, 'Opened support ticket']]
   */
  namesAfter(appId: number, afterId: number): EventNameRow[] {
    return this.#names.all(appId, afterId) as EventNameRow[]
  }

  /**
   * The newest event row id of any app (the end of the rowid tree): where a first read stops.
   *
   * @example
   * store.lastEventId() // 0 before any event
   */
  lastEventId(): number {
    return this.#lastId.get() ?? 0
  }

  /**
   * How many events the app has (a counter ingestion keeps on the app's row): tells a log whether it is behind.
   *
   * @example
   * store.eventCount(appId) // 1_000_000
   */
  eventCount(appId: number): number {
    return this.#count.get(appId) ?? 0
  }
}
