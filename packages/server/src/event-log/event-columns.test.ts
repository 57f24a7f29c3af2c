import { describe, expect, it } from 'vitest'
import { EventColumns } from './event-columns'

const columns = (...events: [ts: number, name: number, customer: number][]) => {
  const run = new EventColumns(1)
  for (const [ts, name, customer] of events) run.add(ts, name, customer)
  return run
}
const rows = (run: EventColumns) => Array.from({ length: run.size }, (_, i) => [run.ts[i], run.name[i], run.customer[i]])

describe('EventColumns', () => {
  it('grows as events are added and appended', () => {
    const run = columns(...Array.from({ length: 2_000 }, (_, i): [number, number, number] => [i, i % 3, i % 7]))
    expect(run.size).toBe(2_000)
    run.append(columns([5_000, 1, 1]))
    expect(rows(run).at(-1)).toEqual([5_000, 1, 1])
    expect(run.size).toBe(2_001)
  })

  it('sorts a run by time, keeping the arrival order of equal times, and returns a sorted run itself', () => {
    const sorted = columns([1, 0, 0], [2, 0, 1])
    expect(sorted.sortedByTime()).toBe(sorted)
    expect(rows(columns([3, 0, 0], [1, 1, 1], [3, 2, 2], [1, 3, 3]).sortedByTime())).toEqual([
      [1, 1, 1],
      [1, 3, 3],
      [3, 0, 0],
      [3, 2, 2],
    ])
  })

  it('merges two sorted runs, the older one’s first among equal times', () => {
    const merged = EventColumns.merge(columns([1, 0, 0], [5, 0, 1], [9, 0, 2]), columns([0, 1, 3], [5, 1, 4], [10, 1, 5]))
    expect(rows(merged)).toEqual([
      [0, 1, 3],
      [1, 0, 0],
      [5, 0, 1],
      [5, 1, 4],
      [9, 0, 2],
      [10, 1, 5],
    ])
  })
})
