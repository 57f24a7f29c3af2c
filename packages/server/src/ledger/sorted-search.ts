/**
 * The index just past the values ≤ `value` among the first `size` of a sorted column: how many there are.
 *
 * @example
 * upperBound(Float64Array.of(1, 2, 2, 5), 4, 2) // 3
 */
export function upperBound(values: Float64Array | Int32Array, size: number, value: number): number {
  let low = 0
  let high = size
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((values[middle] as number) <= value) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * The index of the first value ≥ `value` among the first `size` of a sorted column.
 *
 * @example
 * lowerBound(Int32Array.of(1, 2, 2, 5), 4, 2) // 1
 */
export function lowerBound(values: Float64Array | Int32Array, size: number, value: number): number {
  let low = 0
  let high = size
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((values[middle] as number) < value) low = middle + 1
    else high = middle
  }
  return low
}
