import { describe, expect, it } from 'vitest'
import { recomputeDelay } from './recompute-delay'

describe('recomputeDelay', () => {
  it('waits the debounce after new data for a quick computation', () => {
    expect(recomputeDelay(2000, 40)).toBe(2000)
  })

  it('keeps a slow computation to a tenth of the time', () => {
    const delay = recomputeDelay(2000, 2500)
    expect(delay).toBe(22_500)
    expect(2500 / (delay + 2500)).toBeCloseTo(0.1)
  })
})
