import type { CustomerHistory } from './customer-history'
import { createDenseIndex } from '../encoding/dense-index'

/**
 * Customer histories folded into distinct (x, t_x, T) rows with a weight each, with t_x and T replaced by indices
 * into tables of their distinct values: a likelihood evaluation then costs one logarithm per distinct time rather
 * than per customer, which is what keeps a 100 000-customer fit under a second.
 */
export interface CompressedHistories {
  customers: number
  repeatCustomers: number
  frequencies: Float64Array
  weights: Float64Array
  recencyIndex: Uint32Array
  ageIndex: Uint32Array
  distinctRecencies: Float64Array
  distinctAges: Float64Array
  /** Index of each row's frequency in `distinctFrequencies`. */
  frequencyIndex: Uint32Array
  distinctFrequencies: Float64Array
}

/**
 * Folds identical histories together.
 *
 * @example
 * compressHistories([{ frequency: 0, recency: 0, age: 10 }, { frequency: 0, recency: 0, age: 10 }]).weights // [2]
 */
export function compressHistories(histories: readonly CustomerHistory[]): CompressedHistories {
  const recencies = createDenseIndex<number>()
  const ages = createDenseIndex<number>()
  const frequencies = createDenseIndex<number>()
  // Each history as three dense indices first, so that a row is known by one number made of them: a string key per
  // customer cost some 60 bytes each, megabytes of heap for a 100 000-customer fit.
  const count = histories.length
  const frequencyOf = new Uint32Array(count)
  const recencyOf = new Uint32Array(count)
  const ageOf = new Uint32Array(count)
  let repeatCustomers = 0
  histories.forEach(({ frequency, recency, age }, i) => {
    if (frequency > 0) repeatCustomers++
    frequencyOf[i] = frequencies.indexOf(frequency)
    recencyOf[i] = recencies.indexOf(recency)
    ageOf[i] = ages.indexOf(age)
  })
  const recencyCount = recencies.values.length
  const ageCount = ages.values.length
  const exactKeys = frequencies.values.length * recencyCount * ageCount <= Number.MAX_SAFE_INTEGER
  const rows = new Map<number | string, number>()
  const rowFrequencyIndex: number[] = []
  const rowRecency: number[] = []
  const rowAge: number[] = []
  const rowWeight: number[] = []
  for (let i = 0; i < count; i++) {
    const frequencyAt = frequencyOf[i] as number
    const recencyAt = recencyOf[i] as number
    const ageAt = ageOf[i] as number
    const key = exactKeys ? (frequencyAt * recencyCount + recencyAt) * ageCount + ageAt : `${frequencyAt}|${recencyAt}|${ageAt}`
    const row = rows.get(key)
    if (row !== undefined) {
      rowWeight[row] = (rowWeight[row] as number) + 1
      continue
    }
    rows.set(key, rowWeight.length)
    rowFrequencyIndex.push(frequencyAt)
    rowRecency.push(recencyAt)
    rowAge.push(ageAt)
    rowWeight.push(1)
  }
  return {
    customers: count,
    repeatCustomers,
    frequencies: Float64Array.from(rowFrequencyIndex, (at) => frequencies.values[at] as number),
    weights: Float64Array.from(rowWeight),
    recencyIndex: Uint32Array.from(rowRecency),
    ageIndex: Uint32Array.from(rowAge),
    distinctRecencies: Float64Array.from(recencies.values),
    distinctAges: Float64Array.from(ages.values),
    frequencyIndex: Uint32Array.from(rowFrequencyIndex),
    distinctFrequencies: Float64Array.from(frequencies.values),
  }
}
