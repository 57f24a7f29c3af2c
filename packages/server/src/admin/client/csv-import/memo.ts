/**
 * Remembers a pure reader's answers by its text argument and its option. An export repeats the same few prices and
 * one date per invoice across hundreds of thousands of lines, so most cells are read once. The memory is dropped past
 * `limit` entries rather than kept in order, as a file of all-distinct cells gains nothing from it anyway.
 *
 * @example
 * const fastRead = memoize(readDateTime) // fastRead('2011-12-10', 'detect') reads once, then answers from memory
 */
export function memoize<Option extends string, Result>(read: (text: string, option: Option) => Result, limit = 20_000): (text: string, option: Option) => Result {
  let memory = new Map<string, Result>()
  return (text, option) => {
    const key = `${option}\u0000${text}`
    let result = memory.get(key)
    if (result === undefined) {
      if (memory.size >= limit) memory = new Map()
      result = read(text, option)
      memory.set(key, result)
    }
    return result
  }
}
