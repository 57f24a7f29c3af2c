import { describe, expect, it } from 'vitest'
import { invoiceThousandths, onlineRetailLines, thousandths } from '../../../../test/fixtures/online-retail'
import { toCsv } from '../csv'
import { decodeText } from './decode-text'
import type { ImportOptions } from './import-types'
import { readImportFile } from './import-file'

const options: ImportOptions = { kind: 'detect', dateOrder: 'detect', decimalMark: 'detect', currency: 'GBP' }

/** The events' bodies only. */
const bodies = (text: string, chosen: ImportOptions = options) => readImportFile(text, chosen).events.map((made) => made.event)

describe('readImportFile', () => {
  it('reads a small Online Retail file: invoices as orders with items, a cancellation invoice as a refund without an order', () => {
    const text =
      '\ufeffInvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\r\n' +
      '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom\r\n' +
      '536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom\r\n' +
      '536365,84406B,"SET OF 3 CAKE TINS, PANTRY DESIGN",8,12/1/2010 8:26,2.75,17850,United Kingdom\r\n' +
      '536370,22728,ALARM CLOCK BAKELIKE PINK,24,12/1/2010 8:45,3.75,12583,France\r\n' +
      '536370,POST,POSTAGE,3,12/1/2010 8:45,18,12583,France\r\n' +
      'C536379,D,Discount,-1,12/1/2010 9:41,27.5,14527,United Kingdom\r\n' +
      'C536383,35004C,SET OF 3 COLOURED  FLYING DUCKS,-1,12/1/2010 9:49,4.65,15311,United Kingdom\r\n' +
      '536414,22139,,56,12/1/2010 11:52,0,,United Kingdom\r\n' +
      '581483,23843,"PAPER CRAFT , LITTLE BIRDIE",80995,12/9/2011 9:15,2.08,16446,United Kingdom\r\n' +
      'C581484,23843,"PAPER CRAFT , LITTLE BIRDIE",-80995,12/9/2011 9:27,2.08,16446,United Kingdom\r\n'
    // Its dates are month first: 12/1/2010 reads two ways until the form says so.
    const refused = readImportFile(text, options)
    expect(refused.events).toEqual([])
    expect(refused.problems.map((problem) => [problem.line, problem.code, problem.groupId])).toEqual([
      [2, 'ambiguousDate', '536365'],
      [3, 'ambiguousDate', '536365'],
      [4, 'ambiguousDate', '536365'],
      [5, 'ambiguousDate', '536370'],
      [6, 'ambiguousDate', '536370'],
      [7, 'ambiguousDate', undefined],
      [8, 'ambiguousDate', undefined],
      [9, 'ambiguousDate', undefined],
      [10, 'ambiguousDate', undefined],
      [11, 'ambiguousDate', undefined],
    ])

    const file = readImportFile(text, { ...options, dateOrder: 'mdy' })
    expect(file).toMatchObject({ delimiter: ',', kind: 'purchase', rows: 10, problems: [], cancellations: 3, appCurrency: true })
    expect(file.events.map((made) => [made.line, made.event.type, made.event.orderId ?? made.event.refundId, made.event.userId, made.event.amount, made.event.timestamp])).toEqual([
      [2, 'purchase', '536365', '17850', '57.64', '2010-12-01T08:26:00'],
      [5, 'purchase', '536370', '12583', '144.00', '2010-12-01T08:45:00'],
      [7, 'refund', 'C536379', '14527', '27.5', '2010-12-01T09:41:00'],
      [8, 'refund', 'C536383', '15311', '4.65', '2010-12-01T09:49:00'],
      // No customer: the server refuses it for its missing userId, and the report names this line.
      [9, 'purchase', '536414', undefined, '0', '2010-12-01T11:52:00'],
      [10, 'purchase', '581483', '16446', '168469.60', '2011-12-09T09:15:00'],
      [11, 'refund', 'C581484', '16446', '168469.60', '2011-12-09T09:27:00'],
    ])
    expect(file.events[0]!.event.items).toEqual([
      { productId: '85123A', name: 'WHITE HANGING HEART T-LIGHT HOLDER', quantity: 6, price: '2.55' },
      { productId: '71053', name: 'WHITE METAL LANTERN', quantity: 6, price: '3.39' },
      { productId: '84406B', name: 'SET OF 3 CAKE TINS, PANTRY DESIGN', quantity: 8, price: '2.75' },
    ])
    expect(file.events.find((made) => made.event.refundId === 'C536379')!.event).toEqual({
      type: 'refund',
      refundId: 'C536379',
      userId: '14527',
      amount: '27.5',
      currency: 'GBP',
      timestamp: '2010-12-01T09:41:00',
      items: [{ productId: 'D', name: 'Discount', quantity: 1, price: '27.5' }],
    })
  })

  it('gives every invoice of a generated Online Retail year its exact total, and every cancellation its refund', () => {
    const lines = onlineRetailLines(19, 150)
    const text = toCsv([
      ['Invoice', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'Price', 'Customer ID', 'Country'],
      ...lines.map((line) => [line.invoice, line.stockCode, line.description, line.quantity, line.invoiceDate, line.price, line.customerId, line.country]),
    ])
    const file = readImportFile(text, options)
    expect(file.problems).toEqual([])
    const byInvoice = new Map<string, typeof lines>()
    for (const line of lines) byInvoice.set(line.invoice, [...(byInvoice.get(line.invoice) ?? []), line])
    expect(file.events).toHaveLength(byInvoice.size)
    for (const made of file.events) {
      const invoice = String(made.event.orderId ?? made.event.refundId)
      const invoiceLines = byInvoice.get(invoice)!
      expect(made.event.type).toBe(invoice.startsWith('C') ? 'refund' : 'purchase')
      expect(thousandths(String(made.event.amount)), invoice).toBe(Math.abs(invoiceThousandths(invoiceLines)))
      expect(made.event.userId).toBe(invoiceLines[0]!.customerId || undefined)
      expect(made.event.timestamp).toBe(invoiceLines[0]!.invoiceDate.replace(' ', 'T') + ':00')
      expect(made.rows).toBe(invoiceLines.length)
    }
    expect(file.cancellations).toBe([...byInvoice.keys()].filter((invoice) => invoice.startsWith('C')).length)
    expect(file.cancellations).toBeGreaterThan(0)
  })

  it('reads a Russian Excel file: Windows-1251, semicolons, 1 200,50, dd.mm.yyyy, lower-case currency, quoted ; and line breaks', () => {
    const text =
      'Номер заказа;Клиент;Дата;Сумма;Валюта;Товар\r\n' +
      '1001;u1;10.12.2011;1 200,50;rub;"Чайник; белый"\r\n' +
      '1002;u2;11.12.2011 14:05;"12 345,00";RUB;"Сервиз\r\nна 6 персон"\r\n' +
      '1003;u2;12.12.2011;-1 200,50;rub;Чайник\r\n' +
      '1004;u3;13.12.2011;1,200;rub;Чашка\r\n'
    const bytes = Uint8Array.from([...text].map((char) => {
      const code = char.charCodeAt(0)
      return code < 0x80 ? code : code - 0x410 + 0xc0
    }))
    const decoded = decodeText(bytes)
    expect(decoded.encoding).toBe('windows-1251')
    const file = readImportFile(decoded.text, { ...options, currency: 'RUB' })
    expect(file).toMatchObject({ delimiter: ';', kind: 'purchase', rows: 4, cancellations: 1, appCurrency: false })
    expect(file.events.map((made) => [made.line, made.event])).toEqual([
      [2, { type: 'purchase', orderId: '1001', userId: 'u1', amount: '1200.50', currency: 'RUB', timestamp: '2011-12-10T00:00:00', product: 'Чайник; белый' }],
      [3, { type: 'purchase', orderId: '1002', userId: 'u2', amount: '12345.00', currency: 'RUB', timestamp: '2011-12-11T14:05:00', product: 'Сервиз на 6 персон' }],
      [5, { type: 'refund', refundId: '1003', userId: 'u2', amount: '1200.50', currency: 'RUB', timestamp: '2011-12-12T00:00:00', items: [{ name: 'Чайник', price: '1200.50' }] }],
    ])
    // 1,200 in a file of decimal commas could still be 1.2 or 1200: refused, with its row.
    expect(file.problems).toEqual([{ line: 6, code: 'ambiguousAmount', column: 'Сумма', value: '1,200' }])
  })

  it('reads one file of all four kinds by its type column', () => {
    const text =
      'type,userId,name,orderId,refundId,amount,currency,timestamp,event,plan\n' +
      'user,u1,Ada,,,,,2024-12-01,,pro\n' +
      'purchase,u1,,o1,,12.50,usd,2025-01-05,,\n' +
      'Refund,u1,,o1,r1,2.50,USD,2025-01-06,,\n' +
      'event,u1,,,,,,2025-01-07 10:00,Opened support ticket,pro\n' +
      'order,u1,,o2,,1,USD,,,\n'
    const file = readImportFile(text, { ...options, currency: 'EUR' })
    expect(file.kind).toBe('byRow')
    expect(file.events.map((made) => made.event)).toEqual([
      { type: 'user', userId: 'u1', name: 'Ada', createdAt: '2024-12-01T00:00:00', traits: { plan: 'pro' } },
      { type: 'purchase', orderId: 'o1', userId: 'u1', amount: '12.50', currency: 'USD', timestamp: '2025-01-05T00:00:00' },
      { type: 'refund', refundId: 'r1', userId: 'u1', amount: '2.50', currency: 'USD', orderId: 'o1', timestamp: '2025-01-06T00:00:00' },
      {
        type: 'event',
        userId: 'u1',
        event: 'Opened support ticket',
        timestamp: '2025-01-07T10:00:00',
        properties: { plan: 'pro' },
        messageId: expect.stringMatching(/^csv-/),
      },
    ])
    expect(file.problems).toEqual([{ line: 6, code: 'unknownType', column: 'type', value: 'order' }])
  })

  it('tells a refunds file and an events file by their header, and reads tab-separated files', () => {
    expect(bodies('refundId\torderId\tuserId\tamount\tcurrency\nr9\to9\tu9\t5\tusd\n')).toEqual([
      { type: 'refund', refundId: 'r9', userId: 'u9', amount: '5', currency: 'USD', orderId: 'o9' },
    ])
    expect(bodies('Event;User ID;Date;Page\nViewed pricing;u9;2025-01-06;/pricing\n')).toEqual([
      { type: 'event', userId: 'u9', event: 'Viewed pricing', timestamp: '2025-01-06T00:00:00', properties: { Page: '/pricing' }, messageId: expect.stringMatching(/^csv-/) },
    ])
    expect(bodies('userId,email\nu9,a@b.c\n', { ...options, kind: 'event' })).toEqual([{ type: 'event', userId: 'u9', properties: { email: 'a@b.c' }, messageId: expect.stringMatching(/^csv-/) }])
  })

  it('reads nothing from a file whose header names no known column, or that has only a header', () => {
    expect(readImportFile('foo,bar\n1,2\n', options)).toMatchObject({ kind: undefined, rows: 1, events: [], problems: [] })
    expect(readImportFile('userId\n', options)).toMatchObject({ kind: 'user', rows: 0, events: [] })
    expect(readImportFile('', options)).toMatchObject({ kind: undefined, rows: 0, events: [] })
  })
})
