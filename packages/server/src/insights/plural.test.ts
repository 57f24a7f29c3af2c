import { describe, expect, it } from 'vitest'
import { plural } from './plural'

const customers = { one: 'покупатель', few: 'покупателя', many: 'покупателей', other: 'покупателя' }

describe('plural', () => {
  it('chooses Russian forms by the last digits', () => {
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map((count) => `${count} ${plural('ru', count, customers)}`)).toEqual([
      '1 покупатель',
      '2 покупателя',
      '4 покупателя',
      '5 покупателей',
      '11 покупателей',
      '12 покупателей',
      '14 покупателей',
      '21 покупатель',
      '22 покупателя',
      '25 покупателей',
      '101 покупатель',
      '111 покупателей',
    ])
    expect(plural('ru', 1.5, customers)).toBe('покупателя')
  })

  it('chooses English forms', () => {
    expect([0, 1, 2].map((count) => plural('en', count, { one: 'customer', other: 'customers' }))).toEqual(['customers', 'customer', 'customers'])
  })
})
