import { expect, it } from 'vitest'
import { reportRange } from './report-range'

it('covers the last twelve calendar months up to the as-of date', () => {
  expect(reportRange(12, '2026-11-21')).toEqual({ from: '2025-12-01', to: '2026-11-21' })
  expect(reportRange(12, '2026-01-05T10:00:00Z')).toEqual({ from: '2025-02-01', to: '2026-01-05' })
  expect(reportRange(1, '2026-03-31')).toEqual({ from: '2026-03-01', to: '2026-03-31' })
})
