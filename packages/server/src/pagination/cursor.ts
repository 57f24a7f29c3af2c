import { validationFailed } from '../http/api-error'
import type { Keyset } from '../store'

/**
 * Encodes where a page ended, with the ordering it belongs to, as an opaque URL-safe cursor.
 *
 * @example
 * encodeCursor('-revenue', { value: 1999, id: 42 }) // 'WyItcmV2ZW51ZSIsMTk5OSw0Ml0'
 */
export function encodeCursor(ordering: string, keyset: Keyset): string {
  return Buffer.from(JSON.stringify([ordering, keyset.value, keyset.id])).toString('base64url')
}

/**
 * Decodes a cursor made by `encodeCursor` for the same ordering; `400` for anything else.
 *
 * @example
 * decodeCursor('-revenue', c.req.query('cursor')) // { value: 1999, id: 42 } or undefined
 */
export function decodeCursor(ordering: string, cursor: string | undefined): Keyset | undefined {
  if (cursor === undefined) return undefined
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(decoded) && decoded.length === 3 && decoded[0] === ordering) {
      const [, value, id] = decoded
      if ((typeof value === 'number' || typeof value === 'string') && Number.isSafeInteger(id)) return { value, id }
    }
  } catch {
    // fall through to the error below
  }
  throw validationFailed([{ path: 'cursor', message: 'is not a cursor of this list; pass back nextCursor unchanged' }])
}
