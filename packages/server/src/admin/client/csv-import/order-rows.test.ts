import { describe, expect, it } from 'vitest'
import { parseCsvLines } from '../csv'
import { mapHeader } from './header'
import type { ImportOptions } from './import-types'
import { orderEvents, type OrderRow } from './order-rows'

const options: ImportOptions = { kind: 'detect', dateOrder: 'detect', decimalMark: 'detect', currency: 'GBP' }

/** A CSV text's rows, all of one kind. */
function read(text: string, kind: OrderRow['kind'] = 'purchase', chosen: ImportOptions = options) {
  const [header, ...rows] = parseCsvLines(text)
  return orderEvents(
    rows.map((row) => ({ row, kind })),
    mapHeader(header!.cells),
    chosen,
  )
}

describe('orderEvents, one row per order', () => {
  it('makes purchases of whole-order rows, currency in capitals', () => {
    expect(read('orderId,userId,amount,currency,timestamp,product\no1,u1,"1,200.00",gbp,2025-01-05,Tea\n')).toEqual({
      events: [
        {
          line: 2,
          rows: 1,
          event: { type: 'purchase', orderId: 'o1', userId: 'u1', amount: '1200.00', currency: 'GBP', timestamp: '2025-01-05T00:00:00', product: 'Tea' },
        },
      ],
      problems: [],
    })
  })

  it('makes a negative purchase a refund without an order, its id the refundId', () => {
    expect(read('orderId,userId,amount,currency,product\nC7,u1,-3.50,USD,Tea\n').events).toEqual([
      {
        line: 2,
        rows: 1,
        cancellation: true,
        event: { type: 'refund', refundId: 'C7', userId: 'u1', amount: '3.50', currency: 'USD', items: [{ name: 'Tea', price: '3.50' }] },
      },
    ])
  })

  it('takes refunds without their sign, linked to their order, with the reason', () => {
    expect(read('refundId,orderId,userId,amount,currency,reason\nr1,o1,u1,-2.5,USD,Broken\n', 'refund').events).toEqual([
      { line: 2, rows: 1, event: { type: 'refund', refundId: 'r1', userId: 'u1', amount: '2.5', currency: 'USD', orderId: 'o1', reason: 'Broken' } },
    ])
  })

  it('uses the app’s currency when the file has no currency column, and leaves empty cells to the server', () => {
    expect(read('orderId,userId,amount\no1,,5\n').events[0]!.event).toEqual({ type: 'purchase', orderId: 'o1', amount: '5', currency: 'GBP' })
    expect(read('orderId,userId,amount,currency\no1,u1,5,\n').events[0]!.event).toEqual({ type: 'purchase', orderId: 'o1', userId: 'u1', amount: '5' })
  })

  it('refuses an ambiguous amount, an unclear date and a repeated order, naming the row', () => {
    expect(read('orderId,userId,amount,date\no1,u1,"1,200",2025-01-05\no2,u1,3,01/02/2011\no3,u1,3,2025-01-05\no3,u1,3,2025-01-05\n').problems).toEqual([
      { line: 2, code: 'ambiguousAmount', column: 'amount', value: '1,200' },
      { line: 3, code: 'ambiguousDate', column: 'date', value: '01/02/2011' },
      { line: 5, code: 'repeatedId', column: 'orderId', value: 'o3', otherLine: 4 },
    ])
  })

  it('reads an amount that reads two ways by the chosen decimal mark', () => {
    expect(read('orderId,userId,amount\no1,u1,"1,200"\n', 'purchase', { ...options, decimalMark: '.' }).events[0]!.event).toMatchObject({ amount: '1200' })
  })
})

