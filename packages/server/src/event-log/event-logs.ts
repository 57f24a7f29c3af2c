import type { AppRow, EventLogStore } from '../store'
import { EventLog } from './event-log'

const pause = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * One event log per app, brought up to date on every use: a refresh that finds nothing new costs one look at the
 * app's event counter. An app's first read goes page by page, so the server keeps serving meanwhile; callers that
 * come during it wait for the same read.
 *
 * @example
 * const log = await logs.ready(app)
 */
export class EventLogs {
  readonly #logs = new Map<number, EventLog>()
  readonly #loading = new Map<number, Promise<void>>()

  constructor(
    private readonly store: EventLogStore,
    private readonly options: { pageSize?: number } = {},
  ) {}

  /** The app's log, up to date. */
  async ready(app: Pick<AppRow, 'id'>): Promise<EventLog> {
    let log = this.#logs.get(app.id)
    if (!log) this.#logs.set(app.id, (log = new EventLog(app.id)))
    if (!log.loaded) await this.#load(log)
    log.refresh(this.store)
    return log
  }

  #load(log: EventLog): Promise<void> {
    let loading = this.#loading.get(log.appId)
    if (!loading) {
      loading = log.load(this.store, pause, this.options.pageSize).finally(() => this.#loading.delete(log.appId))
      this.#loading.set(log.appId, loading)
    }
    return loading
  }
}
