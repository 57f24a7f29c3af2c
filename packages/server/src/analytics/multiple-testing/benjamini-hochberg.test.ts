import { describe, expect, it } from 'vitest'
import { benjaminiHochberg } from './benjamini-hochberg'

describe('benjaminiHochberg', () => {
  it('reproduces the example of Benjamini and Hochberg (1995): four of fifteen rejected at q = 0.05', () => {
    // The fifteen p-values of the paper's section 4 (a multiple-endpoint clinical trial).
    const p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1]
    const adjusted = benjaminiHochberg(p)
    expect(adjusted.filter((value) => value <= 0.05)).toHaveLength(4)
    // p(i) × 15 / i, made non-decreasing from the top: what R's p.adjust(p, "BH") gives.
    const expected = [0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.063857, 0.063857, 0.0645, 0.0765, 0.486, 0.581182, 0.714875, 0.753231, 0.813214, 1]
    adjusted.forEach((value, i) => expect(value).toBeCloseTo(expected[i] as number, 6))
  })

  it('keeps the input’s order and handles ties and the empty list', () => {
    expect(benjaminiHochberg([0.01, 0.04, 0.03])).toEqual([0.03, 0.04, 0.04])
    expect(benjaminiHochberg([0.02, 0.02])).toEqual([0.02, 0.02])
    expect(benjaminiHochberg([])).toEqual([])
  })
})
