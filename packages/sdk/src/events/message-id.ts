/**
 * A random UUID v4 for the event's idempotency key.
 * `crypto.randomUUID` only exists in secure contexts, so plain-http pages build the same format from `getRandomValues`.
 *
 * @example createMessageId() // '3b241101-e2bb-4255-8caf-4136c566a962'
 */
export function createMessageId(): string {
  if (crypto.randomUUID) return crypto.randomUUID()
  // Each 0, 1 and 8 of the template becomes a random hex digit; a 4 stays (the version), an 8 keeps its high bit (the variant).
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
    (+digit ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+digit / 4)))).toString(16),
  )
}
