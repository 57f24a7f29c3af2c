import type { CustomerTotalsStore, TotalsWatermarks } from './customer-totals-store'
import type { Db } from './database'

export type CustomerSort = '-revenue' | '-lastPurchaseAt' | '-lastSeenAt' | '-createdAt' | 'name'

export type CustomerRow = {
  id: number
  userId: string
  name: string | null
  email: string | null
  phone: string | null
  traits: string
  createdAt: number
  firstPurchaseAt: number | null
  lastPurchaseAt: number | null
  /** The latest purchase, refund or event. */
  lastSeenAt: number | null
  orders: number
  /** Net: the purchases in the app's currency less the refunds in it. */
  revenue: number
  /** Orders in the app's currency, the ones `revenue` adds up. */
  revenueOrders: number
  /** The refunds in the app's currency, which `revenue` is net of. */
  refunds: number
}

export type PurchaseRow = {
  id: number
  orderId: string
  userId: string
  amount: number
  currency: string
  ts: number
  items: string
  properties: string | null
}

export type CustomerEventRow = { type: 'signed_up' | 'profile_updated'; at: number; data: string }

/** A refund as a customer's timeline shows it; `orderId` null for a refund of the customer alone. */
export type RefundRow = { refundId: string; amount: number; currency: string; orderId: string | null; ts: number; reason: string | null }

/** A custom event as a customer's timeline shows it; `properties` is JSON text. */
export type CustomEventRow = { name: string; ts: number; properties: string | null }

/** Position after the last row of a page: the sort key's value and the row id. */
export type Keyset = { value: number | string; id: number }

export type CustomerListQuery = { appId: number; sort: CustomerSort; search?: string; limit: number; after?: Keyset }
export type PurchaseListQuery = {
  appId: number
  customerId?: number
  from?: number
  to?: number
  limit: number
  after?: Keyset
}

/** Per sort: the key expression (matching an index of migrations 1, 4 and 8) and its direction. */
const SORTS: Record<CustomerSort, { key: string; direction: 'ASC' | 'DESC' }> = {
  '-revenue': { key: 'revenue', direction: 'DESC' },
  '-lastPurchaseAt': { key: 'ifnull(last_purchase_at, -1)', direction: 'DESC' },
  '-lastSeenAt': { key: 'ifnull(last_seen_at, -1)', direction: 'DESC' },
  '-createdAt': { key: 'created_at', direction: 'DESC' },
  name: { key: 'coalesce(name, user_id) COLLATE NOCASE', direction: 'ASC' },
}

const customerColumns = `id, user_id AS userId, name, email, phone, traits, created_at AS createdAt,
  first_purchase_at AS firstPurchaseAt, last_purchase_at AS lastPurchaseAt, last_seen_at AS lastSeenAt, orders, revenue,
  revenue_orders AS revenueOrders, refunds`
const purchaseColumns = `p.id, p.order_id AS orderId, c.user_id AS userId, p.amount, p.currency, p.ts, p.items, p.properties`

/**
 * SQL for the ids of one customer's purchases that can be among the newest `@limit` passing `conditions` (on `ts`
 * and `purchase_id`): those of `customer_purchases`, which holds them up to its watermark (`purchases_through`), and
 * every one after it, read by rowid. The caller orders, filters and limits the purchases themselves.
 */
function customerPurchaseIds(conditions: string[]): string {
  const where = ['customer_id = @customerId', ...conditions].join(' AND ')
  return `SELECT purchase_id FROM (
      SELECT purchase_id FROM customer_purchases WHERE ${where} ORDER BY ts DESC, purchase_id DESC LIMIT @limit
    )
    UNION ALL
    SELECT id FROM purchases WHERE id > (SELECT purchases_through FROM customer_totals) AND customer_id = @customerId`
}

/**
 * Reads of the customer base: lists with keyset pagination, one customer, its purchases and timeline.
 *
 * @example
 * const page = new CustomersStore(db).listCustomers({ appId, sort: '-revenue', limit: 50 })
 */
export class CustomersStore {
  readonly #listStatements = new Map<string, ReturnType<Db['prepare']>>()
  readonly #customerByUserId
  readonly #customerEvents
  readonly #recentPurchases
  readonly #recentRefunds
  readonly #recentCustomEvents
  readonly #exactCustomerRead

