/** One CSV row turned into a batch event, with its line number in the file for the error report. */
export type RowEvent = { line: number; event: Record<string, unknown> }

const USER_FIELDS = ['userId', 'name', 'email', 'phone', 'createdAt'] as const
const PURCHASE_FIELDS = ['orderId', 'userId', 'amount', 'currency', 'timestamp', 'product'] as const

/**
 * Turns parsed CSV (header row first) into batch events of `kind`. Known columns (matched case-insensitively)
 * become fields; for users, other columns become traits. Empty cells are left out, so the server's validation
 * reports what is missing.
 *
 * @example
 * csvEvents([['userId', 'name', 'plan'], ['u1', 'Ada', 'pro']], 'user')
 * // [{ line: 2, event: { type: 'user', userId: 'u1', name: 'Ada', traits: { plan: 'pro' } } }]
 */
export function csvEvents(rows: string[][], kind: 'user' | 'purchase'): RowEvent[] {
  const [header = [], ...body] = rows
  const known: readonly string[] = kind === 'user' ? USER_FIELDS : PURCHASE_FIELDS
  const columns = header.map((name) => {
    const trimmed = name.trim()
    return known.find((field) => field.toLowerCase() === trimmed.toLowerCase()) ?? trimmed
  })
  return body.map((cells, index) => {
    const event: Record<string, unknown> = { type: kind }
    const traits: Record<string, string> = {}
    columns.forEach((column, position) => {
      const value = cells[position]?.trim() ?? ''
      if (value === '' || column === '') return
      if (known.includes(column)) event[column] = value
      else if (kind === 'user') traits[column] = value
    })
    if (Object.keys(traits).length > 0) event.traits = traits
    return { line: index + 2, event }
  })
}
