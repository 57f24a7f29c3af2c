import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cdnowPurchaseEvent, centsOf, readCdnowSample } from './fixtures/cdnow'
import {
  batchBodies,
  cancellationEvent,
  cancellationsOf,
  invoiceEvent,
  invoicesOf,
  invoiceThousandths,
  onlineRetailLines,
  thousandths,
} from './fixtures/online-retail'
import { type Account, startTestServer, type TestServer } from './harness'

// A whole retail history imported the way a new user would: raw lines grouped into orders, sent through
// POST /v1/batch in requests under the contract's limits, then every total the API shows is compared with totals
// computed from the raw lines alone, in exact integers.
let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

async function sendAll(key: string, bodies: readonly string[]): Promise<{ accepted: number; duplicates: number; rejected: unknown[] }> {
  const sum = { accepted: 0, duplicates: 0, rejected: [] as unknown[] }
  for (const rawBody of bodies) {
    const res = await server.call('POST', '/v1/batch', { key, rawBody })
    expect(res.status).toBe(200)
    sum.accepted += res.body.accepted
    sum.duplicates += res.body.duplicates
    sum.rejected.push(...res.body.rejected)
  }
  return sum
}

/** Every customer of the list, page by page, as `userId → {orders, revenue in minor units}`. */
async function listAllCustomers(key: string, exponent: number): Promise<Map<string, { orders: number; revenue: number }>> {
  const customers = new Map<string, { orders: number; revenue: number }>()
  let previousRevenue = Number.POSITIVE_INFINITY
  let cursor: string | null = null
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
    const res = await server.call('GET', `/v1/customers?sort=-revenue&limit=200${query}`, { key })
    expect(res.status).toBe(200)
    for (const customer of res.body.data as { userId: string; orders: number; revenue: number }[]) {
      expect(customers.has(customer.userId)).toBe(false)
      expect(customer.revenue).toBeLessThanOrEqual(previousRevenue)
      previousRevenue = customer.revenue
      customers.set(customer.userId, { orders: customer.orders, revenue: Math.round(customer.revenue * 10 ** exponent) })
    }
    cursor = res.body.nextCursor
  } while (cursor)
  return customers
}

/** Thousandths to pence, half up, as an invoice rounds. */
function pence(thousandths: number): number {
  return Math.floor((thousandths + 5) / 10)
}

