import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'

/**
 * A random identifier with `bytes` bytes of entropy from the platform CSPRNG, base32-encoded (lowercase).
 *
 * @example
 * randomId('app_') // 'app_k3j4...'
 */
export function randomId(prefix = '', bytes = 15): string {
  const random = new Uint8Array(bytes)
  crypto.getRandomValues(random)
  return prefix + encodeBase32LowerCaseNoPadding(random)
}
