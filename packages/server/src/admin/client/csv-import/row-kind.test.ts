import { describe, expect, it } from 'vitest'
import { mapHeader } from './header'
import { fileKind, rowKind } from './row-kind'

describe('fileKind', () => {
  it('tells the kind from the header', () => {
    expect(fileKind(mapHeader(['refundId', 'orderId', 'userId', 'amount']), 'detect')).toBe('refund')
    expect(fileKind(mapHeader(['userId', 'event', 'timestamp', 'page']), 'detect')).toBe('event')
    expect(fileKind(mapHeader(['InvoiceNo', 'StockCode', 'Quantity', 'UnitPrice', 'CustomerID']), 'detect')).toBe('purchase')
    expect(fileKind(mapHeader(['userId', 'name', 'email']), 'detect')).toBe('user')
    expect(fileKind(mapHeader(['Type', 'userId']), 'detect')).toBe('byRow')
    expect(fileKind(mapHeader(['foo', 'bar']), 'detect')).toBeUndefined()
  })

  it('obeys the form’s choice, even over a type column', () => {
    expect(fileKind(mapHeader(['userId', 'name']), 'event')).toBe('event')
    expect(fileKind(mapHeader(['type', 'orderId']), 'purchase')).toBe('purchase')
  })
})

describe('rowKind', () => {
  it('reads the four kinds in any case, plural or Russian', () => {
    expect(['purchase', 'Refund', ' EVENT ', 'users', 'Возврат'].map(rowKind)).toEqual(['purchase', 'refund', 'event', 'user', 'refund'])
    expect(rowKind('order')).toBeUndefined()
    expect(rowKind('')).toBeUndefined()
  })
})
