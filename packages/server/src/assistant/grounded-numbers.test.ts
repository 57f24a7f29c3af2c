import { describe, expect, it } from 'vitest'
import { isGrounded, numbersIn, numbersOf, ungroundedNumbers } from './grounded-numbers'

describe('grounded numbers', () => {
  it('reads English and Russian notation', () => {
    expect(numbersIn('Revenue was $1,234.50, up 12.5% on 3 orders')).toEqual([1234.5, 12.5, 3])
    expect(numbersIn('Выручка 1 234,5 ₽ (+12,5 %), 0,93')).toEqual([1234.5, 12.5, 0.93])
    expect(numbersIn('1\u202f234\u00a0567 and 1,234,567 and 1.234.567')).toEqual([1234567, 1234567, 1234567])
    expect(numbersIn('In 2026. Then 7')).toEqual([2026, 7])
    expect(numbersIn('p = 0,012; 1,234')).toEqual([0.012, 1234])
    expect(numbersIn('no numbers')).toEqual([])
  })

  it('collects the numbers of facts, including those inside strings', () => {
    expect(numbersOf({ period: '2026-03', values: [1.5, { x: 2 }], note: 'MASE 0.95' })).toEqual([2026, 3, 1.5, 2, 0.95])
  })

  it('accepts rounded and percentage forms of a fact and nothing else', () => {
    expect(isGrounded(12, [0.1234])).toBe(true)
    expect(isGrounded(12.3, [0.1234])).toBe(true)
    expect(isGrounded(1234.57, [1234.567])).toBe(true)
    expect(isGrounded(1235, [1234.567])).toBe(true)
    expect(isGrounded(1300, [1234.567])).toBe(false)
    expect(isGrounded(40, [0.12, 1234])).toBe(false)
  })

  it('lists what a text states beyond the facts', () => {
    const facts = { revenue: 1234.5, change: 0.125, period: '2026-03' }
    expect(ungroundedNumbers('In 2026-03 revenue was 1,234.50 (+12.5%).', facts)).toEqual([])
    expect(ungroundedNumbers('Revenue will grow 40% to 2,000.', facts)).toEqual([40, 2000])
  })
})
