/**
 * The dense index of a customer row id in an ascending list of row ids (a ledger's `customerRowIds`), by binary
 * search; undefined when it is not there (a customer the ledger has not read).
 *
 * @example
 * customerRowIndex([3, 8, 12], 8) // 1
 */
export function customerRowIndex(rowIds: ArrayLike<number>, rowId: number): number | undefined {
  let low = 0
  let high = rowIds.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((rowIds[middle] as number) < rowId) low = middle + 1
    else high = middle
  }
  return rowIds[low] === rowId ? low : undefined
}
