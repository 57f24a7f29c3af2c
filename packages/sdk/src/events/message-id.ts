/**
 * A UUID v7 (RFC 9562) for the event's idempotency key: 48 bits of Unix milliseconds, then 74 random bits.
 * Ids that grow with time land side by side in the server's index of seen ids; random v4 ids fell on a random page
 * each and made every stored event about three times as costly to write.
 *
 * @example createMessageId() // '019aa6f0-3c1e-7b2a-9d41-6f0e2c8b5a17'
 */
export function createMessageId(now = Date.now()): string {
  const time = now.toString(16).padStart(12, '0')
  const random = Array.from(crypto.getRandomValues(new Uint8Array(10)), (byte) => (byte + 256).toString(16).slice(1)).join('')
  // Version 7 in the 13th digit; the variant's two high bits (10) in the 17th.
  const variant = ((Number.parseInt(random[3]!, 16) & 3) | 8).toString(16)
  return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(0, 3)}-${variant}${random.slice(4, 7)}-${random.slice(7, 19)}`
}
