import { describe, expect, it } from 'vitest'
import { labelIndexes, linearScale, niceTicks } from './scale'

describe('linearScale', () => {
  it('maps the domain onto an inverted pixel range', () => {
    const y = linearScale([0, 200], [100, 0])
    expect(y(0)).toBe(100)
    expect(y(200)).toBe(0)
    expect(y(50)).toBe(75)
  })

  it('maps a zero-width domain to the start of the range instead of NaN', () => {
    expect(linearScale([5, 5], [10, 20])(5)).toBe(10)
  })
})

describe('niceTicks', () => {
  it('frames the data with round steps', () => {
    expect(niceTicks(0, 93, 5)).toEqual([0, 20, 40, 60, 80, 100])
    expect(niceTicks(-12, 37, 5)).toEqual([-20, -10, 0, 10, 20, 30, 40])
  })

  it('keeps decimal steps free of float noise', () => {
    expect(niceTicks(0, 0.7, 4)).toEqual([0, 0.2, 0.4, 0.6, 0.8])
  })

  it('gives a usable axis for a flat series', () => {
    expect(niceTicks(0, 0)).toEqual([0, 1])
    const ticks = niceTicks(50, 50)
    expect(ticks[0]).toBeLessThanOrEqual(0)
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(75)
  })
})

describe('labelIndexes', () => {
  it('thins labels evenly and keeps the last', () => {
    expect(labelIndexes(12, 4)).toEqual([2, 5, 8, 11])
    expect(labelIndexes(3, 6)).toEqual([0, 1, 2])
    expect(labelIndexes(0, 6)).toEqual([])
  })
})
