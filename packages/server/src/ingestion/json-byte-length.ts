// A string JSON writes as it is, between quotes: no quote, backslash or control character to escape.
const NEEDS_ESCAPING = /["\\\u0000-\u001f]/

/**
 * The size in UTF-8 bytes of `JSON.stringify(value)` for a value `JSON.parse` made, measured without writing it and
 * without recursion: its own stack walks a value 100 000 levels deep, where `JSON.stringify` overflows the call
 * stack (from about 5 000 levels). Counting stops once past `stopAbove`, so an oversized event costs no more
 * than its first `stopAbove` bytes.
 *
 * @example
 * jsonByteLength({ name: 'Ёж', tags: ['a'] })          // 28, as Buffer.byteLength(JSON.stringify(...))
 * jsonByteLength({ blob: 'x'.repeat(1e6) }, 65_536) > 65_536 // true, without counting every byte
 */
export function jsonByteLength(value: unknown, stopAbove = Number.POSITIVE_INFINITY): number {
  let bytes = 0
  const stack: unknown[] = [value]
  while (stack.length > 0 && bytes <= stopAbove) {
    const item = stack.pop()
    if (typeof item === 'string') bytes += stringBytes(item)
    else if (item === null || typeof item !== 'object') bytes += primitiveBytes(item)
    else if (Array.isArray(item)) {
      // [a,b,c]: brackets and a comma between items; undefined items write as null, as JSON.stringify does.
      bytes += 2 + Math.max(0, item.length - 1)
      for (let index = item.length - 1; index >= 0; index--) stack.push(item[index] === undefined ? null : item[index])
    } else {
      // {"k":v,...}: braces, each key with its colon, a comma between members; undefined members are left out.
      let members = 0
      for (const key of Object.keys(item)) {
        const member = (item as Record<string, unknown>)[key]
        if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue
        members += 1
        bytes += stringBytes(key) + 1
        stack.push(member)
      }
      bytes += 2 + Math.max(0, members - 1)
    }
  }
  return bytes
}

function stringBytes(text: string): number {
  // Escapes (and a lone surrogate, which JSON writes as \udXXX) are rare: let JSON.stringify word those few.
  if (NEEDS_ESCAPING.test(text) || !text.isWellFormed()) return Buffer.byteLength(JSON.stringify(text))
  return Buffer.byteLength(text) + 2
}

function primitiveBytes(value: unknown): number {
  // Numbers, booleans and null; what JSON cannot write (NaN, Infinity, undefined in an array) is written null.
  return (JSON.stringify(value) ?? 'null').length
}
