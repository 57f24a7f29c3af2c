export interface PeriodChange {
  current: number
  previous: number
  change: number
  /** change / |previous|; null when the previous period is 0, where a percentage means nothing. */
  relativeChange: number | null
}

/**
 * Change from one period's figure to the next.
 *
 * @example
 * periodChange(120, 100) // { current: 120, previous: 100, change: 20, relativeChange: 0.2 }
 */
export function periodChange(current: number, previous: number): PeriodChange {
  const change = current - previous
  return { current, previous, change, relativeChange: previous === 0 ? null : change / Math.abs(previous) }
}

/**
 * Change of the last value of a series against the one `lag` steps before it: lag 1 for month over month,
 * 12 for the same month a year ago on monthly data. Null when the series is not long enough.
 *
 * @example
 * seriesPeriodChange([90, 100, 120], 1) // { current: 120, previous: 100, change: 20, relativeChange: 0.2 }
 */
export function seriesPeriodChange(series: readonly number[], lag = 1): PeriodChange | null {
  const current = series[series.length - 1]
  const previous = series[series.length - 1 - lag]
  if (current === undefined || previous === undefined || lag < 1) return null
  return periodChange(current, previous)
}
