import { ApiError } from '../http/api-error'
import { toMajorUnits } from '../money'
import { decodeCursor, encodeCursor } from '../pagination'
import type { AppRow, CustomerRow, CustomerSort, CustomersStore, PurchaseRow } from '../store'
import { isoTime } from '../time'
import type { CustomerDetail, CustomerSummary, Page, Purchase, TimelineEntry } from './response-types'

export type { CustomerDetail, Page } from './response-types'

/** Supplies `predictions` for a customer once the analytics are there; null until then. */
export type PredictionSource = (
  app: AppRow,
  customer: CustomerRow,
  options: { asOf: number; horizonDays: number },
) => CustomerDetail['predictions'] | Promise<CustomerDetail['predictions']>

/**
 * Brings the customers' stored totals up to date with every purchase acknowledged so far, off the event loop: the
 * ingestion service, on its writer thread, where the background refreshes run too.
 */
export type RefreshTotals = () => Promise<void>

const RECENT_PURCHASES = 100
const TIMELINE_ENTRIES = 200
// A customer's reads scan the purchases and events after their watermarks (~1 ms for this many); more, and they refresh first.
const MAX_SCANNED_PURCHASES = 10_000

/**
 * The customer base of an app: lists, one customer with stats, purchases and a timeline, and the purchases list.
 * A list shows every purchase acknowledged before it was asked for: the totals it sorts by are refreshed first,
 * when purchases wait, by `refreshTotals`.
 *
 * @example
 * const customers = new CustomersService(stores.customers, () => ingestion.refreshTotals())
 * await customers.list(app, { sort: '-revenue', limit: 50 })
 */
export class CustomersService {
  predictions: PredictionSource = () => null

  constructor(
    private readonly store: CustomersStore,
    private readonly refreshTotals: RefreshTotals,
  ) {}

  async list(app: AppRow, query: { sort: CustomerSort; search?: string | undefined; limit: number; cursor?: string | undefined }): Promise<Page<CustomerSummary>> {
    const after = decodeCursor(query.sort, query.cursor)
    await this.#totalsWithin(0)
    const { rows, keyOf } = this.store.listCustomers({
      appId: app.id,
      sort: query.sort,
      limit: query.limit + 1,
      ...(query.search ? { search: query.search } : {}),
      ...(after ? { after } : {}),
    })
    const pageRows = rows.slice(0, query.limit)
    const last = pageRows.at(-1)
    return {
      data: pageRows.map((row) => summary(app, row)),
      nextCursor: rows.length > query.limit && last ? encodeCursor(query.sort, keyOf(last)) : null,
    }
  }

