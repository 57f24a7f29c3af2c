import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toCsv } from '../src/admin/client/csv'
import { planBatches } from '../src/admin/client/csv-import/batches'
import { decodeText } from '../src/admin/client/csv-import/decode-text'
import { readImportFile } from '../src/admin/client/csv-import/import-file'
import { rejectedRows, type SentProblem } from '../src/admin/client/csv-import/rejections'
import { invoiceThousandths, onlineRetailLines, type RetailLine } from './fixtures/online-retail'
import { type Account, startTestServer, type TestServer } from './harness'

// The admin page's CSV import end to end, without the browser: a raw Online Retail–shaped file (cancellation invoices,
// guests, sub-penny lines, quoted descriptions, a BOM, semicolons and decimal commas as a European spreadsheet saves
// it) read by the page's own code and sent through POST /v1/batch as the page sends it; then the server's net
// revenue, gross and refunds per month equal what the raw lines give, to the penny.
let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

/** Thousandths to pence, half up, as the server rounds an amount. */
const pence = (thousandths: number) => Math.sign(thousandths) * Math.floor((Math.abs(thousandths) + 5) / 10)

/** The file as a German Excel writes it: BOM, `;`, decimal commas, day-first dotted dates. */
function europeanCsv(lines: readonly RetailLine[]): Uint8Array {
  const dotted = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}${date.slice(10)}`
  const rows = [
    ['Invoice', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'Price', 'Customer ID', 'Country'],
    ...lines.map((line) => [line.invoice, line.stockCode, line.description, line.quantity, dotted(line.invoiceDate), line.price.replace('.', ','), line.customerId, line.country]),
  ]
  const text = toCsv(rows).replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, ';')
  return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])
}

async function importFile(key: string, bytes: Uint8Array) {
  const file = readImportFile(decodeText(bytes).text, { kind: 'detect', dateOrder: 'detect', decimalMark: 'detect', currency: 'GBP' })
  const totals = { accepted: 0, duplicates: 0, rejected: [] as SentProblem[] }
  for (const batch of planBatches([{ name: 'retail.csv', events: file.events }])) {
    const res = await server.call('POST', '/v1/batch', { key, body: { batch: batch.map((made) => made.event) } })
    expect(res.status).toBe(200)
    totals.accepted += res.body.accepted
    totals.duplicates += res.body.duplicates
    totals.rejected.push(...rejectedRows(batch, res.body.rejected))
  }
  return { file, ...totals }
}

describe('an Online Retail file imported through the admin page’s CSV reader', () => {
  const lines = onlineRetailLines(2027, 500)
  const bytes = europeanCsv(lines)
  const invoices = new Map<string, RetailLine[]>()
  for (const line of lines) invoices.set(line.invoice, [...(invoices.get(line.invoice) ?? []), line])
  // The reference, from the raw lines in exact integers: guests' invoices cannot be stored (no userId), and a
  // cancellation of free or sub-penny lines gives back nothing, which the server refuses as a refund.
  const months = new Map<string, { gross: number; refunds: number; orders: number }>()
  const expectedRejections: number[] = []
  for (const invoiceLines of invoices.values()) {
    const { invoice, customerId, invoiceDate } = invoiceLines[0]!
    const total = pence(invoiceThousandths(invoiceLines))
    const line = lines.indexOf(invoiceLines[0]!) + 2
    if (customerId === '' || (invoice.startsWith('C') && total === 0)) {
      expectedRejections.push(line)
      continue
    }
    const figures = months.get(invoiceDate.slice(0, 7)) ?? { gross: 0, refunds: 0, orders: 0 }
    if (invoice.startsWith('C')) figures.refunds -= total
    else {
      figures.gross += total
      figures.orders += 1
    }
    months.set(invoiceDate.slice(0, 7), figures)
  }
  const gross = [...months.values()].reduce((sum, figures) => sum + figures.gross, 0)
  const refunds = [...months.values()].reduce((sum, figures) => sum + figures.refunds, 0)
  let account: Account
  let first: Awaited<ReturnType<typeof importFile>>

  beforeAll(async () => {
    account = await server.signup('CSV retail')
    const patched = await server.call('PATCH', `/api/apps/${account.appId}`, { cookie: account.cookie, body: { currency: 'GBP', timezone: 'Europe/London' } })
    expect(patched.status).toBe(200)
    first = await importFile(account.secret, bytes)
  })

  it('reads every line, groups invoices, and sends cancellations as refunds', () => {
    expect(first.file).toMatchObject({ delimiter: ';', kind: 'purchase', rows: lines.length, problems: [], appCurrency: true })
    expect(first.file.events).toHaveLength(invoices.size)
    expect(first.file.cancellations).toBe([...invoices.keys()].filter((invoice) => invoice.startsWith('C')).length)
    expect(refunds).toBeGreaterThan(0)
  })

  it('has the server refuse only guests’ invoices and cancellations worth nothing, each by its first line', () => {
    expect(first.rejected.map((problem) => problem.line).sort((a, b) => a - b)).toEqual(expectedRejections.sort((a, b) => a - b))
    expect(first.accepted).toBe(invoices.size - expectedRejections.length)
  })

  it('reports net revenue, gross, refunds and orders per month, and the refund rate, to the penny of the raw lines', async () => {
    const res = await server.call('GET', '/v1/reports/sales?from=2010-12-01&to=2011-12-31&interval=month&asOf=2012-01-01T00:00:00Z', { key: account.secret })
    expect(res.status).toBe(200)
    const penniesOf = (pounds: number) => Math.round(pounds * 100)
    const series = (res.body.series as { period: string; revenue: number; grossRevenue: number; refunds: number; orders: number }[])
      .filter((point) => point.orders > 0 || point.refunds > 0)
      .map((point) => [point.period, penniesOf(point.revenue), penniesOf(point.grossRevenue), penniesOf(point.refunds), point.orders])
    expect(series).toEqual(
      [...months]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([period, figures]) => [period, figures.gross - figures.refunds, figures.gross, figures.refunds, figures.orders]),
    )
    expect(res.body.totals.refundRate).toBe(refunds / gross)
  })

  it('counts nothing twice when the same file is imported again', async () => {
    const counts = (await server.call('GET', '/v1/connection', { key: account.secret })).body.counts
    const again = await importFile(account.secret, bytes)
    expect([again.accepted, again.duplicates, again.rejected.length]).toEqual([0, first.accepted, expectedRejections.length])
    expect((await server.call('GET', '/v1/connection', { key: account.secret })).body.counts).toEqual(counts)
  })
})
