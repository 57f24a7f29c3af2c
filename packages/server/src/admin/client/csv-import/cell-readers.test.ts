import { describe, expect, it } from 'vitest'
import { amountCell, quantityCell, quantityDecimal, timeCell } from './cell-readers'
import { mapHeader } from './header'

const header = mapHeader(['InvoiceDate', 'UnitPrice', 'Quantity', 'Created At'])
const row = (cells: string[]) => ({ line: 7, cells })

describe('cell readers', () => {
  it('read times, money and quantities, and leave empty cells to the server', () => {
    expect(timeCell(header, row(['2011-12-10']), 'timestamp', 'detect')).toEqual({ ok: true, value: '2011-12-10T00:00:00' })
    expect(timeCell(header, row(['', '', '', '01.02.2011']), 'createdAt', 'detect')).toEqual({ ok: true, value: '2011-02-01T00:00:00' })
    expect(timeCell(header, row(['']), 'timestamp', 'detect')).toEqual({ ok: true, value: undefined })
    expect(amountCell(header, row(['', '1 200,50']), 'price', 'detect')).toEqual({ ok: true, value: { units: 120050n, scale: 2 } })
    expect(amountCell(header, row(['', '']), 'price', 'detect')).toEqual({ ok: true, value: undefined })
    expect(amountCell(mapHeader(['x']), row(['3']), 'amount', 'detect')).toEqual({ ok: true, value: undefined })
    expect(quantityCell(header, row(['', '', '-6']), 'detect')).toEqual({ ok: true, value: -6 })
    expect(quantityCell(header, row(['', '', '']), 'detect')).toEqual({ ok: true, value: 1 })
    expect(quantityCell(mapHeader(['price']), row(['1']), 'detect')).toEqual({ ok: true, value: 1 })
    expect(quantityDecimal(-6)).toEqual({ units: -6n, scale: 0 })
  })

  it('name the row, the column as written and the cell in a problem', () => {
    expect(timeCell(header, row(['01/02/2011']), 'timestamp', 'detect')).toEqual({
      ok: false,
      problem: { line: 7, code: 'ambiguousDate', column: 'InvoiceDate', value: '01/02/2011' },
    })
    expect(amountCell(header, row(['', ' 1,200 ']), 'price', 'detect')).toEqual({
      ok: false,
      problem: { line: 7, code: 'ambiguousAmount', column: 'UnitPrice', value: '1,200' },
    })
    expect(quantityCell(header, row(['', '', '1.5']), 'detect')).toEqual({
      ok: false,
      problem: { line: 7, code: 'notWholeQuantity', column: 'Quantity', value: '1.5' },
    })
  })
})
