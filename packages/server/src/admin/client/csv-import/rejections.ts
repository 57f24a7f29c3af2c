import type { PlannedEvent } from './batches'

/** One event `/v1/batch` refused, as it answers. */
export type BatchRejection = { index: number; code: string; message: string; issues?: { path: string; message: string }[] }

/** A row the server refused: the file, the line, and the server's words. */
export type SentProblem = { file: string; line: number; message: string }

/**
 * The rows behind the events a batch refused: an issue about `items.3.price` names the line of the fourth item, any
 * other the event's first line, with the path inside the event (`userId: must not be empty`).
 *
 * @example
 * rejectedRows(batch, [{ index: 0, code: 'validation_failed', message: '…', issues: [{ path: 'batch.0.items.1.name', message: 'must not be empty' }] }])
 * // [{ file: 'orders.csv', line: 7, message: 'items.1.name: must not be empty' }]
 */
export function rejectedRows(batch: readonly PlannedEvent[], rejected: readonly BatchRejection[]): SentProblem[] {
  const problems: SentProblem[] = []
  for (const rejection of rejected) {
    const made = batch[rejection.index]
    if (!made) continue
    if (!rejection.issues || rejection.issues.length === 0) {
      problems.push({ file: made.file, line: made.line, message: rejection.message })
      continue
    }
    // Issues of one line are reported together, as before.
    const byLine = new Map<number, string[]>()
    for (const issue of rejection.issues) {
      const path = issue.path.replace(/^batch\.\d+\.?/, '')
      const item = /^items\.(\d+)(?:\.|$)/.exec(path)
      const line = (item && made.itemLines?.[Number(item[1])]) ?? made.line
      byLine.set(line, [...(byLine.get(line) ?? []), path ? `${path}: ${issue.message}` : issue.message])
    }
    for (const [line, messages] of byLine) problems.push({ file: made.file, line, message: messages.join('; ') })
  }
  return problems
}
