export interface DenseIndex<T> {
  /** The number standing for `value`, given on first sight: 0, 1, 2, ... */
  indexOf(value: T): number
  /** values[i] is the value numbered i. */
  readonly values: T[]
}

/**
 * Numbers distinct values densely in order of first appearance, so they can index typed arrays.
 *
 * @example
 * const index = createDenseIndex<string>(); index.indexOf('tea'); index.indexOf('cup'); index.indexOf('tea') // 0
 */
export function createDenseIndex<T>(): DenseIndex<T> {
  const positions = new Map<T, number>()
  const values: T[] = []
  return {
    values,
    indexOf(value) {
      let position = positions.get(value)
      if (position === undefined) {
        position = values.length
        positions.set(value, position)
        values.push(value)
      }
      return position
    },
  }
}
