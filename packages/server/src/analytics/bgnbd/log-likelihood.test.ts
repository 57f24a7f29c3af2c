import { describe, expect, it } from 'vitest'
import { readCdnowSummary } from '../../../test/fixtures/cdnow'
import { compressHistories } from './compress-histories'
import type { BgNbdParameters } from './customer-history'
import { bgNbdLogLikelihood, evaluateBgNbdLikelihood } from './log-likelihood'

const histories = readCdnowSummary()
const published: BgNbdParameters = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }

describe('BG/NBD log-likelihood', () => {
  it('gives the published value, the same on raw and compressed histories', () => {
    expect(bgNbdLogLikelihood(published, histories)).toBeCloseTo(-9582.4, 0)
    expect(bgNbdLogLikelihood(published, compressHistories(histories))).toBeCloseTo(bgNbdLogLikelihood(published, histories), 8)
  })

  it('is minus infinity outside the parameter space', () => {
    expect(bgNbdLogLikelihood({ ...published, a: 0 }, histories)).toBe(Number.NEGATIVE_INFINITY)
  })

  it('has the gradient central differences give, in log-parameters', () => {
    const data = compressHistories(histories)
    const point = [Math.log(0.3), Math.log(4), Math.log(0.7), Math.log(2)]
    const toParameters = ([r = 0, alpha = 0, a = 0, b = 0]: number[]) => ({
      r: Math.exp(r),
      alpha: Math.exp(alpha),
      a: Math.exp(a),
      b: Math.exp(b),
    })
    const { gradient } = evaluateBgNbdLikelihood(toParameters(point), data, true)
    point.forEach((_, i) => {
      const step = 1e-6
      const up = point.map((value, j) => (j === i ? value + step : value))
      const down = point.map((value, j) => (j === i ? value - step : value))
      const numeric = (bgNbdLogLikelihood(toParameters(up), data) - bgNbdLogLikelihood(toParameters(down), data)) / (2 * step)
      expect(gradient?.[i]).toBeCloseTo(numeric, 3)
    })
  })
})
