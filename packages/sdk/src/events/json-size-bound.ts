/**
 * An upper bound of the bytes `value` takes as JSON, found without serializing it: a string counts 6 bytes per
 * UTF-16 unit (`\uXXXX`, the worst escape). Infinity when it cannot tell cheaply (a BigInt, a `toJSON` other than
 * a Date's, nesting deep enough to be a cycle), so the caller serializes to know.
 *
 * @example jsonSizeBound({ channel: 'web' }) // 34
 */
export function jsonSizeBound(value: unknown, depth = 0): number {
  if (typeof value === 'string') return value.length * 6 + 2
  if (typeof value === 'bigint' || depth > 32) return Number.POSITIVE_INFINITY
  if (typeof value !== 'object' || value === null) return 24
  if (value instanceof Date) return 26
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return Number.POSITIVE_INFINITY
  let total = 2
  for (const key in value) total += key.length * 6 + 4 + jsonSizeBound((value as Record<string, unknown>)[key], depth + 1)
  return total
}