describe('orderEvents, one row per line', () => {
  const header = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n'

  it('groups an invoice’s lines into one order with items, its amount exact', () => {
    const text =
      header +
      '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26,2.55,17850,United Kingdom\n' +
      '536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28,1.85,17850,United Kingdom\n' +
      '536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26,3.39,17850,United Kingdom\n' +
      '536365,21730,,3,2010-12-01 08:26,0.001,17850,United Kingdom\n'
    expect(read(text)).toEqual({
      events: [
        {
          line: 2,
          itemLines: [2, 4, 5],
          rows: 3,
          event: {
            type: 'purchase',
            orderId: '536365',
            userId: '17850',
            amount: '35.643',
            currency: 'GBP',
            timestamp: '2010-12-01T08:26:00',
            items: [
              { productId: '85123A', name: 'WHITE HANGING HEART T-LIGHT HOLDER', quantity: 6, price: '2.55' },
              { productId: '71053', name: 'WHITE METAL LANTERN', quantity: 6, price: '3.39' },
              { productId: '21730', name: '21730', quantity: 3, price: '0.001' },
            ],
          },
        },
        {
          line: 3,
          itemLines: [3],
          rows: 1,
          event: {
            type: 'purchase',
            orderId: '536366',
            userId: '17850',
            amount: '11.10',
            currency: 'GBP',
            timestamp: '2010-12-01T08:28:00',
            items: [{ productId: '22633', name: 'HAND WARMER UNION JACK', quantity: 6, price: '1.85' }],
          },
        },
      ],
      problems: [],
    })
  })

  it('makes a cancellation invoice a refund without an order, quantities positive', () => {
    const text = header + 'C536379,D,Discount,-1,2010-12-01 09:41,27.50,14527,United Kingdom\nC536379,22556,PLASTERS IN TIN CIRCUS PARADE,-12,2010-12-01 09:41,1.65,14527,United Kingdom\n'
    expect(read(text).events).toEqual([
      {
        line: 2,
        itemLines: [2, 3],
        rows: 2,
        cancellation: true,
        event: {
          type: 'refund',
          refundId: 'C536379',
          userId: '14527',
          amount: '47.30',
          currency: 'GBP',
          timestamp: '2010-12-01T09:41:00',
          items: [
            { productId: 'D', name: 'Discount', quantity: 1, price: '27.50' },
            { productId: '22556', name: 'PLASTERS IN TIN CIRCUS PARADE', quantity: 12, price: '1.65' },
          ],
        },
      },
    ])
  })

  it('refuses a whole invoice for one bad line, one that mixes sales and returns, or whose lines disagree', () => {
    const text =
      header +
      '1,A,Tea,2,2010-12-01 08:26,2.55,17850,UK\n' +
      '1,B,Cup,1,2010-12-01 08:26,"1,250",17850,UK\n' +
      '2,A,Tea,2,2010-12-01 08:26,2.55,17850,UK\n' +
      '2,B,Cup,-1,2010-12-01 08:26,1.25,17850,UK\n' +
      '3,A,Tea,2,2010-12-01 08:26,2.55,17850,UK\n' +
      '3,B,Cup,1,2010-12-01 08:26,1.25,12000,UK\n' +
      '4,A,Tea,1.5,2010-12-01 08:26,2.55,17850,UK\n'
    expect(read(text)).toEqual({
      events: [],
      problems: [
        { line: 3, code: 'ambiguousAmount', column: 'UnitPrice', value: '1,250', groupId: '1' },
        { line: 5, code: 'mixedSigns', value: '2', otherLine: 4, groupId: '2' },
        { line: 7, code: 'linesDisagree', column: 'CustomerID', value: '12000', otherLine: 6, groupId: '3' },
        { line: 8, code: 'notWholeQuantity', column: 'Quantity', value: '1.5' },
      ],
    })
  })

  it('groups refund lines by refundId and keeps the lines without an id apart', () => {
    const text = 'refundId,orderId,userId,product,quantity,price,currency\nr1,o1,u1,Tea,2,-2.50,eur\nr1,o1,u1,Cup,1,1,eur\n,o1,u1,Tea,1,1,eur\n,o1,u1,Tea,1,1,eur\n'
    const { events } = read(text, 'refund')
    expect(events.map((made) => [made.line, made.event])).toEqual([
      [2, { type: 'refund', refundId: 'r1', userId: 'u1', amount: '6.00', currency: 'EUR', orderId: 'o1', items: [{ name: 'Tea', quantity: 2, price: '2.50' }, { name: 'Cup', quantity: 1, price: '1' }] }],
      [4, { type: 'refund', userId: 'u1', amount: '1', currency: 'EUR', orderId: 'o1', items: [{ name: 'Tea', quantity: 1, price: '1' }] }],
      [5, { type: 'refund', userId: 'u1', amount: '1', currency: 'EUR', orderId: 'o1', items: [{ name: 'Tea', quantity: 1, price: '1' }] }],
    ])
  })
})
