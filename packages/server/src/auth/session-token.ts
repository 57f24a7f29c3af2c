import { sha256 } from '@oslojs/crypto/sha2'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { randomId } from '../ids'

/** A session token as the Lucia guide builds it: `<id>.<secret>`; only a SHA-256 of the secret is stored. */
export type SessionToken = { id: string; secret: string; token: string; secretHash: Uint8Array }

/**
 * Creates a new session id and secret with 120 bits of entropy each.
 *
 * @example
 * const { token, id, secretHash } = createSessionToken()
 */
export function createSessionToken(): SessionToken {
  const id = randomId('', 15)
  const secret = randomId('', 15)
  return { id, secret, token: `${id}.${secret}`, secretHash: hashSecret(secret) }
}

/**
 * Splits a token into its id and secret; undefined for anything malformed.
 *
 * @example
 * parseSessionToken('abc.def') // { id: 'abc', secret: 'def' }
 */
export function parseSessionToken(token: string): { id: string; secret: string } | undefined {
  const parts = token.split('.')
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined
  return { id: parts[0], secret: parts[1] }
}

/**
 * Compares a presented secret with the stored hash in constant time.
 *
 * @example
 * secretMatches(secret, session.secretHash)
 */
export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  return constantTimeEqual(hashSecret(secret), new Uint8Array(storedHash))
}

function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret))
}
