import type { AppRow, LedgerStore } from '../store'
import { PurchaseLedger } from './purchase-ledger'

/**
 * One purchase ledger per app, loaded on first use and brought up to date on every `forApp`: a refresh that finds
 * nothing new costs one indexed `max(id)` query.
 *
 * @example
 * const ledger = ledgers.forApp(app)
 */
export class Ledgers {
  readonly #ledgers = new Map<number, PurchaseLedger>()

  constructor(private readonly store: LedgerStore) {}

  forApp(app: Pick<AppRow, 'id' | 'timezone'>): PurchaseLedger {
    let ledger = this.#ledgers.get(app.id)
    if (!ledger) {
      ledger = new PurchaseLedger(app.id)
      this.#ledgers.set(app.id, ledger)
    }
    ledger.refresh(this.store, app.timezone)
    return ledger
  }
}
