import { describe, expect, it } from 'vitest'
import { cellOf, mapHeader, otherCells } from './header'

describe('mapHeader', () => {
  it('matches the Online Retail columns in any order', () => {
    const header = mapHeader(['Country', 'InvoiceDate', 'CustomerID', 'UnitPrice', 'Quantity', 'Description', 'StockCode', 'InvoiceNo'])
    expect(header.fields).toEqual([undefined, 'timestamp', 'userId', 'price', 'quantity', 'product', 'productId', 'orderId'])
    expect(header.columns).toMatchObject({ orderId: 7, userId: 2, price: 3 })
    expect(mapHeader(['Invoice', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'Price', 'Customer ID', 'Country']).fields).toEqual([
      'orderId',
      'productId',
      'product',
      'quantity',
      'timestamp',
      'price',
      'userId',
      undefined,
    ])
  })

  it('ignores case, spaces, underscores, dashes and dots, and knows common aliases', () => {
    expect(mapHeader(['order_id', 'USER ID', 'e-mail', 'Refund-ID', 'Currency Code', 'Event Name', 'qty.', 'SKU', 'Created At', 'messageId']).fields).toEqual([
      'orderId',
      'userId',
      'email',
      'refundId',
      'currency',
      'event',
      'quantity',
      'productId',
      'createdAt',
      'messageId',
    ])
  })

  it('knows Russian headers', () => {
    expect(mapHeader(['Тип', 'Клиент', 'Номер заказа', 'Дата', 'Сумма', 'Валюта', 'Кол-во', 'Цена', 'Артикул', 'Наименование', 'Событие', 'Причина', '№ счёта']).fields).toEqual([
      'type',
      'userId',
      'orderId',
      'timestamp',
      'amount',
      'currency',
      'quantity',
      'price',
      'productId',
      'product',
      'event',
      'reason',
      undefined,
    ])
  })

  it('leaves a second column of the same field and unknown columns unmatched', () => {
    expect(mapHeader(['Invoice', 'InvoiceNo', 'plan', '']).fields).toEqual(['orderId', undefined, undefined, undefined])
  })
})

describe('cellOf and otherCells', () => {
  const header = mapHeader(['userId', ' Plan ', 'email', 'Country', ''])

  it('reads a field’s trimmed cell, empty when the column or the cell is missing', () => {
    expect(cellOf(header, [' u1 ', 'pro'], 'userId')).toBe('u1')
    expect(cellOf(header, ['u1'], 'email')).toBe('')
    expect(cellOf(header, ['u1'], 'orderId')).toBe('')
    expect(cellOf(header, ['Ada\r\nLovelace\t'], 'userId')).toBe('Ada Lovelace')
  })

  it('collects the non-empty cells of the columns not used, by header', () => {
    expect(otherCells(header, ['u1', ' pro ', 'a@b.c', '', 'no header'], ['userId', 'email'])).toEqual({ Plan: 'pro' })
    expect(otherCells(header, ['u1', ' pro ', 'a@b.c', 'FR'], ['userId'])).toEqual({ Plan: 'pro', email: 'a@b.c', Country: 'FR' })
  })
})
