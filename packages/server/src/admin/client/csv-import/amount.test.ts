import { describe, expect, it } from 'vitest'
import { readAmount, type DecimalMark } from './amount'
import { decimalText } from './decimal'

/** The amount as the server gets it, or the problem. */
function read(cell: string, mark: DecimalMark = 'detect'): string {
  const reading = readAmount(cell, mark)
  return reading.ok ? decimalText(reading.value) : reading.problem
}

describe('readAmount', () => {
  it('reads plain numbers, signs and accounting parentheses', () => {
    expect(read('12.50')).toBe('12.50')
    expect(read(' 7 ')).toBe('7')
    expect(read('-3')).toBe('-3')
    expect(read('+3')).toBe('3')
    expect(read('\u22124.95')).toBe('-4.95')
    expect(read('4.95-')).toBe('-4.95')
    expect(read('(1,200.00)')).toBe('-1200.00')
    expect(read('0.001')).toBe('0.001')
    expect(read('.5')).toBe('0.5')
    expect(read("'-4")).toBe('-4')
    expect(read("'(4.50)")).toBe('-4.50')
  })

  it('reads a point or a comma as the decimal mark when the cell says which', () => {
    expect(read('1,200.00')).toBe('1200.00')
    expect(read('1.200,00')).toBe('1200.00')
    expect(read('1 200,00')).toBe('1200.00')
    expect(read('1\u00a0200,50')).toBe('1200.50')
    expect(read('1\u202f200,50')).toBe('1200.50')
    expect(read('1\u2009200.50')).toBe('1200.50')
    expect(read("1'200.50")).toBe('1200.50')
    expect(read('12 345 678,9')).toBe('12345678.9')
    expect(read('1,234,567.891')).toBe('1234567.891')
    expect(read('1.234.567,891')).toBe('1234567.891')
    expect(read('12,5')).toBe('12.5')
    expect(read('0,500')).toBe('0.500')
    expect(read('1234,567')).toBe('1234.567')
  })

  it('reads grouping alone as a whole number', () => {
    expect(read('1 200')).toBe('1200')
    expect(read('1,200,000')).toBe('1200000')
    expect(read('1.200.000')).toBe('1200000')
  })

  it('refuses a lone mark before three digits unless a decimal mark is chosen', () => {
    expect(read('1,200')).toBe('ambiguousAmount')
    expect(read('1.250')).toBe('ambiguousAmount')
    expect(read('-999,999')).toBe('ambiguousAmount')
    expect(read('1,200', '.')).toBe('1200')
    expect(read('1,200', ',')).toBe('1.200')
    expect(read('1.250', '.')).toBe('1.250')
    expect(read('1.250', ',')).toBe('1250')
  })

  it('refuses a cell that contradicts the chosen decimal mark', () => {
    expect(read('1.200,50', '.')).toBe('amountFormat')
    expect(read('1,5', '.')).toBe('amountFormat')
    expect(read('1,200,000', ',')).toBe('amountFormat')
  })

  it('refuses what is not an amount', () => {
    for (const cell of ['', 'abc', '£12', '12 EUR', '1,2.50', '1.2.3,4,5', '1,20,000', '12.', '1..2', '--3', '(-3)', '1 2', '1e3', '1 200.000,50', ' ,']) {
      expect(read(cell), cell).toBe('notAnAmount')
    }
  })
})
