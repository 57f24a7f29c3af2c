import { describe, expect, it } from 'vitest'
import { planBatches } from './batches'
import type { RowEvent } from './import-types'

const made = (line: number, type: string, extra: Record<string, unknown> = {}): RowEvent => ({ line, rows: 1, event: { type, ...extra } })

describe('planBatches', () => {
  it('sends users, then purchases, refunds and events, each in file order, across files', () => {
    const batches = planBatches([
      { name: 'mixed.csv', events: [made(2, 'event'), made(3, 'refund'), made(4, 'purchase'), made(5, 'user')] },
      { name: 'orders.csv', events: [made(2, 'refund'), made(3, 'purchase')] },
    ])
    expect(batches.flat().map((planned) => `${planned.file}:${planned.line}:${String(planned.event.type)}`)).toEqual([
      'mixed.csv:5:user',
      'mixed.csv:4:purchase',
      'orders.csv:3:purchase',
      'mixed.csv:3:refund',
      'orders.csv:2:refund',
      'mixed.csv:2:event',
    ])
  })

  it('cuts by count and by bytes, and never leaves a batch empty', () => {
    const events = Array.from({ length: 7 }, (_, index) => made(index + 2, 'event', { note: 'x'.repeat(80) }))
    expect(planBatches([{ name: 'a.csv', events }], { maxEvents: 3, maxBytes: 10_000 }).map((batch) => batch.length)).toEqual([3, 3, 1])
    expect(planBatches([{ name: 'a.csv', events }], { maxEvents: 100, maxBytes: 250 }).map((batch) => batch.length)).toEqual([2, 2, 2, 1])
    // An event above the limit goes alone, for the server to refuse by its index.
    expect(planBatches([{ name: 'a.csv', events: [made(2, 'event', { note: 'x'.repeat(500) }), made(3, 'event')] }], { maxEvents: 100, maxBytes: 250 }).map((batch) => batch.length)).toEqual([1, 1])
    expect(planBatches([])).toEqual([])
  })

  it('counts bytes, not characters', () => {
    const events = [made(2, 'event', { note: 'ж'.repeat(60) }), made(3, 'event', { note: 'ж'.repeat(60) })]
    expect(planBatches([{ name: 'a.csv', events }], { maxEvents: 100, maxBytes: 200 }).map((batch) => batch.length)).toEqual([1, 1])
  })
})