describe('an online retailer’s invoice lines (Online Retail II’s shape: wholesale invoices, cancellations, guests)', () => {
  const lines = onlineRetailLines(2026)
  const invoices = invoicesOf(lines)
  const events = [...invoices].map(([invoice, invoiceLines]) => invoiceEvent(invoice, invoiceLines))
  const kept = [...invoices.values()].flat()

  // The reference: from the raw lines in exact integers, each invoice rounded to the penny; never from the API.
  const reference = { customers: new Map<string, { orders: Set<string>; revenue: number }>(), months: new Map<string, { orders: Set<string>; revenue: number }>() }
  for (const [invoice, invoiceLines] of invoices) {
    const { customerId, invoiceDate } = invoiceLines[0]!
    const revenue = pence(invoiceThousandths(invoiceLines))
    const customer = reference.customers.get(customerId) ?? { orders: new Set<string>(), revenue: 0 }
    customer.orders.add(invoice)
    customer.revenue += revenue
    reference.customers.set(customerId, customer)
    const month = reference.months.get(invoiceDate.slice(0, 7)) ?? { orders: new Set<string>(), revenue: 0 }
    month.orders.add(invoice)
    month.revenue += revenue
    reference.months.set(invoiceDate.slice(0, 7), month)
  }
  const totalRevenue = [...reference.customers.values()].reduce((sum, customer) => sum + customer.revenue, 0)
  let account: Account

  beforeAll(async () => {
    account = await server.signup('Retail')
    const patched = await server.call('PATCH', `/api/apps/${account.appId}`, { cookie: account.cookie, body: { currency: 'GBP', timezone: 'Europe/London' } })
    expect(patched.status).toBe(200)
  })

  it('has the quirks that break importers: invoices of hundreds of lines, free and sub-penny lines, quoted text, cancellations and guests', () => {
    const largest = Math.max(...[...invoices.values()].map((invoiceLines) => invoiceLines.length))
    expect(largest).toBeGreaterThan(500)
    expect(Math.max(...events.map((event) => Buffer.byteLength(JSON.stringify(event))))).toBeLessThan(64 * 1024)
    expect(kept.some((line) => line.price === '0.00')).toBe(true)
    expect(events.some((event) => !event.amount.endsWith('0'))).toBe(true) // totals below a penny
    expect(kept.some((line) => /[",é€]/.test(line.description))).toBe(true)
    expect(lines.some((line) => line.invoice.startsWith('C'))).toBe(true)
    expect(lines.some((line) => line.customerId === '')).toBe(true)
    expect(kept.some((line) => /-0[5-9]-01 00:30$/.test(line.invoiceDate))).toBe(true)
  })

  it('stores every order once, and a full re-send is all duplicates', async () => {
    const bodies = batchBodies(events)
    expect(bodies.length).toBeGreaterThan(1)
    expect(await sendAll(account.publishable, bodies)).toEqual({ accepted: events.length, duplicates: 0, rejected: [] })
    expect(await sendAll(account.publishable, bodies)).toEqual({ accepted: 0, duplicates: events.length, rejected: [] })
    const connection = await server.call('GET', '/v1/connection', { key: account.secret })
    expect(connection.body.counts).toEqual({ customers: reference.customers.size, purchases: invoices.size, refunds: 0, events: 0 })
  })

  it('lists every customer with the orders and revenue of the raw lines', async () => {
    const listed = await listAllCustomers(account.secret, 2)
    const expected = new Map([...reference.customers].map(([userId, customer]) => [userId, { orders: customer.orders.size, revenue: customer.revenue }]))
    expect(listed).toEqual(expected)
  })

  it('reports each month in London time with the revenue and orders of the raw lines', async () => {
    const res = await server.call('GET', '/v1/reports/sales?from=2010-12-01&to=2011-12-31&interval=month&asOf=2012-01-01T00:00:00Z', {
      key: account.secret,
    })
    expect(res.status).toBe(200)
    expect(res.body.currency).toBe('GBP')
    expect(Math.round(res.body.totals.revenue * 100)).toBe(totalRevenue)
    expect(res.body.totals).toMatchObject({ orders: invoices.size, customers: reference.customers.size })
    const series = (res.body.series as { period: string; revenue: number; orders: number }[]).filter((point) => point.orders > 0)
    expect(series.map((point) => [point.period, Math.round(point.revenue * 100), point.orders])).toEqual(
      [...reference.months].sort(([a], [b]) => a.localeCompare(b)).map(([month, totals]) => [month, totals.revenue, totals.orders.size]),
    )
  })

  it('gives back the largest invoice whole: every line, in order, with its text as sent', async () => {
    const [invoice, invoiceLines] = [...invoices].reduce((largest, entry) => (entry[1].length > largest[1].length ? entry : largest))
    const res = await server.call('GET', `/v1/purchases?userId=${encodeURIComponent(invoiceLines[0]!.customerId)}&limit=200`, { key: account.secret })
    const purchase = (res.body.data as { orderId: string; items: { productId: string; name: string; quantity: number; price: number }[] }[]).find(
      (candidate) => candidate.orderId === invoice,
    )
    expect(purchase?.items.map((item) => [item.productId, item.name, item.quantity, Math.round(item.price * 100)])).toEqual(
      invoiceLines.map((line) => [line.stockCode, line.description, Number(line.quantity), pence(thousandths(line.price))]),
    )
  })
})

describe('the same invoice lines with their cancellation invoices sent as refunds without an order', () => {
  const lines = onlineRetailLines(2026)
  const invoices = invoicesOf(lines)
  // A cancellation of free or sub-penny lines alone gives back nothing: not a refund, so an importer skips it.
  const cancellations = [...cancellationsOf(lines)].filter(([, invoiceLines]) => pence(-invoiceThousandths(invoiceLines)) > 0)
  const events = [
    ...[...invoices].map(([invoice, invoiceLines]) => invoiceEvent(invoice, invoiceLines)),
    ...cancellations.map(([invoice, invoiceLines]) => cancellationEvent(invoice, invoiceLines)),
  ]

  // The reference, from the raw lines in exact integers: pence sold and given back per month (London time, as the
  // file writes it) and per customer.
  const months = new Map<string, { gross: number; refunds: number; orders: number }>()
  const customers = new Map<string, number>()
  const month = (date: string) => {
    const figures = months.get(date.slice(0, 7)) ?? { gross: 0, refunds: 0, orders: 0 }
    months.set(date.slice(0, 7), figures)
    return figures
  }
  for (const [, invoiceLines] of invoices) {
    const { customerId, invoiceDate } = invoiceLines[0]!
    const revenue = pence(invoiceThousandths(invoiceLines))
    month(invoiceDate).gross += revenue
    month(invoiceDate).orders += 1
    customers.set(customerId, (customers.get(customerId) ?? 0) + revenue)
  }
  for (const [, invoiceLines] of cancellations) {
    const { customerId, invoiceDate } = invoiceLines[0]!
    const given = pence(-invoiceThousandths(invoiceLines))
    month(invoiceDate).refunds += given
    customers.set(customerId, (customers.get(customerId) ?? 0) - given)
  }
  const gross = [...months.values()].reduce((sum, figures) => sum + figures.gross, 0)
  const refunds = [...months.values()].reduce((sum, figures) => sum + figures.refunds, 0)
  let account: Account

  beforeAll(async () => {
    account = await server.signup('Retail with cancellations')
    const patched = await server.call('PATCH', `/api/apps/${account.appId}`, { cookie: account.cookie, body: { currency: 'GBP', timezone: 'Europe/London' } })
    expect(patched.status).toBe(200)
    expect(await sendAll(account.secret, batchBodies(events))).toEqual({ accepted: events.length, duplicates: 0, rejected: [] })
  })

  it('has dozens of cancellations that give money back', () => {
    expect(cancellations.length).toBeGreaterThan(10)
    expect(refunds).toBeGreaterThan(0)
  })

  it('reports net revenue, gross and refunds per month, and the refund rate, to the penny of the raw lines', async () => {
    const res = await server.call('GET', '/v1/reports/sales?from=2010-12-01&to=2011-12-31&interval=month&asOf=2012-01-01T00:00:00Z', { key: account.secret })
    expect(res.status).toBe(200)
    const penniesOf = (pounds: number) => Math.round(pounds * 100)
    const series = (res.body.series as { period: string; revenue: number; grossRevenue: number; refunds: number; orders: number; partial: boolean }[])
      .filter((point) => point.orders > 0 || point.refunds > 0)
      .map((point) => [point.period, penniesOf(point.revenue), penniesOf(point.grossRevenue), penniesOf(point.refunds), point.orders, point.partial])
    expect(series).toEqual(
      [...months]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([period, figures]) => [period, figures.gross - figures.refunds, figures.gross, figures.refunds, figures.orders, false]),
    )
    expect([penniesOf(res.body.totals.revenue), penniesOf(res.body.totals.grossRevenue), penniesOf(res.body.totals.refunds)]).toEqual([gross - refunds, gross, refunds])
    expect(res.body.totals.refundRate).toBe(refunds / gross)
    // The best customers by net revenue, each as the raw lines have it.
    const top = res.body.topCustomers as { userId: string; revenue: number }[]
    expect(top.map((customer) => [customer.userId, penniesOf(customer.revenue)])).toEqual(top.map((customer) => [customer.userId, customers.get(customer.userId)]))
    expect(top.map((customer) => penniesOf(customer.revenue))).toEqual([...customers.values()].sort((a, b) => b - a).slice(0, top.length))
  })
})

describe('the CDNOW sample, one purchase a line (Fader & Hardie)', () => {
  const purchases = readCdnowSample()
  const cents = purchases.map(centsOf)
  let account: Account

  beforeAll(async () => {
    account = await server.signup('Cdnow')
    const result = await sendAll(account.secret, batchBodies(purchases.map(cdnowPurchaseEvent)))
    expect(result).toEqual({ accepted: purchases.length, duplicates: 0, rejected: [] })
  })

  it('counts the file’s 2,357 customers and 6,919 purchases, and its revenue to the cent', async () => {
    const connection = await server.call('GET', '/v1/connection', { key: account.secret })
    expect(connection.body.counts).toEqual({ customers: 2357, purchases: 6919, refunds: 0, events: 0 })
    const listed = await listAllCustomers(account.secret, 2)
    const expected = new Map<string, { orders: number; revenue: number }>()
    purchases.forEach((purchase, index) => {
      const customer = expected.get(purchase.customerId) ?? { orders: 0, revenue: 0 }
      expected.set(purchase.customerId, { orders: customer.orders + 1, revenue: customer.revenue + cents[index]! })
    })
    expect(listed).toEqual(expected)
    const report = await server.call('GET', '/v1/reports/sales?from=1997-01-01&to=1998-06-30&interval=month&asOf=1998-07-01T00:00:00Z', {
      key: account.secret,
    })
    expect(Math.round(report.body.totals.revenue * 100)).toBe(cents.reduce((sum, value) => sum + value, 0))
    expect(report.body.totals).toMatchObject({ orders: 6919, customers: 2357 })
  })
})