  constructor(
    private readonly db: Db,
    private readonly totals: CustomerTotalsStore,
  ) {
    this.#customerByUserId = db.prepare<[number, string], CustomerRow & TotalsWatermarks>(
      `SELECT ${customerColumns}, (SELECT totals_through FROM customer_totals) AS totalsThrough,
         (SELECT refunds_through FROM customer_totals) AS refundsThrough, (SELECT events_through FROM customer_totals) AS eventsThrough
       FROM customers WHERE app_id = ? AND user_id = ?`,
    )
    this.#customerEvents = db.prepare<[number, number], CustomerEventRow>(
      'SELECT type, at, data FROM customer_events WHERE customer_id = ? ORDER BY at DESC, id DESC LIMIT ?',
    )
    this.#recentPurchases = db.prepare<{ customerId: number; limit: number }, PurchaseRow>(
      `SELECT ${purchaseColumns} FROM purchases p JOIN customers c ON c.id = p.customer_id
       WHERE p.id IN (${customerPurchaseIds([])}) ORDER BY p.ts DESC, p.id DESC LIMIT @limit`,
    )
    this.#recentRefunds = db.prepare<{ appId: number; customerId: number; limit: number }, RefundRow>(
      `SELECT r.refund_id AS refundId, r.amount, r.currency, p.order_id AS orderId, r.ts, r.reason
       FROM refunds r LEFT JOIN purchases p ON p.id = r.purchase_id
       WHERE r.app_id = @appId AND r.customer_id = @customerId ORDER BY r.ts DESC, r.id DESC LIMIT @limit`,
    )
    // customer_activity holds a customer's events up to its watermark; the ones after it are read by rowid (the
    // customers service refreshes first when more than 10 000 wait), as for purchases.
    this.#recentCustomEvents = db.prepare<{ appId: number; customerId: number; limit: number }, CustomEventRow>(
      `SELECT n.name, e.ts, e.properties FROM events e JOIN event_names n ON n.id = e.name_id
       WHERE e.id IN (
         SELECT event_id FROM (
           SELECT event_id FROM customer_activity WHERE app_id = @appId AND customer_id = @customerId
           ORDER BY ts DESC, event_id DESC LIMIT @limit
         )
         UNION ALL
         SELECT id FROM events WHERE id > (SELECT events_through FROM customer_totals) AND customer_id = @customerId
       )
       ORDER BY e.ts DESC, e.id DESC LIMIT @limit`,
    )
    this.#exactCustomerRead = db.transaction((appId: number, userId: string) => this.#exactCustomer(appId, userId))
  }

  /** Rows not yet in the customers' stored totals (which lists show and sort by); cheap: rowid lookups. */
  pendingTotals(): number {
    return this.totals.pending()
  }

  /**
   * One page of customers; rows come with the keyset that continues after each. The rows and their order are those
   * of the stored totals: refresh them first (`pendingTotals()`) for a list of every purchase so far.
   */
  listCustomers(query: CustomerListQuery): { rows: CustomerRow[]; keyOf: (row: CustomerRow) => Keyset } {
    const { key, direction } = SORTS[query.sort]
    const comparison = direction === 'DESC' ? '<' : '>'
    const conditions = ['app_id = @appId']
    if (query.search) conditions.push(`(user_id LIKE @pattern ESCAPE '\\' OR name LIKE @pattern ESCAPE '\\' OR email LIKE @pattern ESCAPE '\\')`)
    if (query.after) conditions.push(`(${key} ${comparison} @afterValue OR (${key} = @afterValue AND id ${comparison} @afterId))`)
    const sql = `SELECT ${customerColumns}, ${key.replace(' COLLATE NOCASE', '')} AS sortKey FROM customers
      WHERE ${conditions.join(' AND ')} ORDER BY ${key} ${direction}, id ${direction} LIMIT @limit`
    const rows = this.#statement(sql).all({
      appId: query.appId,
      limit: query.limit,
      ...(query.search ? { pattern: `%${query.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%` } : {}),
      ...(query.after ? { afterValue: query.after.value, afterId: query.after.id } : {}),
    }) as (CustomerRow & { sortKey: number | string })[]
    const keys = new Map(rows.map((row) => [row.id, row.sortKey]))
    return {
      rows,
      keyOf: (row) => ({ value: keys.get(row.id) ?? 0, id: row.id }),
    }
  }

  /**
   * One customer, its totals exact: the stored ones plus what its purchases, refunds and events after their
   * watermarks add.
   *
   * @example
   * store.findCustomer(app.id, 'u_1') // { orders: 3, revenue: 2500, refunds: 500, lastSeenAt, … }
   */
  findCustomer(appId: number, userId: string): CustomerRow | undefined {
    // One read transaction: the row, its watermarks and the rows after them come from one snapshot, so a refresh
    // committed by the writer between the reads cannot count a purchase or a refund twice.
    return this.#exactCustomerRead(appId, userId)
  }

  #exactCustomer(appId: number, userId: string): CustomerRow | undefined {
    const found = this.#customerByUserId.get(appId, userId)
    if (!found) return undefined
    const { totalsThrough, refundsThrough, eventsThrough, ...row } = found
    const delta = this.totals.delta(row.id, appId, { totalsThrough, refundsThrough, eventsThrough })
    // Nothing purchased, refunded or tracked after the watermarks.
    if (delta.lastSeenAt === null) return row
    const exact: CustomerRow = {
      ...row,
      revenue: row.revenue + delta.revenue,
      refunds: row.refunds + delta.refunds,
      lastSeenAt: Math.max(row.lastSeenAt ?? delta.lastSeenAt, delta.lastSeenAt),
    }
    if (delta.firstAt === null || delta.lastAt === null) return exact
    return {
      ...exact,
      orders: row.orders + delta.orders,
      revenueOrders: row.revenueOrders + delta.revenueOrders,
      firstPurchaseAt: Math.min(row.firstPurchaseAt ?? delta.firstAt, delta.firstAt),
      lastPurchaseAt: Math.max(row.lastPurchaseAt ?? delta.lastAt, delta.lastAt),
      createdAt: Math.min(row.createdAt, delta.firstAt),
    }
  }

  customerEvents(customerId: number, limit: number): CustomerEventRow[] {
    return this.#customerEvents.all(customerId, limit)
  }

  recentPurchases(customerId: number, limit: number): PurchaseRow[] {
    return this.#recentPurchases.all({ customerId, limit })
  }

  /**
   * A customer's latest refunds, newest first (by their own time, not their order's).
   *
   * @example
   * store.recentRefunds(app.id, row.id, 200) // [{ refundId: 'r1', amount: 500, orderId: 'o1', … }]
   */
  recentRefunds(appId: number, customerId: number, limit: number): RefundRow[] {
    return this.#recentRefunds.all({ appId, customerId, limit })
  }

  /**
   * A customer's latest custom events, newest first, on both sides of the histories' watermark.
   *
   * @example
   * store.recentCustomEvents(app.id, row.id, 200) // [{ name: 'Viewed pricing', ts, properties: '{"plan":"pro"}' }]
   */
  recentCustomEvents(appId: number, customerId: number, limit: number): CustomEventRow[] {
    return this.#recentCustomEvents.all({ appId, customerId, limit })
  }

  /** One page of purchases, newest first. */
  listPurchases(query: PurchaseListQuery): PurchaseRow[] {
    const conditions = ['p.app_id = @appId']
    // The same conditions on customer_purchases' columns, so that its side of a customer's purchases stops at @limit.
    const byCustomer: string[] = []
    if (query.from !== undefined) {
      conditions.push('p.ts >= @from')
      byCustomer.push('ts >= @from')
    }
    if (query.to !== undefined) {
      conditions.push('p.ts < @to')
      byCustomer.push('ts < @to')
    }
    if (query.after) {
      conditions.push('(p.ts < @afterTs OR (p.ts = @afterTs AND p.id < @afterId))')
      byCustomer.push('(ts < @afterTs OR (ts = @afterTs AND purchase_id < @afterId))')
    }
    if (query.customerId !== undefined) {
      conditions.push(`p.id IN (${customerPurchaseIds(byCustomer)})`)
    }
    const sql = `SELECT ${purchaseColumns} FROM purchases p JOIN customers c ON c.id = p.customer_id
      WHERE ${conditions.join(' AND ')} ORDER BY p.ts DESC, p.id DESC LIMIT @limit`
    return this.#statement(sql).all({
      appId: query.appId,
      limit: query.limit,
      ...(query.customerId !== undefined ? { customerId: query.customerId } : {}),
      ...(query.from !== undefined ? { from: query.from } : {}),
      ...(query.to !== undefined ? { to: query.to } : {}),
      ...(query.after ? { afterTs: query.after.value, afterId: query.after.id } : {}),
    }) as PurchaseRow[]
  }

  /** Statements built from a fixed set of fragments are prepared once and reused. */
  #statement(sql: string): ReturnType<Db['prepare']> {
    let statement = this.#listStatements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.#listStatements.set(sql, statement)
    }
    return statement
  }
}
