import { mannKendall } from './mann-kendall'
import { type PeriodChange, periodChange } from './period-change'
import { senSlope } from './sen-slope'

/** One product's figure (revenue or units) per period, oldest first, with zeros for periods without sales. */
export interface ProductSeries {
  productId: string
  values: readonly number[]
}

export interface ProductMovement {
  productId: string
  /** Sen's slope, in value units per period. */
  slope: number
  /** Slope as a share of the product's mean per period, so small and large products compare. */
  relativeSlope: number
  /** Mann-Kendall two-sided p-value of the trend. */
  pValue: number
  /** Total of the second half of the periods against the first half. */
  halfOverHalf: PeriodChange
}

export interface ProductMovers {
  rising: ProductMovement[]
  falling: ProductMovement[]
}

export interface ProductMoversOptions {
  /** Products listed on each side. Default 5. */
  limit?: number
  /** Only trends with a Mann-Kendall p-value below this are listed. Default 0.05. */
  significance?: number
  /** Products with fewer periods than this are skipped. Default 6. */
  minPeriods?: number
}

/**
 * Products rising and falling the most: Sen's slope relative to the product's mean, kept only where Mann-Kendall
 * finds the trend significant, so one lucky week does not make a product "rising".
 *
 * @example
 * rankProductMovers([{ productId: 'p1', values: weeklyUnits }]).rising[0]?.productId
 */
export function rankProductMovers(products: readonly ProductSeries[], options: ProductMoversOptions = {}): ProductMovers {
  const limit = options.limit ?? 5
  const significance = options.significance ?? 0.05
  const minPeriods = options.minPeriods ?? 6
  const movements: ProductMovement[] = []
  for (const { productId, values } of products) {
    if (values.length < minPeriods) continue
    const total = values.reduce((sum, value) => sum + value, 0)
    if (total === 0) continue
    const { pValue } = mannKendall(values)
    if (!(pValue < significance)) continue
    const slope = senSlope(values)
    const half = Math.floor(values.length / 2)
    const sum = (part: readonly number[]) => part.reduce((acc, value) => acc + value, 0)
    movements.push({
      productId,
      slope,
      relativeSlope: slope / (total / values.length),
      pValue,
      halfOverHalf: periodChange(sum(values.slice(values.length - half)), sum(values.slice(0, half))),
    })
  }
  const byRise = [...movements].sort((left, right) => right.relativeSlope - left.relativeSlope)
  return {
    rising: byRise.filter((movement) => movement.relativeSlope > 0).slice(0, limit),
    falling: byRise.filter((movement) => movement.relativeSlope < 0).reverse().slice(0, limit),
  }
}
