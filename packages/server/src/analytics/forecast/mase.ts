/**
 * Mean absolute error of the in-sample seasonal naive forecast: the scale of MASE (as forecast::accuracy with m).
 *
 * @example
 * seasonalNaiveScale([1, 2, 3, 2, 4, 5], 3) // 1.667
 */
export function seasonalNaiveScale(training: readonly number[], period: number): number {
  let total = 0
  for (let t = period; t < training.length; t++) total += Math.abs((training[t] as number) - (training[t - period] as number))
  return total / (training.length - period)
}

/**
 * Mean absolute scaled error of a forecast: below 1 beats the in-sample seasonal naive forecast on average.
 *
 * @example
 * meanAbsoluteScaledError([10, 12], [11, 12], training, 12)
 */
export function meanAbsoluteScaledError(
  actual: readonly number[],
  predicted: readonly number[],
  training: readonly number[],
  period: number,
): number {
  let total = 0
  for (let i = 0; i < actual.length; i++) total += Math.abs((actual[i] as number) - (predicted[i] as number))
  return total / actual.length / seasonalNaiveScale(training, period)
}