  async get(app: AppRow, userId: string, options: { asOf: number; horizonDays: number }): Promise<CustomerDetail> {
    await this.#totalsWithin(MAX_SCANNED_PURCHASES)
    const row = this.store.findCustomer(app.id, userId)
    if (!row) throw new ApiError(404, 'not_found', `No customer with userId "${userId}".`)
    const purchases = this.store.recentPurchases(row.id, RECENT_PURCHASES).map(purchaseView)
    const revenue = toMajorUnits(row.revenue, app.currency)
    const timeline: TimelineEntry[] = [
      ...this.store.customerEvents(row.id, TIMELINE_ENTRIES).map((event) => ({
        type: event.type,
        at: new Date(event.at).toISOString(),
        ...(JSON.parse(event.data) as { fields?: string[] }),
      })),
      ...purchases.map((purchase) => ({
        type: 'purchase' as const,
        at: purchase.timestamp,
        orderId: purchase.orderId,
        amount: purchase.amount,
        currency: purchase.currency,
      })),
      ...this.store.recentRefunds(app.id, row.id, TIMELINE_ENTRIES).map((refund) => ({
        type: 'refund' as const,
        at: new Date(refund.ts).toISOString(),
        refundId: refund.refundId,
        amount: toMajorUnits(refund.amount, refund.currency),
        currency: refund.currency,
        orderId: refund.orderId,
        reason: refund.reason,
      })),
      ...this.store.recentCustomEvents(app.id, row.id, TIMELINE_ENTRIES).map((event) => ({
        type: 'event' as const,
        at: new Date(event.ts).toISOString(),
        event: event.name,
        properties: event.properties === null ? null : (JSON.parse(event.properties) as Record<string, unknown>),
      })),
      { type: 'signed_up' as const, at: new Date(row.createdAt).toISOString() },
    ]
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
      .slice(0, TIMELINE_ENTRIES)
    return {
      customer: {
        userId: row.userId,
        name: row.name,
        email: row.email,
        phone: row.phone,
        traits: JSON.parse(row.traits) as Record<string, unknown>,
        createdAt: new Date(row.createdAt).toISOString(),
      },
      stats: {
        orders: row.orders,
        revenue,
        refunds: toMajorUnits(row.refunds, app.currency),
        // Net, as `revenue` beside it and the sales report's: what an order of this customer was worth once refunds
        // were given back.
        averageOrderValue: row.revenueOrders > 0 ? toMajorUnits(Math.round(row.revenue / row.revenueOrders), app.currency) : null,
        firstPurchaseAt: isoTime(row.firstPurchaseAt),
        lastPurchaseAt: isoTime(row.lastPurchaseAt),
        lastSeenAt: isoTime(row.lastSeenAt),
      },
      predictions: await this.predictions(app, row, options),
      purchases,
      timeline,
    }
  }

  async purchases(app: AppRow, query: { userId?: string | undefined; from?: number | undefined; to?: number | undefined; limit: number; cursor?: string | undefined }): Promise<Page<Purchase>> {
    let customerId: number | undefined
    if (query.userId !== undefined) {
      await this.#totalsWithin(MAX_SCANNED_PURCHASES)
      customerId = this.store.findCustomer(app.id, query.userId)?.id
      if (customerId === undefined) return { data: [], nextCursor: null }
    }
    const after = decodeCursor('-timestamp', query.cursor)
    const rows = this.store.listPurchases({
      appId: app.id,
      limit: query.limit + 1,
      ...(customerId !== undefined ? { customerId } : {}),
      ...(query.from !== undefined ? { from: query.from } : {}),
      ...(query.to !== undefined ? { to: query.to } : {}),
      ...(after ? { after } : {}),
    })
    const pageRows = rows.slice(0, query.limit)
    const last = pageRows.at(-1)
    return {
      data: pageRows.map(purchaseView),
      nextCursor: rows.length > query.limit && last ? encodeCursor('-timestamp', { value: last.ts, id: last.id }) : null,
    }
  }

  /** Refreshes the totals when more than `maxPending` purchases wait (a check of two rowids when none do). */
  async #totalsWithin(maxPending: number): Promise<void> {
    if (this.store.pendingTotals() > maxPending) await this.refreshTotals()
  }
}

function summary(app: AppRow, row: CustomerRow): CustomerSummary {
  return {
    userId: row.userId,
    name: row.name,
    email: row.email,
    phone: row.phone,
    createdAt: new Date(row.createdAt).toISOString(),
    firstPurchaseAt: isoTime(row.firstPurchaseAt),
    lastPurchaseAt: isoTime(row.lastPurchaseAt),
    lastSeenAt: isoTime(row.lastSeenAt),
    orders: row.orders,
    revenue: toMajorUnits(row.revenue, app.currency),
    refunds: toMajorUnits(row.refunds, app.currency),
  }
}

function purchaseView(row: PurchaseRow): Purchase {
  const items = JSON.parse(row.items) as Purchase['items']
  return {
    orderId: row.orderId,
    userId: row.userId,
    amount: toMajorUnits(row.amount, row.currency),
    currency: row.currency,
    timestamp: new Date(row.ts).toISOString(),
    items: items.map((item) => ({ ...item, price: toMajorUnits(item.price, row.currency) })),
    properties: row.properties === null ? null : (JSON.parse(row.properties) as Record<string, unknown>),
  }
}
