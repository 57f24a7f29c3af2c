import { LocalDayClock } from '../ledger'
import type { AppRow, InsightInputsStore, LedgerStore } from '../store'
import { type CustomerHistories, HistoryFold, historyIndexOf } from './customer-histories'

/** Where the refunds of the histories read from the store come from. */
export type StoredRefunds = Pick<InsightInputsStore, 'orderRefunds' | 'unlinkedRefunds'>

/**
 * The customer histories of an app as of `asOf`, read from the store page by page in time order (awaiting `pause`
 * between pages, so the server keeps serving) and folded as they come: the same histories as `customerHistories` over
 * the app's ledger, net of the refunds dated up to `asOf` when `refunds` is given, without holding every purchase of
 * the app, and its items, in memory.
 *
 * @example
 * const histories = await readCustomerHistories(stores.ledger, app, Date.now(), localDay(Date.now(), app.timezone), 'USD', pause, { refunds: stores.insightInputs })
 */
export async function readCustomerHistories(
  store: LedgerStore,
  app: Pick<AppRow, 'id' | 'timezone'>,
  asOf: number,
  asOfDay: number,
  currency: string,
  pause: () => Promise<void>,
  options: { pageSize?: number; refunds?: StoredRefunds } = {},
): Promise<CustomerHistories> {
  const pageSize = options.pageSize ?? 10_000
  // Purchases up to this row only, read before the customers: every customer they belong to is then known.
  const maxId = store.lastRowId()
  const fold = new HistoryFold(store.customerRowIds(app.id))
  const clock = new LocalDayClock(app.timezone)
  const refunded = options.refunds?.orderRefunds(app.id, asOf) ?? new Map<number, number>()
  const done = () => {
    for (const [customerRowId, amount] of options.refunds?.unlinkedRefunds(app.id, currency, asOf) ?? []) {
      const customer = historyIndexOf(fold, customerRowId)
      if (customer !== undefined) fold.refund(customer, amount)
    }
    return fold.histories(asOfDay)
  }
  let after = { ts: Number.MIN_SAFE_INTEGER, id: 0 }
  for (;;) {
    const page = store.purchaseTotalsPage(app.id, after, maxId, asOf, pageSize)
    for (const [id, customerRowId, amount, purchaseCurrency, ts] of page) {
      const day = clock.dayOf(ts)
      if (day > asOfDay) return done()
      const customer = historyIndexOf(fold, customerRowId)
      if (customer === undefined) throw new Error(`purchase ${id} of an unknown customer ${customerRowId}`)
      const back = refunded.get(id) ?? 0
      // Refunded in full: not a purchase.
      if (back < amount) fold.add(customer, day, amount - back, purchaseCurrency === currency)
    }
    const last = page.at(-1)
    if (!last || page.length < pageSize) return done()
    after = { ts: last[4], id: last[0] }
    await pause()
  }
}
