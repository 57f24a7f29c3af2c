import { LocalDayClock } from '../ledger'
import type { AppRow, LedgerStore } from '../store'
import { type CustomerHistories, HistoryFold, historyIndexOf } from './customer-histories'

/**
 * The customer histories of an app as of `asOf`, read from the store page by page in time order (awaiting `pause`
 * between pages, so the server keeps serving) and folded as they come: the same histories as `customerHistories` over
 * the app's ledger, without holding every purchase of the app, and its items, in memory.
 *
 * @example
 * const histories = await readCustomerHistories(stores.ledger, app, Date.now(), localDay(Date.now(), app.timezone), 'USD', pause)
 */
export async function readCustomerHistories(
  store: LedgerStore,
  app: Pick<AppRow, 'id' | 'timezone'>,
  asOf: number,
  asOfDay: number,
  currency: string,
  pause: () => Promise<void>,
  pageSize = 10_000,
): Promise<CustomerHistories> {
  // Purchases up to this row only, read before the customers: every customer they belong to is then known.
  const maxId = store.lastRowId()
  const fold = new HistoryFold(store.customerRowIds(app.id))
  const clock = new LocalDayClock(app.timezone)
  let after = { ts: Number.MIN_SAFE_INTEGER, id: 0 }
  for (;;) {
    const page = store.purchaseTotalsPage(app.id, after, maxId, asOf, pageSize)
    for (const [id, customerRowId, amount, purchaseCurrency, ts] of page) {
      const day = clock.dayOf(ts)
      if (day > asOfDay) return fold.histories(asOfDay)
      const customer = historyIndexOf(fold, customerRowId)
      if (customer === undefined) throw new Error(`purchase ${id} of an unknown customer ${customerRowId}`)
      fold.add(customer, day, amount, purchaseCurrency === currency)
    }
    const last = page.at(-1)
    if (!last || page.length < pageSize) return fold.histories(asOfDay)
    after = { ts: last[4], id: last[0] }
    await pause()
  }
}
