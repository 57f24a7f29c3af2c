/**
 * A random UUID v4 for the event's idempotency key.
 * `crypto.randomUUID` only exists in secure contexts, so plain-http pages build the same format from `getRandomValues`.
 *
 * @example createMessageId() // '3b241101-e2bb-4255-8caf-4136c566a962'
 */
export function createMessageId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const random = crypto.getRandomValues(new Uint8Array(31))
  let index = 0
  // x: any hex digit; y: the variant digit 8..b.
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (slot) =>
    (slot === 'x' ? random[index++]! & 15 : (random[index++]! & 3) | 8).toString(16),
  )
}
