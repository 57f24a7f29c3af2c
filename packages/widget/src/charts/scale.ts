/** A linear map from a data domain onto a pixel range. */
export interface LinearScale {
  (value: number): number
  readonly domain: readonly [number, number]
  readonly range: readonly [number, number]
}

/**
 * Maps `domain` linearly onto `range`; a zero-width domain maps everything to the range's start.
 *
 * @example
 * const y = linearScale([0, 100], [200, 0])
 * y(50) // 100
 */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain
  const [r0, r1] = range
  const span = d1 - d0
  const scale = ((value: number) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0))) as LinearScale
  return Object.assign(scale, { domain, range })
}

/**
 * Round tick values (1, 2 or 5 times a power of ten) covering `[min, max]`, about `count` of them.
 * The first tick is at or below `min` and the last at or above `max`, so the axis frames all data.
 *
 * @example
 * niceTicks(0, 93, 5) // [0, 20, 40, 60, 80, 100]
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0]
  if (min === max) {
    if (min === 0) return [0, 1]
    const pad = Math.abs(min) / 2
    return niceTicks(Math.min(0, min - pad), max + pad, count)
  }
  const step = niceStep((max - min) / Math.max(1, count))
  const first = Math.floor(min / step) * step
  const last = Math.ceil(max / step) * step
  const ticks: number[] = []
  // Rounding to the step's precision keeps 0.1 + 0.2 style float noise out of the labels.
  const digits = Math.max(0, -Math.floor(Math.log10(step)))
  for (let value = first; value <= last + step / 2; value += step) ticks.push(Number(value.toFixed(digits)))
  return ticks
}

function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough))
  const fraction = rough / power
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
  return nice * power
}

/**
 * Which of `length` category labels to print so that at most `max` appear, evenly spaced, always
 * including the last one (the most recent period is the one readers look for).
 *
 * @example
 * labelIndexes(12, 4) // [2, 5, 8, 11]
 */
export function labelIndexes(length: number, max: number): number[] {
  if (length <= 0) return []
  const every = Math.max(1, Math.ceil(length / Math.max(1, max)))
  const indexes: number[] = []
  for (let index = length - 1; index >= 0; index -= every) indexes.unshift(index)
  return indexes
}
