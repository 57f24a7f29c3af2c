/**
 * The fields with a value: an empty cell is no field at all, so the server's validation names what is missing.
 *
 * @example
 * withoutEmpty({ type: 'user', userId: 'u1', email: '', phone: undefined }) // { type: 'user', userId: 'u1' }
 */
export function withoutEmpty(fields: Record<string, unknown>): Record<string, unknown> {
  // A plain loop: this runs for every item of every invoice, and entries/fromEntries allocate twice per field.
  const kept: Record<string, unknown> = {}
  for (const key in fields) {
    const value = fields[key]
    if (value !== '' && value !== undefined) kept[key] = value
  }
  return kept
}
