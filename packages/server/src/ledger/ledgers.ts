import type { AppRow, LedgerStore } from '../store'
import { PurchaseLedger } from './purchase-ledger'

// Apps with more purchases than this are first read page by page in the background; smaller ones at once.
const SYNC_LOAD_LIMIT = 100_000

const pause = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * One purchase ledger per app, brought up to date on every use: a refresh that finds nothing new costs one look at
 * the app's purchase counter. A large app's first read goes page by page, so the server keeps serving meanwhile.
 *
 * @example
 * const ledger = await ledgers.ready(app)
 */
export class Ledgers {
  readonly #ledgers = new Map<number, PurchaseLedger>()
  readonly #loading = new Map<number, Promise<void>>()

  constructor(
    private readonly store: LedgerStore,
    private readonly options: { syncLoadLimit?: number; pageSize?: number } = {},
  ) {}

  /** The app's ledger, up to date; waits for its first read if it is a large app's. */
  async ready(app: Pick<AppRow, 'id' | 'timezone'>): Promise<PurchaseLedger> {
    const ledger = this.#ledger(app.id)
    if (!ledger.loaded) await this.#load(ledger, app)
    ledger.refresh(this.store, app.timezone)
    return ledger
  }

  /**
   * The app's ledger if it is in memory already (read once), up to date; undefined otherwise, and no read starts:
   * for a caller that can do without it rather than hold every purchase of the app in memory.
   */
  peek(app: Pick<AppRow, 'id' | 'timezone'>): PurchaseLedger | undefined {
    const ledger = this.#ledgers.get(app.id)
    if (!ledger?.loaded) return undefined
    ledger.refresh(this.store, app.timezone)
    return ledger
  }

  /** Whether the app is large enough that reading all its purchases takes a while (and goes page by page). */
  isLarge(app: Pick<AppRow, 'id'>): boolean {
    return this.store.purchaseCount(app.id) > (this.options.syncLoadLimit ?? SYNC_LOAD_LIMIT)
  }

  #ledger(appId: number): PurchaseLedger {
    let ledger = this.#ledgers.get(appId)
    if (!ledger) {
      ledger = new PurchaseLedger(appId)
      this.#ledgers.set(appId, ledger)
    }
    return ledger
  }

  #load(ledger: PurchaseLedger, app: Pick<AppRow, 'id' | 'timezone'>): Promise<void> {
    let loading = this.#loading.get(app.id)
    if (!loading) {
      loading = ledger.load(this.store, app.timezone, pause, this.options.pageSize).finally(() => this.#loading.delete(app.id))
      this.#loading.set(app.id, loading)
    }
    return loading
  }
}
