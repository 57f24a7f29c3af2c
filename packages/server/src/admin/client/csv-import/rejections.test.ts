import { describe, expect, it } from 'vitest'
import type { PlannedEvent } from './batches'
import { rejectedRows } from './rejections'

const batch: PlannedEvent[] = [
  { file: 'users.csv', line: 4, rows: 1, event: { type: 'user' } },
  { file: 'orders.csv', line: 2, itemLines: [2, 5, 6], rows: 3, event: { type: 'purchase' } },
]

describe('rejectedRows', () => {
  it('names the event’s line, or the line of the item an issue is about', () => {
    expect(
      rejectedRows(batch, [
        { index: 0, code: 'validation_failed', message: 'Invalid', issues: [{ path: 'batch.0.userId', message: 'must not be empty' }] },
        {
          index: 1,
          code: 'validation_failed',
          message: 'Invalid',
          issues: [
            { path: 'batch.1.userId', message: 'must not be empty' },
            { path: 'batch.1.items.2.name', message: 'must not be empty' },
            { path: 'batch.1.items.2.quantity', message: 'too small' },
            { path: 'batch.1.items.9.name', message: 'must not be empty' },
          ],
        },
      ]),
    ).toEqual([
      { file: 'users.csv', line: 4, message: 'userId: must not be empty' },
      { file: 'orders.csv', line: 2, message: 'userId: must not be empty; items.9.name: must not be empty' },
      { file: 'orders.csv', line: 6, message: 'items.2.name: must not be empty; items.2.quantity: too small' },
    ])
  })

  it('takes the message when there are no issues, and skips an index it did not send', () => {
    expect(
      rejectedRows(batch, [
        { index: 1, code: 'payload_too_large', message: 'Event larger than 64 KiB' },
        { index: 7, code: 'conflict', message: 'x' },
      ]),
    ).toEqual([{ file: 'orders.csv', line: 2, message: 'Event larger than 64 KiB' }])
  })
})
