import { expect, test } from 'vitest'
import { checkCurrency, checkItems, checkMoney, checkOptionalId } from './field-checks'

test('checkCurrency takes ISO 4217 codes in any case and names the field otherwise', () => {
  for (const code of ['USD', 'usd', 'Eur', 'JPY']) expect(checkCurrency(code)).toBeUndefined()
  for (const code of ['ABC', 'EURO', '', 5, undefined]) expect(checkCurrency(code)).toBe(`currency must be an ISO 4217 code such as "USD", not ${String(code)}`)
})

test('checkItems takes no items or a non-empty array', () => {
  expect(checkItems(undefined)).toBeUndefined()
  expect(checkItems([{ name: 'Tea', price: 5 }])).toBeUndefined()
  for (const items of [[], {}, 'Tea', null]) expect(checkItems(items)).toBe('items must be a non-empty array')
})

test('checkOptionalId takes nothing or an id', () => {
  expect(checkOptionalId(undefined, 'orderId')).toBeUndefined()
  expect(checkOptionalId('o1', 'orderId')).toBeUndefined()
  for (const id of ['', '  ', 42, null]) expect(checkOptionalId(id, 'orderId')).toBe('orderId must be a non-empty string')
})

test('checkMoney takes major units as a finite number >= 0 or a decimal string', () => {
  for (const amount of [0, 19.99, '19.99', '1500']) expect(checkMoney(amount, 'amount')).toBeUndefined()
  for (const amount of [-1, Number.NaN, '1,5', '1e3', ' 5', 5n]) expect(checkMoney(amount, 'amount')).toMatch(/^amount must be a number >= 0/)
})
