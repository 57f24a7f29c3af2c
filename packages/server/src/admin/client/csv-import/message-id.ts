/**
 * Gives events a `messageId` made from their content, so importing the same file twice stores each event once: the
 * server deduplicates events by `messageId` alone. Identical rows get `-2`, `-3`… so both are kept.
 *
 * @example
 * const nextId = contentMessageIds()
 * nextId({ userId: 'u1', event: 'Opened' }) // 'csv-…-1'
 * nextId({ userId: 'u1', event: 'Opened' }) // 'csv-…-2'
 */
export function contentMessageIds(): (content: Record<string, unknown>) => string {
  const seen = new Map<string, number>()
  return (content) => {
    const json = JSON.stringify(content)
    const digest = `${hash53(json, 1).toString(36)}${hash53(json, 2).toString(36)}`
    const count = (seen.get(digest) ?? 0) + 1
    seen.set(digest, count)
    return `csv-${digest}-${count}`
  }
}

/** cyrb53 (public domain): two seeds give ~106 bits, so a million events collide with odds near 1 in 10^20. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}
